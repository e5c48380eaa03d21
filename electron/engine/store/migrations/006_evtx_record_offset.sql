-- 006: win_events gains record_offset, where an event read from a binary .evtx file lies in it. Such an
-- event's XML is not stored: it is rendered from the evidence file when the raw-event viewer asks
-- (rendering it for every event at import cost a third of the import's time and memory, measured), and
-- rebuilt from the stored fields when the file is no longer there. The column goes before xml, which the
-- load path writes last, so the table is re-created as in 005: same columns, rows copied.

CREATE TABLE win_events_006 (
  source_id           INTEGER NOT NULL,
  record_no           BIGINT NOT NULL,
  record_id           BIGINT,
  ts                  TIMESTAMP,
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
  status              VARCHAR,
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
  data                JSON,
  -- The file offset of an .evtx record: its XML is rendered from the evidence when it is asked for.
  record_offset       BIGINT,
  xml                 VARCHAR USING COMPRESSION fsst
);
INSERT INTO win_events_006 SELECT source_id, record_no, record_id, ts, host, channel, provider, event_id, version, level, task, keywords, exec_pid, user_sid, subject_user, subject_domain, subject_sid, subject_logon_id, target_user, target_domain, target_sid, target_logon_id, pid, parent_pid, image, parent_image, command_line, parent_command_line, process_guid, parent_process_guid, logon_type, ip, ip_port, workstation, status, sub_status, failure_code, caller_pid, caller_image, logon_process, auth_package, member_name, member_sid, object_type, object_name, script_text, data, NULL, xml FROM win_events;
DROP TABLE win_events;
ALTER TABLE win_events_006 RENAME TO win_events;
