-- 001: the case tables. One row per imported file in `sources`; every record keeps its source and
-- its 1-based ordinal in that file (record_no), so any row leads back to the exact evidence.

CREATE TABLE sources (
  source_id     INTEGER PRIMARY KEY,
  path          VARCHAR NOT NULL,      -- absolute path at import time
  name          VARCHAR NOT NULL,      -- file name, for display
  size          BIGINT NOT NULL,
  sha256        VARCHAR NOT NULL,      -- unique among imported files; a rejected file may recur
  format        VARCHAR NOT NULL,      -- windows-xml | entra-signins | entra-audits | entra-mixed
  variant       VARCHAR,               -- wevtutil | event-viewer | powershell-lines | python-evtx | ...
  events        BIGINT NOT NULL,       -- records imported
  skipped       BIGINT NOT NULL,       -- records seen but not imported
  error_count   BIGINT NOT NULL,
  imported_at   TIMESTAMP NOT NULL,    -- UTC
  import_ms     BIGINT NOT NULL
);

CREATE TABLE source_errors (
  source_id     INTEGER NOT NULL,
  seq           INTEGER NOT NULL,
  message       VARCHAR NOT NULL,
  byte_offset   BIGINT,
  record_no     BIGINT
);

CREATE TABLE win_events (
  source_id           INTEGER NOT NULL,
  record_no           BIGINT NOT NULL,
  record_id           BIGINT,
  ts                  TIMESTAMP,          -- UTC, microseconds
  host                VARCHAR,
  channel             VARCHAR,
  provider            VARCHAR,
  event_id            INTEGER,
  version             SMALLINT,
  level               SMALLINT,
  task                INTEGER,
  keywords            VARCHAR,
  exec_pid            BIGINT,
  user_sid            VARCHAR,
  subject_user        VARCHAR,
  subject_domain      VARCHAR,
  subject_sid         VARCHAR,
  subject_logon_id    BIGINT,
  target_user         VARCHAR,
  target_domain       VARCHAR,
  target_sid          VARCHAR,
  target_logon_id     BIGINT,
  pid                 BIGINT,
  parent_pid          BIGINT,
  image               VARCHAR,
  parent_image        VARCHAR,
  command_line        VARCHAR,
  parent_command_line VARCHAR,
  process_guid        VARCHAR,
  parent_process_guid VARCHAR,
  logon_type          SMALLINT,
  ip                  VARCHAR,
  ip_port             INTEGER,
  workstation         VARCHAR,
  status              VARCHAR,            -- canonical hex, e.g. 0xc000006d
  sub_status          VARCHAR,
  failure_code        VARCHAR,
  caller_pid          BIGINT,
  caller_image        VARCHAR,
  logon_process       VARCHAR,
  auth_package        VARCHAR,
  member_name         VARCHAR,
  member_sid          VARCHAR,
  object_type         VARCHAR,
  object_name         VARCHAR,
  script_text         VARCHAR,
  -- Every other EventData/UserData value, name -> value, as a JSON object. `data::MAP(VARCHAR, VARCHAR)`
  -- turns it into a DuckDB MAP; it is stored as JSON because appending a MAP through the Appender costs
  -- ~18 us a row (measured), more than every other column together.
  data                JSON,
  xml                 VARCHAR
);

CREATE TABLE signins (
  source_id                 INTEGER NOT NULL,
  record_no                 BIGINT NOT NULL,
  ts                        TIMESTAMP,
  id                        VARCHAR,
  user_principal_name       VARCHAR,
  user_display_name         VARCHAR,
  user_id                   VARCHAR,
  app_display_name          VARCHAR,
  app_id                    VARCHAR,
  resource_display_name     VARCHAR,
  ip                        VARCHAR,
  client_app_used           VARCHAR,
  user_agent                VARCHAR,
  error_code                INTEGER,
  failure_reason            VARCHAR,
  is_interactive            BOOLEAN,
  signin_kind               VARCHAR,
  country                   VARCHAR,
  city                      VARCHAR,
  correlation_id            VARCHAR,
  conditional_access_status VARCHAR,
  raw                       VARCHAR
);

CREATE TABLE audits (
  source_id          INTEGER NOT NULL,
  record_no          BIGINT NOT NULL,
  ts                 TIMESTAMP,
  id                 VARCHAR,
  category           VARCHAR,
  activity           VARCHAR,
  operation_type     VARCHAR,
  result             VARCHAR,
  result_reason      VARCHAR,
  logged_by_service  VARCHAR,
  initiator_upn      VARCHAR,
  initiator_ip       VARCHAR,
  initiator_app      VARCHAR,
  target_upns        VARCHAR[],
  correlation_id     VARCHAR,
  raw                VARCHAR
);
