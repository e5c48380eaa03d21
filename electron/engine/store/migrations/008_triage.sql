-- 008: what the responder decides, kept in the case beside the evidence. A finding's review (status, tags,
-- note, bookmark) is keyed on its finding_id, which the analytics derive from the finding's own content
-- (findingRows.ts), so the same finding gets the same id on every run; `anchors` names a few of its
-- evidence events, so a review follows its finding when the id moves (a burst that a newly imported file
-- makes start earlier). Rows are never deleted by a run: a finding that disappears and comes back (a
-- threshold changed and changed back) finds its review again. An event's triage is keyed the way the raw
-- viewer names an event: table, the file's SHA-256 and the record's ordinal in that file.

CREATE TABLE finding_triage (
  finding_id  VARCHAR PRIMARY KEY,
  analytic    VARCHAR NOT NULL,
  status      VARCHAR NOT NULL,      -- new | reviewed | false-positive | confirmed
  status_at   TIMESTAMP,             -- UTC, when the status was last set
  status_by   VARCHAR,               -- who set it: the account the engine ran as
  tags        VARCHAR[] NOT NULL,
  note        VARCHAR NOT NULL,
  bookmarked  BOOLEAN NOT NULL,
  updated_at  TIMESTAMP NOT NULL,    -- UTC
  anchors     VARCHAR[] NOT NULL     -- 'table|sha256|record_no' of up to 64 evidence events
);

CREATE TABLE event_triage (
  table_name    VARCHAR NOT NULL,    -- win_events | signins | audits
  source_sha256 VARCHAR NOT NULL,
  record_no     BIGINT NOT NULL,
  tags          VARCHAR[] NOT NULL,
  note          VARCHAR NOT NULL,
  bookmarked    BOOLEAN NOT NULL,
  updated_at    TIMESTAMP NOT NULL,  -- UTC
  PRIMARY KEY (table_name, source_sha256, record_no)
);

-- The tags the pickers offer, in order; the responder edits the set. Removing a tag from the set leaves it
-- on what already carries it.
CREATE TABLE triage_tag_set (
  position  INTEGER NOT NULL,
  tag       VARCHAR PRIMARY KEY
);
INSERT INTO triage_tag_set VALUES (1, 'suspicious'), (2, 'benign'), (3, 'reviewed'), (4, 'follow up');
