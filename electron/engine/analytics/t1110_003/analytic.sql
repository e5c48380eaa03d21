-- id:      T1110_003
-- title:   Password spraying seen from the source host: explicit credentials for many accounts
-- ATT&CK:  T1110.003 Brute Force: Password Spraying
-- params:  (defaults from params.ts beside this file; names are compared case-insensitively)
--   $t1110_003_window_minutes     10   sliding window of log time
--   $t1110_003_min_accounts       10   a window fires at this many distinct accounts tried from one source
--   $t1110_003_high_accounts      30   an episode that tried this many distinct accounts is High
--   $t1110_003_success_minutes    60   a logon of a sprayed account from the source host up to this long
--                                      after the last attempt makes it High
--   $t1110_003_excluded_users     - N/A ANONYMOUS LOGON   never counted (empty names always skipped)
--   $t1110_003_machine_accounts   false   count machine accounts (HOST$) among the accounts tried
--   $t1110_003_machine_callers    services.exe svchost.exe taskhost.exe taskhostw.exe taskeng.exe
--                                 winlogon.exe lsass.exe   callers whose 4648 are Windows' own work when
--                                 the subject is the machine itself (SYSTEM 0x3e7, NETWORK SERVICE 0x3e4,
--                                 LOCAL SERVICE 0x3e5, HOST$)
--   $t1110_003_caller_max_age_s 86400   the calling process's start, by pid, at most this long before
--   $lineage_max_depth            16
--   $allow_source_ips $allow_hosts $allow_accounts $allow_tools   the case's allowlist (a match lowers to Low)
--
-- 4648 ("a logon was attempted using explicit credentials") is written on the machine whose process passed
-- a name and password of its own choosing: runas, `net use \\server /user:`, a mapped drive, a tool calling
-- LogonUser or binding to LDAP with credentials. It is logged before the answer, so it records attempts,
-- failed or not, and a spray run from a machine leaves one per account tried even when the targets' logs
-- (4625, 4771, 4776: T1589 and T1110_001) are not in the case.
--
-- (1) A source is one host, one logon session of the subject (SubjectLogonId, with the subject account:
-- a logon id can recur after a reboot) and one calling process image (ProcessName; empty when the kernel's
-- SMB client, pid 4, made the connection). The pid is not part of it: a loop that starts runas or a tool
-- once per account is one spray. The target (IpAddress, else TargetServerName) is not either: a spray may
-- try each account against another server, and lockout counts per account, not per server. Not counted:
-- the subject's own account (its name part), machine accounts unless $t1110_003_machine_accounts, blank
-- or excluded names, and the calling processes of $t1110_003_machine_callers when the subject is the
-- machine itself (services started under their accounts, scheduled tasks, RDP and console logons).
-- (2) For each attempt, the window [its time, + window) counts the distinct accounts (name part) its
-- source tried. (3) Every attempt inside a firing window belongs to the spray; firing windows less than
-- a window apart are one episode. (4) One finding per episode: every 4648 as evidence, the accounts, the
-- targets, the peak window. (5) The calling process is linked to its start as issue 14 ruled for AN1612:
-- the latest start of that pid on the same host, in the subject's logon session, of the image the event
-- names, within $t1110_003_caller_max_age_s; else the lineage is one stub saying its start is not in the
-- logs. The subject's session is its 4624 on that host (logon type, source address). (6) Medium; High
-- when the episode tried $t1110_003_high_accounts accounts or more, or when a 4624 for a sprayed account
-- whose workstation name is the source host follows (a Kerberos logon names no workstation and is not
-- linked; triage lists every later logon); Low when the host, the subject, the session's source address
-- or the calling process is on the allowlist. Confidence is medium when the subject is the machine itself.

WITH
-- (1) Attempts -----------------------------------------------------------------------------------
lists AS (   -- the name lists in lower case, once (not once per event)
  SELECT list_transform($t1110_003_excluded_users, u -> lower(trim(u))) AS excluded_users,
         list_transform($t1110_003_machine_callers, c -> lower(trim(c))) AS machine_callers
),
explicit AS (   -- ProcessName, ProcessId and TargetServerName stay in `data`: read for 4648 only
  SELECT e.source_id, e.record_no, e.record_id, e.ts, e.host, lower(e.host) AS host_key,
         e.subject_user, e.subject_domain, e.subject_sid, e.subject_logon_id, e.target_user, e.target_domain,
         nullif(nullif(trim(e.data->>'ProcessName'), '-'), '') AS process_name,
         TRY_CAST(nullif(trim(e.data->>'ProcessId'), '') AS BIGINT) AS process_id,
         nullif(nullif(trim(e.data->>'TargetServerName'), '-'), '') AS target_server,
         remote_ip(regexp_replace(trim(e.ip), '^::ffff:', '')) AS target_ip, e.ip_port AS target_port,
         coalesce(e.subject_logon_id IN (999, 996, 997), false) OR coalesce(is_machine_account(e.subject_user), false)
           AS machine_subject
  FROM win_events e
  WHERE e.event_id = 4648
),
attempts AS MATERIALIZED (   -- read twice below: the JSON is extracted once
  SELECT x.*, lower(account_name_part(x.target_user)) AS user_id,
         x.host_key || '|' || coalesce(hex_logon_id(x.subject_logon_id), '-') || '|'
           || lower(coalesce(x.subject_domain, '')) || '\' || lower(coalesce(x.subject_user, '')) || '|'
           || lower(coalesce(x.process_name, '')) AS group_key
  FROM explicit x, lists l
  WHERE NOT blank_name(x.target_user)
    AND NOT list_contains(l.excluded_users, lower(trim(x.target_user)))
    AND ($t1110_003_machine_accounts OR NOT is_machine_account(x.target_user))
    AND lower(account_name_part(x.target_user)) IS DISTINCT FROM lower(account_name_part(x.subject_user))
    AND NOT (x.machine_subject AND coalesce(list_contains(l.machine_callers, image_basename(x.process_name)), false))
),

-- (2) Distinct accounts in [this attempt's time, + window), for sources that tried enough in all ---
enough AS (
  SELECT group_key FROM attempts GROUP BY group_key
  HAVING count(DISTINCT user_id) >= $t1110_003_min_accounts
),
windows AS (
  SELECT a.*,
         count(DISTINCT a.user_id) OVER (PARTITION BY a.group_key ORDER BY a.ts
           RANGE BETWEEN CURRENT ROW AND to_minutes($t1110_003_window_minutes) - INTERVAL 1 MICROSECOND FOLLOWING)
           AS window_accounts
  FROM attempts a SEMI JOIN enough USING (group_key)
),
-- (3) The last firing window start at or before each attempt; an attempt inside it is part of the spray
covered AS (
  SELECT w.*,
         max(CASE WHEN w.window_accounts >= $t1110_003_min_accounts THEN w.ts END) OVER (
           PARTITION BY w.group_key ORDER BY w.ts RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS firing_start
  FROM windows w
),
members AS MATERIALIZED (   -- read by the summary, the accounts and the targets
  SELECT c.*,
         sum(CASE WHEN prev_start IS NULL OR c.firing_start - prev_start >= to_minutes($t1110_003_window_minutes)
                  THEN 1 ELSE 0 END) OVER (
           PARTITION BY c.group_key ORDER BY c.ts, c.source_id, c.record_no ROWS UNBOUNDED PRECEDING) AS episode_no
  FROM (
    SELECT c.*, lag(c.firing_start) OVER (PARTITION BY c.group_key ORDER BY c.ts, c.source_id, c.record_no)
             AS prev_start
    FROM covered c
    WHERE c.firing_start IS NOT NULL AND c.ts < c.firing_start + to_minutes($t1110_003_window_minutes)
  ) c
),

-- (4) One finding per episode ---------------------------------------------------------------------
summary AS MATERIALIZED (   -- read by every step after it
  SELECT m.group_key, m.episode_no, min(m.host) AS host, min(m.host_key) AS host_key,
         arg_min(account_display(m.subject_user, m.subject_domain), m.ts) AS subject_display,
         arg_min(account_key(m.subject_user, m.subject_domain), m.ts) AS subject_key,
         arg_min(m.subject_sid, m.ts) AS subject_sid, arg_min(m.subject_logon_id, m.ts) AS subject_logon_id,
         bool_or(m.machine_subject) AS machine_subject,
         arg_min(m.process_name, m.ts) AS process_name, arg_min(m.process_id, m.ts) AS caller_pid,
         coalesce(list_sort(list(DISTINCT m.process_id) FILTER (WHERE m.process_id IS NOT NULL)), []) AS caller_pids,
         count(DISTINCT m.user_id)::INTEGER AS distinct_accounts, count(*)::INTEGER AS attempts,
         max(m.window_accounts) FILTER (WHERE m.window_accounts >= $t1110_003_min_accounts)::INTEGER AS peak_accounts,
         min(m.ts) AS first_ts, max(m.ts) AS last_ts,
         list({'source': src.sha256, 'table': 'win_events', 'recordNo': m.record_no, 'recordId': m.record_id,
               'eventId': 4648, 'time': iso_utc(m.ts), 'role': 'attempt'}
              ORDER BY m.ts, m.source_id, m.record_no) AS evidence
  FROM members m JOIN sources src ON src.source_id = m.source_id
  GROUP BY m.group_key, m.episode_no
),
per_account AS (
  SELECT group_key, episode_no, user_id, arg_min(target_user, ts) AS display,
         arg_min(account_key(target_user, target_domain), ts) AS user_key, count(*)::INTEGER AS n
  FROM members
  GROUP BY group_key, episode_no, user_id
),
accounts_of AS (   -- sorted by name, so a run lists the accounts in the same order every time
  SELECT group_key, episode_no,
         list({'key': coalesce(user_key, user_id), 'display': display, 'role': 'probed'} ORDER BY user_id) AS accounts,
         list({'account': display, 'attempts': n} ORDER BY user_id) AS account_attempts,
         max(n)::INTEGER AS max_attempts, list(user_id) AS user_ids
  FROM per_account
  GROUP BY group_key, episode_no
),
targets_of AS (
  SELECT group_key, episode_no,
         list({'address': target_ip, 'server': target_server, 'port': target_port, 'attempts': n::INTEGER}
              ORDER BY n DESC, target_ip, target_server, target_port) AS targets
  FROM (SELECT group_key, episode_no, target_ip, target_server, target_port, count(*) AS n
        FROM members GROUP BY ALL)
  GROUP BY group_key, episode_no
),

-- (5) The calling process and the subject's session -------------------------------------------------
callers AS (
  SELECT s.group_key, s.episode_no, p.proc_key
  FROM summary s
  JOIN processes p
    ON p.host_key = s.host_key AND p.pid = s.caller_pid AND p.ts <= s.first_ts
   AND s.first_ts - p.ts <= to_seconds($t1110_003_caller_max_age_s)
  WHERE (coalesce(s.subject_logon_id, 0) = 0 OR p.logon_id = s.subject_logon_id)
    AND (s.process_name IS NULL OR p.image_name = image_basename(s.process_name))
  QUALIFY row_number() OVER (PARTITION BY s.group_key, s.episode_no ORDER BY p.ts DESC, p.proc_key DESC) = 1
),
chain_nodes AS (
  SELECT * FROM process_ancestry((SELECT list(DISTINCT proc_key) FROM callers), $lineage_max_depth)
),
chains AS (   -- root first
  SELECT start_key AS proc_key,
         list(command_line) FILTER (WHERE command_line IS NOT NULL) AS chain_commands,
         list_transform(list_reverse_sort(list({'depth': depth, 'node': {
             'host': host, 'time': iso_utc(ts), 'pid': pid, 'image': image, 'commandLine': command_line,
             'user': user_display, 'stub': stub}})), e -> e.node) AS lineage
  FROM chain_nodes
  GROUP BY start_key
),
sessions AS (   -- the subject's logon: the latest 4624 of that id on that host before the episode
  SELECT s.group_key, s.episode_no, l.ip, l.workstation, l.logon_type, l.start_ts
  FROM summary s
  JOIN logon_sessions l ON l.host_key = s.host_key AND l.logon_id = s.subject_logon_id AND l.start_ts <= s.first_ts
  QUALIFY row_number() OVER (PARTITION BY s.group_key, s.episode_no ORDER BY l.start_ts DESC, l.session_key DESC) = 1
),

-- (6) A logon of a sprayed account from the source host, from the first attempt to the success horizon
successes AS (
  SELECT s.group_key, s.episode_no, count(*)::INTEGER AS success_count,
         arg_min({'ts': g.ts, 'host': g.host, 'account': g.target_user, 'logonType': g.logon_type,
                  'ref': {'source': src.sha256, 'table': 'win_events', 'recordNo': g.record_no,
                          'recordId': g.record_id, 'eventId': g.event_id, 'time': iso_utc(g.ts), 'role': 'success'}},
                 g.ts) AS hit
  FROM summary s
  JOIN accounts_of a USING (group_key, episode_no)
  JOIN (
    SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.ts, e.host, e.target_user, e.logon_type,
           first_label(e.workstation) AS workstation_label, lower(account_name_part(e.target_user)) AS user_id
    FROM win_events e
    WHERE e.event_id = 4624 AND NOT blank_name(e.workstation) AND NOT blank_name(e.target_user)
  ) g ON g.workstation_label = first_label(s.host) AND list_contains(a.user_ids, g.user_id)
     AND g.ts >= s.first_ts AND g.ts <= s.last_ts + to_minutes($t1110_003_success_minutes)
  JOIN sources src ON src.source_id = g.source_id
  GROUP BY s.group_key, s.episode_no
),
scored AS (
  SELECT s.*, a.accounts, a.account_attempts, a.max_attempts, t.targets, x.hit, x.success_count,
         ch.lineage, cl.proc_key IS NOT NULL AS caller_linked,
         l.ip AS session_ip, l.workstation AS session_workstation, l.logon_type AS session_logon_type,
         l.start_ts AS session_start,
         allowlisted_host(s.host, $allow_hosts) AS allow_host,
         allowlisted_account(s.subject_key, $allow_accounts) AS allow_account,
         allowlisted_ip(remote_ip(l.ip), $allow_source_ips) AS allow_ip,
         CASE WHEN s.process_name IS NOT NULL
              THEN allowlisted_tool(s.process_name, coalesce(ch.chain_commands, []), $allow_tools) END AS allow_tool
  FROM summary s
  JOIN accounts_of a USING (group_key, episode_no)
  JOIN targets_of t USING (group_key, episode_no)
  LEFT JOIN successes x USING (group_key, episode_no)
  LEFT JOIN callers cl USING (group_key, episode_no)
  LEFT JOIN chains ch ON ch.proc_key = cl.proc_key
  LEFT JOIN sessions l USING (group_key, episode_no)
)
SELECT
  'T1110_003|' || group_key || '|' || iso_utc(first_ts) AS finding_key,
  CASE WHEN allow_host IS NOT NULL OR allow_account IS NOT NULL OR allow_ip IS NOT NULL OR allow_tool IS NOT NULL
         THEN 'low'
       WHEN hit IS NOT NULL OR distinct_accounts >= $t1110_003_high_accounts THEN 'high'
       ELSE 'medium' END AS severity,
  CASE WHEN machine_subject THEN 'medium' ELSE 'high' END AS confidence,
  iso_utc(first_ts) AS first_time, iso_utc(last_ts) AS last_time,
  [host] AS hosts,
  accounts,
  subject_display AS actor_user, hex_logon_id(subject_logon_id) AS actor_logon_id,
  remote_ip(session_ip) AS actor_source_ip,
  coalesce(lineage,
           CASE WHEN caller_pid IS NOT NULL OR process_name IS NOT NULL
                THEN [{'host': host, 'time': iso_utc(first_ts), 'pid': caller_pid, 'image': process_name,
                       'commandLine': NULL::VARCHAR, 'user': NULL::VARCHAR, 'stub': true}] END,
           []) AS lineage,
  CASE WHEN hit IS NULL THEN evidence ELSE list_append(evidence, hit.ref) END AS evidence,
  CASE WHEN allow_host IS NOT NULL THEN 'host' WHEN allow_account IS NOT NULL THEN 'account'
       WHEN allow_ip IS NOT NULL THEN 'sourceIp' WHEN allow_tool IS NOT NULL THEN 'tool' END AS allowlisted_kind,
  CASE WHEN allow_host IS NOT NULL THEN [allow_host] WHEN allow_account IS NOT NULL THEN [allow_account]
       WHEN allow_ip IS NOT NULL THEN [allow_ip] WHEN allow_tool IS NOT NULL THEN [allow_tool] END AS allowlisted_values,
  {'subject': {'user': subject_display, 'sid': subject_sid, 'logonId': hex_logon_id(subject_logon_id),
               'machine': machine_subject},
   'caller': {'image': process_name, 'pid': caller_pid, 'pids': caller_pids, 'linked': caller_linked},
   'session': CASE WHEN session_start IS NOT NULL THEN
                {'logonType': session_logon_type, 'ip': remote_ip(session_ip),
                 'workstation': nullif(nullif(trim(session_workstation), '-'), ''), 'start': iso_utc(session_start)} END,
   'distinctAccounts': distinct_accounts, 'attempts': attempts, 'peakAccounts': peak_accounts,
   'windowMinutes': $t1110_003_window_minutes, 'maxAttemptsPerAccount': max_attempts,
   'accountAttempts': account_attempts, 'targets': targets,
   'succeeded': hit IS NOT NULL, 'successCount': coalesce(success_count, 0), 'successAccount': hit.account,
   'successHost': hit.host, 'successTime': iso_utc(hit.ts), 'successLogonType': hit.logonType,
   'durationSeconds': round(epoch(last_ts - first_ts))::INTEGER} AS details
FROM scored
ORDER BY CASE WHEN hit IS NOT NULL THEN 1 ELSE 0 END DESC, distinct_accounts DESC, first_ts, group_key;
