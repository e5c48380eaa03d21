-- 009: processes and logon sessions resolved for some hosts only, and processes linked on narrow rows.
--
-- (1) One host alone. A parent is always looked for on its child's host (by ProcessGuid or pid, see 007),
-- a logoff on its logon's host, so resolving some hosts gives exactly those hosts' rows of the views at a
-- fraction of the cost: the process tree of the app (electron/engine/entities/processTree.ts) answers in
-- about 0.15 s on a host of the 1M-event bench case, where the whole view takes seconds; and an analysis
-- after one more file rebuilds only the hosts that file names (analytics/refreshDerivedTables.ts).
-- `on_host` is one host name in any case; `on_hosts` a list of host keys (lower-case names). NULL, the
-- default of both, resolves every host, so the views read exactly what they read before.
--
-- (2) Speed. 007's resolve_processes materialised every start with all its columns (command lines
-- included) before linking them, and then read that copy again for the output: on the 1M-event bench case
-- the copy cost more than the joins. Here the links are computed from a narrow copy of the keys, and the
-- output reads the starts straight from win_events and joins the links to them. Same rows and columns as
-- 007 (on the bench case every row hashed equal; the parent rules are held by
-- test/unit/analytics/buildingBlocks.test.ts and integration/entities/processesOfOneHost.test.ts).

CREATE OR REPLACE MACRO resolve_processes(max_parent_age := INTERVAL 7 DAY, on_host := NULL, on_hosts := NULL) AS TABLE
  WITH keys AS MATERIALIZED (
    SELECT proc_key, host_key, ts, pid, parent_pid, process_guid, parent_process_guid, image_name,
           image_basename(logged_parent_image) AS logged_parent_name
    FROM process_starts()
    WHERE (on_host IS NULL OR host_key = lower(on_host)) AND (on_hosts IS NULL OR list_contains(on_hosts, host_key))
  ),
  by_guid AS (
    SELECT c.proc_key, max(p.proc_key) AS parent_key
    FROM keys c JOIN keys p
      ON p.process_guid = c.parent_process_guid AND p.host_key = c.host_key AND p.proc_key <> c.proc_key
    WHERE c.parent_process_guid IS NOT NULL
    GROUP BY c.proc_key
  ),
  by_pid AS (
    SELECT c.proc_key, p.proc_key AS parent_key
    FROM keys c ASOF JOIN keys p
      ON p.host_key = c.host_key AND p.pid = c.parent_pid AND c.ts >= p.ts
    WHERE c.parent_pid IS NOT NULL AND c.ts - p.ts <= max_parent_age AND p.proc_key <> c.proc_key
      AND (c.logged_parent_name IS NULL OR c.logged_parent_name = '' OR p.image_name = c.logged_parent_name)
  ),
  -- only the starts whose parent was found: the others need nothing joined
  links AS (
    SELECT k.proc_key, coalesce(g.parent_key, b.parent_key) AS parent_key,
           CASE WHEN g.parent_key IS NOT NULL THEN 'guid' ELSE 'pid-time' END AS link_method
    FROM keys k
    LEFT JOIN by_guid g ON g.proc_key = k.proc_key
    LEFT JOIN by_pid b ON b.proc_key = k.proc_key
    WHERE g.parent_key IS NOT NULL OR b.parent_key IS NOT NULL
  ),
  -- the parent's full image path, read from its own event (keys only carry the base name)
  parent_images AS (
    SELECT l.proc_key, s.image AS parent_image
    FROM links l JOIN process_starts() s ON s.proc_key = l.parent_key
    WHERE (on_host IS NULL OR s.host_key = lower(on_host)) AND (on_hosts IS NULL OR list_contains(on_hosts, s.host_key))
  ),
  -- a few hundred users start hundreds of thousands of processes: key each spelling once
  user_keys AS (
    SELECT user_display, account_key(user_display, NULL) AS account_key
    FROM (
      SELECT DISTINCT user_display FROM process_starts()
      WHERE user_display IS NOT NULL
        AND (on_host IS NULL OR host_key = lower(on_host)) AND (on_hosts IS NULL OR list_contains(on_hosts, host_key))
    )
  )
  -- The wide rows only stream through (probe side); every table the joins build is narrow.
  SELECT
    s.proc_key, s.source_id, s.record_no, s.record_id, s.event_id, s.host, s.host_key, s.ts,
    s.pid, s.parent_pid, s.image, s.image_name, s.command_line, s.user_display, u.account_key, s.logon_id,
    s.process_guid, s.parent_process_guid,
    l.parent_key, l.link_method,
    coalesce(s.logged_parent_image, pi.parent_image) AS parent_image,
    image_basename(coalesce(s.logged_parent_image, pi.parent_image)) AS parent_image_name,
    (l.parent_key IS NULL
      AND (s.parent_pid IS NOT NULL OR s.parent_process_guid IS NOT NULL OR s.logged_parent_image IS NOT NULL))
      AS parent_is_stub
  FROM process_starts() s
  LEFT JOIN links l ON l.proc_key = s.proc_key
  LEFT JOIN parent_images pi ON pi.proc_key = s.proc_key
  LEFT JOIN user_keys u ON u.user_display = s.user_display
  WHERE (on_host IS NULL OR s.host_key = lower(on_host)) AND (on_hosts IS NULL OR list_contains(on_hosts, s.host_key));

-- 002's sessions, for some hosts only when `on_hosts` names them.
CREATE OR REPLACE MACRO resolve_logon_sessions(on_hosts := NULL) AS TABLE
  WITH logons AS MATERIALIZED (
    SELECT event_key(e.source_id, e.record_no) AS session_key, e.source_id, e.record_no, e.record_id,
           e.host, lower(e.host) AS host_key, e.target_logon_id AS logon_id, e.ts AS start_ts,
           e.target_user, e.target_domain, e.target_sid AS user_sid,
           e.logon_type, e.ip, e.workstation, e.auth_package, e.logon_process
    FROM win_events e
    WHERE e.event_id = 4624 AND e.target_logon_id IS NOT NULL
      AND (on_hosts IS NULL OR list_contains(on_hosts, lower(e.host)))
  ),
  logoffs AS (
    SELECT lower(e.host) AS host_key, e.target_logon_id AS logon_id, e.ts, e.event_id
    FROM win_events e
    WHERE e.event_id IN (4634, 4647) AND e.target_logon_id IS NOT NULL
      AND (on_hosts IS NULL OR list_contains(on_hosts, lower(e.host)))
  ),
  spans AS (
    SELECT l.*, o.ts AS end_ts, o.event_id AS end_event_id
    FROM logons l ASOF LEFT JOIN logoffs o
      ON o.host_key = l.host_key AND o.logon_id = l.logon_id AND o.ts >= l.start_ts
  ),
  -- a few thousand accounts log on hundreds of thousands of times: name each one once
  names AS (
    SELECT target_user, target_domain, account_display(target_user, target_domain) AS user_display,
           account_key(target_user, target_domain) AS account_key
    FROM (SELECT DISTINCT target_user, target_domain FROM logons)
  )
  SELECT s.session_key, s.source_id, s.record_no, s.record_id, s.host, s.host_key, s.logon_id, s.start_ts,
         n.user_display, n.account_key, s.user_sid, s.logon_type, s.ip, s.workstation, s.auth_package,
         s.logon_process, s.end_ts, s.end_event_id
  FROM spans s
  LEFT JOIN names n
    ON n.target_user IS NOT DISTINCT FROM s.target_user AND n.target_domain IS NOT DISTINCT FROM s.target_domain;
