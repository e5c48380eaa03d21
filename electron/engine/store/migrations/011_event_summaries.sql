-- 011: small summaries of the events, kept in the case, for the screens that look a name or a field up.
--
-- A user's page first finds every identity of the person (entities/identities.ts) and then every event
-- naming one of them; a host's or an IP's page the events naming it. Each was a search of a million
-- events' names (an ILIKE, then account keys), 0.3-0.5 s a page on the bench case. The case names few
-- distinct accounts, hosts and addresses: looked up among those, the names an event must carry are known,
-- and the events carrying them are an equality test the scan answers from its dictionaries (4-25 ms).
-- Likewise the EventData fields: which event ids carry a field, and how many events hold each field (the
-- column chooser), read from every event's JSON took 1.3 s.
--
-- `event_names` counts the rows of win_events and signins per name (with its domain and SID for an
-- account, and for a sign-in's UPN whether the tenant knew it), `event_data_keys` the events per event id
-- and EventData field; each covers the rows of its table below `event_summary_coverage.below` (rowid).
-- The event tables only grow (an import appends; nothing updates or deletes their rows), so rows at or
-- above that mark are the ones added since: the readers count those from the table itself, in the same
-- query (eventSummaries.ts), and the summaries are never wrong, only sometimes slower. An import and an
-- analysis bring them up to date. A later migration that rewrites an event table (as 005 and 006 did)
-- must empty these three tables, or rebuild them as below.
--
-- The counting is these table macros, over the rows from `lo` up to, not including, `hi` of each table.

CREATE TABLE IF NOT EXISTS event_names (
  tbl        VARCHAR NOT NULL, -- 'win_events' or 'signins'
  field      VARCHAR NOT NULL, -- 'subject', 'target', 'host', 'workstation', 'ip' (win_events); 'upn', 'ip' (signins)
  name       VARCHAR NOT NULL,
  domain     VARCHAR,
  sid        VARCHAR,
  in_tenant  BOOLEAN,          -- a UPN: answered by anything but "no such user" (50034)
  -- An account's key (account_key), the name as the pages show it (account_display) and its name part as
  -- the identities match it (lower-case; a UPN's local part): worked out once per name, not per lookup.
  key        VARCHAR,
  display    VARCHAR,
  part       VARCHAR,
  n          BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS event_data_keys (
  event_id   INTEGER,
  key        VARCHAR NOT NULL,
  n          BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS event_summary_coverage (
  tbl        VARCHAR NOT NULL,
  below      BIGINT NOT NULL
);

CREATE OR REPLACE MACRO event_names_between(win_lo, win_hi, signin_lo, signin_hi) AS TABLE
  SELECT tbl, field, name, domain, sid, in_tenant,
         CASE WHEN field IN ('subject', 'target', 'upn') THEN account_key(name, domain) END AS key,
         CASE WHEN field IN ('subject', 'target') THEN account_display(name, domain) END AS display,
         CASE WHEN field IN ('subject', 'target') THEN lower(account_name_part(trim(name)))
              WHEN field = 'upn' THEN lower(split_part(name, '@', 1)) END AS part,
         n
  FROM (
    SELECT 'win_events' AS tbl, 'subject' AS field, subject_user AS name, subject_domain AS domain,
           subject_sid AS sid, NULL::BOOLEAN AS in_tenant, count(*) AS n
      FROM win_events WHERE rowid >= win_lo AND rowid < win_hi AND subject_user IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'win_events', 'target', target_user, target_domain, target_sid, NULL, count(*)
      FROM win_events WHERE rowid >= win_lo AND rowid < win_hi AND target_user IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'win_events', 'host', host, NULL, NULL, NULL, count(*)
      FROM win_events WHERE rowid >= win_lo AND rowid < win_hi AND host IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'win_events', 'workstation', workstation, NULL, NULL, NULL, count(*)
      FROM win_events WHERE rowid >= win_lo AND rowid < win_hi AND workstation IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'win_events', 'ip', ip, NULL, NULL, NULL, count(*)
      FROM win_events WHERE rowid >= win_lo AND rowid < win_hi AND ip IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'signins', 'upn', user_principal_name, NULL, NULL, coalesce(error_code, 0) <> 50034, count(*)
      FROM signins WHERE rowid >= signin_lo AND rowid < signin_hi AND user_principal_name IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'signins', 'ip', ip, NULL, NULL, NULL, count(*)
      FROM signins WHERE rowid >= signin_lo AND rowid < signin_hi AND ip IS NOT NULL GROUP BY ALL
  );

CREATE OR REPLACE MACRO event_data_keys_between(win_lo, win_hi) AS TABLE
  SELECT event_id, key, count(*) AS n
    FROM (SELECT event_id, unnest(json_keys(data)) AS key FROM win_events
           WHERE rowid >= win_lo AND rowid < win_hi AND data IS NOT NULL)
   GROUP BY ALL;

-- A case with events when this migration came: summed up now, once.
INSERT INTO event_names
  SELECT * FROM event_names_between(0, (SELECT coalesce(max(rowid) + 1, 0) FROM win_events),
                                    0, (SELECT coalesce(max(rowid) + 1, 0) FROM signins));

INSERT INTO event_data_keys
  SELECT * FROM event_data_keys_between(0, (SELECT coalesce(max(rowid) + 1, 0) FROM win_events));

INSERT INTO event_summary_coverage
  SELECT 'win_events', coalesce(max(rowid) + 1, 0) FROM win_events
  UNION ALL
  SELECT 'signins', coalesce(max(rowid) + 1, 0) FROM signins;
