-- id:      T1110_001
-- title:   Password guessing against one account from one source
-- ATT&CK:  T1110.001 Brute Force: Password Guessing
-- params:  (defaults from params.ts beside this file)
--   $t1110_001_window_minutes            10   sliding window of log time
--   $t1110_001_min_failures              20   a window fires at this many failures against one account from one source
--   $t1110_001_success_minutes           60   a success for the account from the source up to this long after the
--                                             last failure is "followed by a success"
--   $t1110_001_win_4625_codes            0xC000006A 0xC000006D 0xC0000234   4625 codes that count (SubStatus
--                                        when set, else Status): wrong password, bad logon, locked out
--   $t1110_001_win_4771_codes            0x18   4771 Kerberos pre-authentication failed (bad password)
--   $t1110_001_win_4776_codes            0xC000006A 0xC0000234   NTLM validation, grouped by the workstation
--                                        it names
--   $t1110_001_win_password_right_codes  0xC000006E 0xC000006F 0xC0000070 0xC0000071 0xC0000072 0xC0000193
--                                        0xC0000224: "name and password are valid, but an account restriction
--                                        (disabled, expired, hours, workstation, must change) refused the logon";
--                                        they count as attempts of 4625 and 4776 too
--   $t1110_001_signin_codes              50126 50053   Entra ID: bad username or password; locked (smart lockout)
--   $t1110_001_signin_password_right_codes  50055 50074 50076 50079 53003 500121   the password was right, then
--                                        an expired password, MFA or Conditional Access stopped the sign-in
--   $t1110_001_excluded_sources          - 127.0.0.1 0.0.0.0 ::1   never a source IP (empty always skipped)
--   $t1110_001_excluded_users            - N/A ANONYMOUS LOGON     never counted (empty always skipped)
--   $t1110_001_machine_accounts          false   count failures of machine accounts (HOST$) too: a computer
--                                        with a stale password fails the same way all day
--   $allow_source_ips $allow_hosts $allow_accounts   the case's allowlist (a match lowers to Low)
--
-- (1) Every counted failure is an attempt against one account (the name part, case-insensitively; the
-- UPN for Entra ID) from one source: the source IP (4625, 4771, Entra ID); the workstation name for
-- 4776; for a 4625 with no usable source IP (logon types 2, 7, 8, an application calling LogonUser) the
-- host, the workstation name and the calling process together. (2) For each attempt, the window
-- [its time, + window) counts the failures of its account and source. (3) Every attempt inside a firing
-- window belongs to the guessing; firing windows less than a window apart are one episode (no join: the
-- last firing window start at or before each attempt says whether it is covered). (4) One finding per
-- episode: every failure of it as evidence, the peak window, the codes. (5) Medium; High when a success
-- for the account from the same source follows (4624, 4768 or 4776 with status 0, an Entra sign-in with
-- error 0) or an answer says the password was right; Low when the source, the host or the account is on
-- the allowlist.

WITH
win_failures AS (
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.ts, e.host, e.target_user, e.target_domain,
         nullif(regexp_replace(trim(e.ip), '^::ffff:', ''), '') AS ip, e.workstation, e.logon_type,
         CASE WHEN e.event_id = 4625 THEN e.data->>'ProcessName' END AS process_name,
         CASE e.event_id
           WHEN 4625 THEN CASE WHEN coalesce(hex_code(e.sub_status), '0x0') = '0x0' THEN hex_code(e.status)
                               ELSE hex_code(e.sub_status) END
           WHEN 4771 THEN hex_code(coalesce(e.failure_code, e.status))
           ELSE hex_code(e.status)
         END AS code
  FROM win_events e
  WHERE e.event_id IN (4625, 4771, 4776)
),
win_attempts AS (
  SELECT f.*,
         NOT blank_name(f.ip) AND NOT list_contains($t1110_001_excluded_sources, f.ip) AS has_ip
  FROM win_failures f
  WHERE ((f.event_id = 4625 AND list_contains(hex_codes($t1110_001_win_4625_codes), f.code))
      OR (f.event_id = 4771 AND list_contains(hex_codes($t1110_001_win_4771_codes), f.code))
      OR (f.event_id = 4776 AND list_contains(hex_codes($t1110_001_win_4776_codes), f.code))
      OR (f.event_id IN (4625, 4776) AND list_contains(hex_codes($t1110_001_win_password_right_codes), f.code)))
    AND NOT blank_name(f.target_user)
    AND NOT list_contains(list_transform($t1110_001_excluded_users, u -> lower(u)), lower(f.target_user))
    AND ($t1110_001_machine_accounts OR NOT is_machine_account(f.target_user))
),
attempts AS (
  SELECT CASE WHEN w.event_id = 4776 THEN 'windows-workstation'
              WHEN w.has_ip THEN 'windows-ip' ELSE 'windows-local' END AS source_kind,
         CASE WHEN w.event_id = 4776 THEN lower(w.workstation)
              WHEN w.has_ip THEN lower(w.ip)
              ELSE lower(w.host) || '|' || lower(coalesce(nullif(trim(w.workstation), '-'), '')) || '|'
                   || lower(coalesce(nullif(trim(w.process_name), '-'), '')) END AS group_key,
         CASE WHEN w.event_id = 4776 THEN w.workstation WHEN w.has_ip THEN w.ip END AS source_value,
         nullif(nullif(trim(w.workstation), '-'), '') AS workstation,
         nullif(nullif(trim(w.process_name), '-'), '') AS process_name,
         w.logon_type,
         lower(account_name_part(w.target_user)) AS user_id, w.target_user AS user_display,
         account_key(w.target_user, w.target_domain) AS user_key,
         w.event_id || ':' || w.code AS code,
         list_contains(hex_codes($t1110_001_win_password_right_codes), w.code) AS password_right,
         w.host, 'win_events' AS table_name, w.source_id, w.record_no, w.record_id, w.event_id, w.ts
  FROM win_attempts w
  WHERE w.event_id <> 4776 OR NOT blank_name(w.workstation)
  UNION ALL
  SELECT 'entra-signin', lower(s.ip), s.ip, NULL, s.app_display_name, NULL,
         lower(s.user_principal_name), s.user_principal_name, account_key(s.user_principal_name, NULL),
         s.error_code::VARCHAR,
         list_contains($t1110_001_signin_password_right_codes, s.error_code),
         NULL, 'signins', s.source_id, s.record_no, s.record_no, NULL, s.ts
  FROM signins s
  WHERE (list_contains($t1110_001_signin_codes, s.error_code)
         OR list_contains($t1110_001_signin_password_right_codes, s.error_code))
    AND NOT blank_name(s.ip) AND NOT list_contains($t1110_001_excluded_sources, s.ip)
    AND NOT blank_name(s.user_principal_name)
    AND NOT list_contains(list_transform($t1110_001_excluded_users, u -> lower(u)), lower(s.user_principal_name))
),

-- (2) Failures in [this attempt's time, + window) against the same account from the same source, counted
--     only where the account and source have enough failures in all to fire
enough AS (
  SELECT source_kind, group_key, user_id
  FROM attempts
  GROUP BY ALL
  HAVING count(*) >= $t1110_001_min_failures
),
windows AS (
  SELECT a.*,
         count(*) OVER (PARTITION BY a.source_kind, a.group_key, a.user_id ORDER BY a.ts
                        RANGE BETWEEN CURRENT ROW AND to_minutes($t1110_001_window_minutes) - INTERVAL 1 MICROSECOND FOLLOWING)
           AS window_failures
  FROM attempts a SEMI JOIN enough e USING (source_kind, group_key, user_id)
),
-- (3) The last firing window start at or before each attempt; an attempt inside it is part of the guessing
covered AS (
  SELECT w.*,
         max(CASE WHEN w.window_failures >= $t1110_001_min_failures THEN w.ts END) OVER (
           PARTITION BY w.source_kind, w.group_key, w.user_id ORDER BY w.ts
           RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS firing_start
  FROM windows w
),
members AS (
  SELECT c.*,
         sum(CASE WHEN prev_start IS NULL OR c.firing_start - prev_start >= to_minutes($t1110_001_window_minutes)
                  THEN 1 ELSE 0 END) OVER (
           PARTITION BY c.source_kind, c.group_key, c.user_id ORDER BY c.ts, c.source_id, c.record_no
           ROWS UNBOUNDED PRECEDING) AS episode_no
  FROM (
    SELECT c.*, lag(c.firing_start) OVER (PARTITION BY c.source_kind, c.group_key, c.user_id
                                           ORDER BY c.ts, c.source_id, c.record_no) AS prev_start
    FROM covered c
    WHERE c.firing_start IS NOT NULL AND c.ts < c.firing_start + to_minutes($t1110_001_window_minutes)
  ) c
),

-- (4) One finding per episode
summary AS (
  SELECT m.source_kind, m.group_key, m.user_id, m.episode_no,
         min(m.source_value) AS source_value, min(m.workstation) AS workstation,
         min(m.process_name) AS process_name, list_sort(list(DISTINCT m.logon_type)) AS logon_types,
         arg_min(m.user_display, m.ts) AS user_display, arg_min(m.user_key, m.ts) AS user_key,
         count(*)::INTEGER AS total_failures,
         max(m.window_failures) FILTER (WHERE m.window_failures >= $t1110_001_min_failures)::INTEGER AS peak_failures,
         count(*) FILTER (WHERE m.password_right)::INTEGER AS password_right_count,
         min(m.ts) FILTER (WHERE m.password_right) AS first_password_right_ts,
         list_sort(list(DISTINCT m.code)) AS codes,
         map_from_entries(list_transform(map_entries(histogram(m.code)), e -> {'k': e.key, 'v': e.value::INTEGER})) AS code_counts,
         coalesce(list_sort(list(DISTINCT m.host) FILTER (WHERE m.host IS NOT NULL)), []) AS hosts,
         min(m.ts) AS first_ts, max(m.ts) AS last_ts,
         list({'source': src.sha256, 'table': m.table_name, 'recordNo': m.record_no, 'recordId': m.record_id,
               'eventId': m.event_id, 'time': iso_utc(m.ts),
               'role': CASE WHEN m.password_right THEN 'password-right' ELSE 'failure' END}
              ORDER BY m.ts, m.source_id, m.record_no) AS evidence
  FROM members m JOIN sources src ON src.source_id = m.source_id
  GROUP BY m.source_kind, m.group_key, m.user_id, m.episode_no
),

-- (5) A success for the account from the same source, from the first failure to the success horizon
successes AS (
  SELECT s.source_kind, s.group_key, s.user_id, s.episode_no,
         min(x.ts) AS success_ts, arg_min(x.event_id, x.ts) AS success_event_id,
         arg_min(x.logon_type, x.ts) AS success_logon_type,
         arg_min({'source': src.sha256, 'table': x.table_name, 'recordNo': x.record_no, 'recordId': x.record_id,
                  'eventId': x.event_id, 'time': iso_utc(x.ts), 'role': 'success'}, x.ts) AS success_ref
  FROM summary s
  JOIN (
    SELECT CASE WHEN e.event_id = 4776 THEN 'windows-workstation' ELSE 'windows-ip' END AS source_kind,
           CASE WHEN e.event_id = 4776 THEN lower(e.workstation)
                ELSE lower(regexp_replace(trim(e.ip), '^::ffff:', '')) END AS group_key,
           lower(account_name_part(e.target_user)) AS user_id, e.ts, e.event_id, e.logon_type,
           'win_events' AS table_name, e.source_id, e.record_no, e.record_id
    FROM win_events e
    WHERE (e.event_id = 4624 OR e.event_id IN (4768, 4776) AND hex_code(e.status) = '0x0')
      AND NOT blank_name(e.target_user)
      AND NOT blank_name(CASE WHEN e.event_id = 4776 THEN e.workstation ELSE e.ip END)
    UNION ALL   -- 4624 names the workstation too: a success for a workstation-grouped source
    SELECT 'windows-workstation', lower(e.workstation), lower(account_name_part(e.target_user)), e.ts,
           e.event_id, e.logon_type, 'win_events', e.source_id, e.record_no, e.record_id
    FROM win_events e
    WHERE e.event_id = 4624 AND NOT blank_name(e.workstation) AND NOT blank_name(e.target_user)
    UNION ALL   -- a local logon (no source IP): the same host, workstation name and logon process
    SELECT 'windows-local',
           lower(e.host) || '|' || lower(coalesce(nullif(trim(e.workstation), '-'), '')) || '|'
             || lower(coalesce(nullif(trim(e.data->>'ProcessName'), '-'), '')),
           lower(account_name_part(e.target_user)), e.ts, e.event_id, e.logon_type,
           'win_events', e.source_id, e.record_no, e.record_id
    FROM win_events e
    WHERE e.event_id = 4624 AND NOT blank_name(e.target_user)
      AND (blank_name(e.ip) OR list_contains($t1110_001_excluded_sources, regexp_replace(trim(e.ip), '^::ffff:', '')))
    UNION ALL
    SELECT 'entra-signin', lower(g.ip), lower(g.user_principal_name), g.ts, NULL, NULL,
           'signins', g.source_id, g.record_no, g.record_no
    FROM signins g
    WHERE g.error_code = 0 AND NOT blank_name(g.ip) AND NOT blank_name(g.user_principal_name)
  ) x ON x.source_kind = s.source_kind AND x.group_key = s.group_key AND x.user_id = s.user_id
     AND x.ts >= s.first_ts AND x.ts <= s.last_ts + to_minutes($t1110_001_success_minutes)
  JOIN sources src ON src.source_id = x.source_id
  GROUP BY s.source_kind, s.group_key, s.user_id, s.episode_no
),
scored AS (
  SELECT s.*, x.success_ts, x.success_event_id, x.success_logon_type, x.success_ref,
         CASE WHEN s.source_kind IN ('windows-ip', 'entra-signin') THEN allowlisted_ip(s.source_value, $allow_source_ips) END
           AS allow_ip,
         CASE WHEN len(s.hosts) > 0
                   AND len(list_filter(s.hosts, h -> allowlisted_host(h, $allow_hosts) IS NULL)) = 0
              THEN allowlisted_host(s.hosts[1], $allow_hosts) END AS allow_host,
         allowlisted_account(s.user_key, $allow_accounts) AS allow_account
  FROM summary s
  LEFT JOIN successes x USING (source_kind, group_key, user_id, episode_no)
)
SELECT
  'T1110_001|' || source_kind || '|' || group_key || '|' || user_id || '|' || iso_utc(first_ts) AS finding_key,
  CASE WHEN allow_ip IS NOT NULL OR allow_host IS NOT NULL OR allow_account IS NOT NULL THEN 'low'
       WHEN success_ts IS NOT NULL OR password_right_count > 0 THEN 'high'
       ELSE 'medium' END AS severity,
  'high' AS confidence,
  iso_utc(first_ts) AS first_time, iso_utc(last_ts) AS last_time,
  hosts,
  [{'key': coalesce(user_key, user_id), 'display': user_display, 'role': 'probed'}] AS accounts,
  NULL::VARCHAR AS actor_user, NULL::VARCHAR AS actor_logon_id,
  CASE WHEN source_kind IN ('windows-ip', 'entra-signin') THEN source_value END AS actor_source_ip,
  [] AS lineage,
  CASE WHEN success_ref IS NULL THEN evidence ELSE list_append(evidence, success_ref) END AS evidence,
  CASE WHEN allow_ip IS NOT NULL THEN 'sourceIp' WHEN allow_host IS NOT NULL THEN 'host'
       WHEN allow_account IS NOT NULL THEN 'account' END AS allowlisted_kind,
  CASE WHEN allow_ip IS NOT NULL THEN [allow_ip] WHEN allow_host IS NOT NULL THEN [allow_host]
       WHEN allow_account IS NOT NULL THEN [allow_account] END AS allowlisted_values,
  {'source': source_kind,
   'sourceIp': CASE WHEN source_kind IN ('windows-ip', 'entra-signin') THEN source_value END,
   'sourceWorkstation': CASE WHEN source_kind = 'windows-workstation' THEN source_value
                             WHEN source_kind = 'windows-local' THEN workstation END,
   'callingProcess': CASE WHEN source_kind = 'windows-local' THEN process_name END,
   'app': CASE WHEN source_kind = 'entra-signin' THEN process_name END,
   'logonTypes': list_filter(logon_types, t -> t IS NOT NULL),
   'account': user_display, 'totalFailures': total_failures, 'peakFailures': peak_failures,
   'windowMinutes': $t1110_001_window_minutes,
   'passwordRightCount': password_right_count, 'passwordRightTime': iso_utc(first_password_right_ts),
   'errorCodes': codes, 'codeCounts': code_counts,
   'succeeded': success_ts IS NOT NULL, 'successTime': iso_utc(success_ts), 'successEventId': success_event_id,
   'successLogonType': success_logon_type,
   'durationSeconds': round(epoch(last_ts - first_ts))::INTEGER} AS details
FROM scored
ORDER BY CASE WHEN success_ts IS NOT NULL OR password_right_count > 0 THEN 1 ELSE 0 END DESC,
         total_failures DESC, first_ts, group_key, user_id;
