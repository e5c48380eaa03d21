-- 007: (1) a parent found by pid must be the process its child's event names; (2) SIDs named from the case.
--
-- (1) Windows reuses pids, and a case may hold several recordings of one host (or two machines of one
-- name), so the latest start of the parent pid on the host within max_parent_age can be another program
-- altogether: a net1.exe linked to a reg.exe of a recording 17 days older. When the child's event names its parent's image (4688 version 2
-- ParentProcessName, Sysmon 1 ParentImage) the pid's start must be of that image, else the parent is a
-- stub (its start is not in the logs) with the name the child's event gave. A parent is not required to
-- share its child's logon session: elevation, runas and services start children in other sessions.
-- Same columns as 002's macro, so the views over it stand as they are.

CREATE OR REPLACE MACRO resolve_processes(max_parent_age := INTERVAL 7 DAY) AS TABLE
  WITH starts AS MATERIALIZED (SELECT * FROM process_starts()),
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

-- A SID some event names without a name (a 4104's user, a 4661's object) is named by the rest of the case:
-- every event that writes a SID beside an account name (the subject of any Security event, the target of
-- 4624, 4688, 4720, 4798 …) pairs the two. The name written most often wins; a SID no event pairs with a
-- name is not in the result, so the caller can say it could not be resolved. (Entra ID sign-ins carry no
-- on-premises SID in the case's columns.)
CREATE OR REPLACE MACRO sid_account_names(sids) AS TABLE
  WITH wanted AS (SELECT DISTINCT upper(trim(s)) AS sid FROM (SELECT unnest(sids) AS s) WHERE s IS NOT NULL),
  pairs AS (
    -- Windows writes SIDs upper-case (S-1-5-…): compared as written, so no function runs on every event
    SELECT e.subject_sid AS sid, e.subject_user AS name, e.subject_domain AS domain
    FROM win_events e
    WHERE e.subject_sid IN (SELECT sid FROM wanted) AND NOT blank_name(e.subject_user)
    UNION ALL
    SELECT e.target_sid, e.target_user, e.target_domain
    FROM win_events e
    WHERE e.target_sid IN (SELECT sid FROM wanted) AND NOT blank_name(e.target_user)
  ),
  counted AS (
    SELECT sid, account_display(name, domain) AS display, count(*) AS n FROM pairs GROUP BY ALL
  )
  SELECT sid, arg_max(display, {'n': n, 'name': display}) AS display,
         account_key(arg_max(display, {'n': n, 'name': display}), NULL) AS account_key
  FROM counted
  GROUP BY sid;
