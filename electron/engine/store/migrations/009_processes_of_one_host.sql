-- 009: the processes of one host, resolved alone. A parent is always looked for on its child's host (by
-- ProcessGuid or pid, see 007), so resolving one host's starts gives exactly that host's rows of the
-- `processes` view, at a fraction of the cost: the process tree of the app (electron/engine/entities/
-- processTree.ts) answers in about 0.15 s on a host of the 1M-event bench case, where the whole view takes
-- several seconds. `on_host` is a host name in any case; NULL (the default) resolves every host, so the
-- view and the analytics' snapshot read exactly what they read before. The body is 007's otherwise.

CREATE OR REPLACE MACRO resolve_processes(max_parent_age := INTERVAL 7 DAY, on_host := NULL) AS TABLE
  WITH starts AS MATERIALIZED (
    SELECT * FROM process_starts() WHERE on_host IS NULL OR host_key = lower(on_host)
  ),
  -- Links are computed on narrow rows: an ASOF join carries every column it is given through its sort,
  -- and command lines made it 5x slower on a million events.
  keys AS MATERIALIZED (
    SELECT proc_key, host_key, ts, pid, parent_pid, process_guid, parent_process_guid, image,
           image_basename(logged_parent_image) AS logged_parent_name
    FROM starts
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
      AND (c.logged_parent_name IS NULL OR c.logged_parent_name = '' OR image_basename(p.image) = c.logged_parent_name)
  ),
  -- a few hundred users start hundreds of thousands of processes: key each spelling once
  user_keys AS (
    SELECT user_display, account_key(user_display, NULL) AS account_key
    FROM (SELECT DISTINCT user_display FROM starts WHERE user_display IS NOT NULL)
  )
  -- The wide rows only stream through (probe side); every table the joins build is narrow.
  SELECT
    s.proc_key, s.source_id, s.record_no, s.record_id, s.event_id, s.host, s.host_key, s.ts,
    s.pid, s.parent_pid, s.image, s.image_name, s.command_line, s.user_display, u.account_key, s.logon_id,
    s.process_guid, s.parent_process_guid,
    coalesce(g.parent_key, b.parent_key) AS parent_key,
    CASE WHEN g.parent_key IS NOT NULL THEN 'guid' WHEN b.parent_key IS NOT NULL THEN 'pid-time' END AS link_method,
    coalesce(s.logged_parent_image, p.image) AS parent_image,
    image_basename(coalesce(s.logged_parent_image, p.image)) AS parent_image_name,
    (g.parent_key IS NULL AND b.parent_key IS NULL
      AND (s.parent_pid IS NOT NULL OR s.parent_process_guid IS NOT NULL OR s.logged_parent_image IS NOT NULL))
      AS parent_is_stub
  FROM starts s
  LEFT JOIN by_guid g ON g.proc_key = s.proc_key
  LEFT JOIN by_pid b ON b.proc_key = s.proc_key
  LEFT JOIN (SELECT proc_key, image FROM keys) p ON p.proc_key = coalesce(g.parent_key, b.parent_key)
  LEFT JOIN user_keys u ON u.user_display = s.user_display;
