-- 003: where analysis results live. One row per finding (the whole Finding as JSON, plus the columns
-- the app filters and sorts on), one row per evidence event, and one row per account a finding is about,
-- so an account's story is a lookup, not a scan of every finding. Each run replaces the rows of the
-- analytics it ran; analysis_runs keeps what was run, when, and with which parameters.

CREATE TABLE analysis_runs (
  run_id        INTEGER NOT NULL,
  started_at    TIMESTAMP NOT NULL,   -- UTC, wall clock (the only place "now" appears)
  duration_ms   BIGINT NOT NULL,
  analytics     VARCHAR[] NOT NULL,
  params_json   VARCHAR NOT NULL,
  finding_count INTEGER NOT NULL
);

CREATE TABLE findings (
  finding_id        VARCHAR NOT NULL,
  run_id            INTEGER NOT NULL,
  analytic          VARCHAR NOT NULL,   -- AN1612 | AN1604 | AN1235 | T1589
  title             VARCHAR NOT NULL,
  severity          VARCHAR NOT NULL,   -- low | medium | high | critical
  severity_rank     SMALLINT NOT NULL,  -- 1..4, for sorting
  confidence        VARCHAR NOT NULL,
  first_ts          TIMESTAMP NOT NULL,
  last_ts           TIMESTAMP NOT NULL,
  hosts             VARCHAR[] NOT NULL,
  accounts          VARCHAR[] NOT NULL,
  actor_user        VARCHAR,
  actor_logon_id    VARCHAR,
  actor_source_ip   VARCHAR,
  allowlisted_kind  VARCHAR,
  allowlisted_value VARCHAR,
  explanation       VARCHAR NOT NULL,
  finding_json      VARCHAR NOT NULL    -- the Finding exactly as shared/report.ts shapes it
);

CREATE TABLE finding_evidence (
  finding_id    VARCHAR NOT NULL,
  seq           INTEGER NOT NULL,
  source_sha256 VARCHAR,
  table_name    VARCHAR NOT NULL,       -- win_events | signins | audits
  source_id     INTEGER NOT NULL,
  record_no     BIGINT NOT NULL,
  record_id     BIGINT,                 -- EventRecordID for Windows, the record ordinal for JSON
  event_id      INTEGER,
  ts            TIMESTAMP,
  role          VARCHAR
);

CREATE TABLE finding_accounts (
  finding_id      VARCHAR NOT NULL,
  account_key     VARCHAR NOT NULL,     -- account_key() of migration 002
  account_display VARCHAR NOT NULL,
  role            VARCHAR NOT NULL      -- created | enumerated | probed
);
