-- id:      T1589
-- title:   Username enumeration from one source
-- ATT&CK:  T1589 Gather Victim Identity Information (.001 credentials, .003 employee names), seen from
--          the victim side; seeds 002 (Entra sign-ins, SSPR; KQL) and 004 (Windows 4625/4771; AQL)
-- params:  (defaults from params.ts beside this file; profile `seed` changes the marked ones)
--   $t1589_window_minutes                 60   sliding window of log time
--   $t1589_min_distinct_users             15   a sign-in or Windows window fires at this many distinct usernames
--   $t1589_critical_distinct_users       100   Critical at this many
--   $t1589_high_distinct_users            50   High at this many …
--   $t1589_high_not_found                 30   … or this many "no such user" failures
--   $t1589_user_list_shown                25   usernames shown (all are kept)
--   $t1589_bursts                       * true (seed: false)   the Low tier for short bursts below the window tier:
--   $t1589_burst_minutes                   5   … within this many minutes from one source,
--   $t1589_burst_min_distinct_users        5   … at least this many distinct usernames,
--   $t1589_burst_min_not_found_users       3   … or this many when most of them (more than half) do not exist
--   $t1589_signin_error_codes  *  50034 50053 50055 50057 50072 50076 50126   (seed: without 50126)
--   $t1589_signin_not_found_codes         50034
--   $t1589_signin_locked_disabled_codes   50053 50057
--   $t1589_signin_group_by_app_and_reason * false (seed: true, the KQL's `by IPAddress, AppDisplayName, ResultDescription`)
--   $t1589_entra_case_sensitive_users    * false (seed: true, the KQL's dcount compares names as written)
--   $t1589_sspr_service                   Self-service Password Management
--   $t1589_sspr_activities               * the seed's three activities, plus Blocked… and Unlock… (prefixes)
--   $t1589_sspr_min_distinct_targets      10   an SSPR window fires at this many distinct targets
--   $t1589_sspr_high_distinct_targets     25   and is High at this many
--   $t1589_win_4625_codes                 0xC0000064 0xC0000072 0xC000006D   (SubStatus, else Status)
--   $t1589_win_4771_codes                 0x6 0x18
--   $t1589_win_4768_codes                * 0x6 0x12   (seed: none)
--   $t1589_win_4776_codes                * 0xC0000064 0xC000006A (seed: none; grouped by source workstation): no
--                                          such user, and a wrong password across many users (a spray)
--   $t1589_win_group_without_ip          * true (seed: false, the AQL groups by source IP): a 4625 with no
--                                          remote address ('-', loopback: logon types 2, 7, 8, an application
--                                          calling LogonUser) is grouped by host, workstation name and calling
--                                          process instead of being dropped
--   $t1589_win_not_found_codes            0xC0000064 0x6
--   $t1589_win_locked_disabled_codes      0xC0000072 0x12
--   $t1589_excluded_sources               - 127.0.0.1 0.0.0.0 ::1   (empty values always skipped)
--   $t1589_excluded_users                 - N/A ANONYMOUS LOGON      (empty names always skipped)
--   $allow_source_ips $allow_hosts        the case's allowlist
--
-- (1) Every counted failure becomes an attempt with a group (source IP; or workstation for 4776; or host,
-- workstation and calling process for a 4625 with no remote address; plus app and result description in
-- the seed profile). (2) For each attempt, the window [its time, +60 min) counts distinct usernames of its
-- group, and the burst window [its time, +5 min) counts them too, with those that said "no such user".
-- (3) Windows of one tier that reach their threshold and overlap form one episode; (4) its strongest
-- window (most distinct names, then earliest) is reported, as the KQL would have reported it had it run
-- at that moment. The window tier scores Critical / High / Medium as the seeds do; a burst episode that
-- does not overlap one of the window tier is a Low finding of its own (a Kerberos spray of nine names in
-- a second, seven users failing in a minute from one workstation).

WITH
signin_attempts AS (
  SELECT 'entra-signin' AS source_kind, s.ip AS group_value,
         CASE WHEN $t1589_signin_group_by_app_and_reason THEN coalesce(s.app_display_name, '') ELSE '' END AS group_app,
         CASE WHEN $t1589_signin_group_by_app_and_reason THEN coalesce(s.failure_reason, '') ELSE '' END AS group_reason,
         s.ts,
         CASE WHEN $t1589_entra_case_sensitive_users THEN s.user_principal_name ELSE lower(s.user_principal_name) END
           AS user_id,
         s.user_principal_name AS user_display, account_key(s.user_principal_name, NULL) AS user_key,
         s.error_code::VARCHAR AS code,
         list_contains($t1589_signin_not_found_codes, s.error_code) AS not_found,
         list_contains($t1589_signin_locked_disabled_codes, s.error_code) AS locked_disabled,
         NULL::VARCHAR AS host, s.app_display_name AS app,
         'signins' AS table_name, s.source_id, s.record_no, s.record_no AS record_id, NULL::INTEGER AS event_id,
         NULL::VARCHAR AS src_workstation, NULL::VARCHAR AS src_process
  FROM signins s
  WHERE list_contains($t1589_signin_error_codes, s.error_code)
    AND NOT blank_name(s.ip) AND NOT list_contains($t1589_excluded_sources, s.ip)
    AND NOT blank_name(s.user_principal_name)
    AND NOT list_contains(list_transform($t1589_excluded_users, u -> lower(u)), lower(s.user_principal_name))
),
sspr_attempts AS (   -- self-service password reset probing: failed, blocked or "verify" steps
  SELECT 'entra-sspr', a.initiator_ip, '', '', a.ts,
         CASE WHEN $t1589_entra_case_sensitive_users THEN a.target_upns[1] ELSE lower(a.target_upns[1]) END,
         a.target_upns[1], account_key(a.target_upns[1], NULL),
         'SSPR', false, false, NULL, a.activity,
         'audits', a.source_id, a.record_no, a.record_no, NULL, NULL, NULL
  FROM audits a
  WHERE lower(a.logged_by_service) = lower($t1589_sspr_service)
    AND len(list_filter($t1589_sspr_activities, x -> starts_with(lower(a.activity), lower(x)))) > 0
    AND (a.result = 'failure' OR contains(lower(a.result_reason), 'blocked') OR contains(lower(a.result_reason), 'failed')
         OR contains(lower(a.activity), 'blocked') OR contains(lower(a.activity), 'verify'))
    AND NOT blank_name(a.initiator_ip) AND NOT list_contains($t1589_excluded_sources, a.initiator_ip)
    AND NOT blank_name(a.target_upns[1])
),
win_failures AS (   -- the code that counts: 4625 SubStatus when listed, else Status; 4771 failure code
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.ts, e.host, e.ip, e.workstation,
         e.target_user, e.target_domain, regexp_replace(e.ip, '^::ffff:', '') AS ip0,
         nullif(nullif(trim(e.workstation), '-'), '') AS ws,
         -- the calling process, read from the event's JSON only for a 4625 with no remote address
         CASE WHEN e.event_id = 4625 AND $t1589_win_group_without_ip
                   AND remote_ip(regexp_replace(e.ip, '^::ffff:', '')) IS NULL
              THEN nullif(nullif(trim(e.data->>'ProcessName'), '-'), '') END AS process,
         CASE e.event_id
           WHEN 4625 THEN CASE WHEN list_contains(hex_codes($t1589_win_4625_codes), hex_code(e.sub_status))
                               THEN hex_code(e.sub_status) ELSE hex_code(e.status) END
           WHEN 4771 THEN hex_code(coalesce(e.failure_code, e.status))
           ELSE hex_code(e.status)
         END AS code
  FROM win_events e
  WHERE e.event_id IN (4625, 4771, 4768, 4776)
),
win_sourced AS (   -- where a failure came from: its IP; the workstation a 4776 names; for a 4625 with no
                   -- remote address (logon types 2, 7, 8, an application calling LogonUser), its host,
                   -- workstation name and calling process together
  SELECT f.*,
         CASE WHEN f.event_id = 4776 THEN 'windows-workstation'
              WHEN NOT blank_name(f.ip) AND NOT list_contains($t1589_excluded_sources, f.ip0) THEN 'windows-ip'
              WHEN f.event_id = 4625 AND $t1589_win_group_without_ip AND remote_ip(f.ip0) IS NULL
                   AND (f.ws IS NULL OR NOT list_contains($t1589_excluded_sources, f.ws)) THEN 'windows-local'
         END AS source_kind
  FROM win_failures f
),
win_counted AS (   -- the failures that count, from a source that can be named
  SELECT f.*
  FROM win_sourced f
  WHERE ((f.event_id = 4625 AND list_contains(hex_codes($t1589_win_4625_codes), f.code))
      OR (f.event_id = 4771 AND list_contains(hex_codes($t1589_win_4771_codes), f.code))
      OR (f.event_id = 4768 AND list_contains(hex_codes($t1589_win_4768_codes), f.code))
      OR (f.event_id = 4776 AND list_contains(hex_codes($t1589_win_4776_codes), f.code)))
    AND f.source_kind IS NOT NULL
    AND (f.source_kind <> 'windows-workstation'
         OR NOT blank_name(f.workstation) AND NOT list_contains($t1589_excluded_sources, f.workstation))
    AND NOT blank_name(f.target_user)
    AND NOT list_contains(list_transform($t1589_excluded_users, u -> lower(u)), lower(f.target_user))
),
win_attempts AS (
  SELECT f.source_kind,
         CASE f.source_kind WHEN 'windows-workstation' THEN f.workstation WHEN 'windows-ip' THEN f.ip0
              ELSE f.host || '|' || coalesce(f.ws, '') || '|' || coalesce(f.process, '') END,
         '', '', f.ts, lower(f.target_user), f.target_user,
         account_key(f.target_user, f.target_domain),
         f.event_id || ':' || f.code,
         list_contains(hex_codes($t1589_win_not_found_codes), f.code),
         list_contains(hex_codes($t1589_win_locked_disabled_codes), f.code),
         f.host, NULL,
         'win_events', f.source_id, f.record_no, f.record_id, f.event_id,
         CASE WHEN f.source_kind = 'windows-local' THEN f.ws END,
         CASE WHEN f.source_kind = 'windows-local' THEN f.process END
  FROM win_counted f
),
attempts AS (
  SELECT a.*, lower(a.group_value) AS group_key
  FROM (SELECT * FROM signin_attempts UNION ALL SELECT * FROM sspr_attempts UNION ALL SELECT * FROM win_attempts) a
),

-- (2) Distinct usernames in [this attempt's time, + window) of the same group; and, for the Low tier, in
--     [its time, + burst window), with how many of those said "no such user"
-- Only a group with enough distinct names overall can fire: the sliding windows are counted for those.
group_sizes AS (
  SELECT source_kind, group_key, group_app, group_reason, count(DISTINCT user_id) AS users
  FROM attempts
  GROUP BY ALL
),
candidates AS (
  SELECT a.*
  FROM attempts a JOIN group_sizes g USING (source_kind, group_key, group_app, group_reason)
  WHERE g.users >= CASE WHEN a.source_kind = 'entra-sspr' THEN $t1589_sspr_min_distinct_targets
                        WHEN $t1589_bursts THEN least($t1589_min_distinct_users, $t1589_burst_min_distinct_users,
                                                      $t1589_burst_min_not_found_users)
                        ELSE $t1589_min_distinct_users END
),
windows AS (
  SELECT a.source_kind, a.group_key, a.group_app, a.group_reason, a.ts AS window_start,
         count(DISTINCT a.user_id) OVER (
           PARTITION BY a.source_kind, a.group_key, a.group_app, a.group_reason ORDER BY a.ts
           RANGE BETWEEN CURRENT ROW AND to_minutes($t1589_window_minutes) - INTERVAL 1 MICROSECOND FOLLOWING
         ) AS window_users,
         count(DISTINCT a.user_id) OVER burst AS burst_users,
         count(DISTINCT CASE WHEN a.not_found THEN a.user_id END) OVER burst AS burst_not_found_users
  FROM candidates a
  WINDOW burst AS (
    PARTITION BY a.source_kind, a.group_key, a.group_app, a.group_reason ORDER BY a.ts
    RANGE BETWEEN CURRENT ROW AND to_minutes($t1589_burst_minutes) - INTERVAL 1 MICROSECOND FOLLOWING)
),
firing AS (
  SELECT DISTINCT 'window' AS tier, to_minutes($t1589_window_minutes) AS window_len,
         w.source_kind, w.group_key, w.group_app, w.group_reason, w.window_start, w.window_users
  FROM windows w
  WHERE w.window_users >= CASE WHEN w.source_kind = 'entra-sspr' THEN $t1589_sspr_min_distinct_targets
                               ELSE $t1589_min_distinct_users END
  UNION ALL
  SELECT DISTINCT 'burst', to_minutes($t1589_burst_minutes),
         w.source_kind, w.group_key, w.group_app, w.group_reason, w.window_start, w.burst_users
  FROM windows w
  WHERE $t1589_bursts AND w.source_kind <> 'entra-sspr'
    AND (w.burst_users >= $t1589_burst_min_distinct_users
         OR w.burst_users >= $t1589_burst_min_not_found_users AND w.burst_not_found_users * 2 > w.burst_users)
),

-- (3) Overlapping firing windows of a tier are one episode; (4) keep its strongest window. A burst inside
--     (or overlapping) an episode of the window tier is part of that finding, not one of its own.
episodes AS (
  SELECT f.*, sum(f.starts_episode) OVER (PARTITION BY f.tier, f.source_kind, f.group_key, f.group_app, f.group_reason
                                          ORDER BY f.window_start ROWS UNBOUNDED PRECEDING) AS episode_no
  FROM (
    SELECT f.*,
           CASE WHEN f.window_start - lag(f.window_start) OVER (
                       PARTITION BY f.tier, f.source_kind, f.group_key, f.group_app, f.group_reason ORDER BY f.window_start)
                     < f.window_len THEN 0 ELSE 1 END AS starts_episode
    FROM firing f
  ) f
),
spans AS (
  SELECT tier, source_kind, group_key, group_app, group_reason, episode_no,
         min(window_start) AS span_start, max(window_start) + any_value(window_len) AS span_end
  FROM episodes
  GROUP BY ALL
),
strongest AS (
  SELECT e.* FROM episodes e
  WHERE e.tier = 'window' OR NOT EXISTS (
    SELECT 1 FROM spans b JOIN spans m
      ON m.tier = 'window' AND m.source_kind = b.source_kind AND m.group_key = b.group_key
     AND m.group_app = b.group_app AND m.group_reason = b.group_reason
     AND b.span_start < m.span_end AND m.span_start < b.span_end
    WHERE b.tier = 'burst' AND b.source_kind = e.source_kind AND b.group_key = e.group_key
      AND b.group_app = e.group_app AND b.group_reason = e.group_reason AND b.episode_no = e.episode_no)
  QUALIFY row_number() OVER (PARTITION BY e.tier, e.source_kind, e.group_key, e.group_app, e.group_reason, e.episode_no
                             ORDER BY e.window_users DESC, e.window_start) = 1
),
members AS (
  SELECT w.tier, w.window_len, w.episode_no, w.window_start, a.*,
         row_number() OVER (PARTITION BY w.tier, a.source_kind, a.group_key, a.group_app, a.group_reason, w.episode_no, a.user_id
                            ORDER BY a.ts, a.source_id, a.record_no) = 1 AS first_of_user
  FROM strongest w
  JOIN attempts a
    ON a.source_kind = w.source_kind AND a.group_key = w.group_key AND a.group_app = w.group_app
   AND a.group_reason = w.group_reason
   AND a.ts >= w.window_start AND a.ts < w.window_start + w.window_len
),
summary AS (
  SELECT m.tier, m.source_kind, m.group_key, m.group_app, m.group_reason, m.episode_no,
         min(m.group_value) AS group_value, min(m.window_start) AS window_start,
         min(m.src_workstation) AS src_workstation, min(m.src_process) AS src_process,
         any_value(m.window_len) AS window_len,
         count(*)::INTEGER AS total_failures, count(DISTINCT m.user_id)::INTEGER AS distinct_users,
         count(*) FILTER (WHERE m.not_found)::INTEGER AS not_found_count,
         count(*) FILTER (WHERE m.locked_disabled)::INTEGER AS locked_disabled_count,
         list(m.user_display ORDER BY m.ts, m.source_id, m.record_no) FILTER (WHERE m.first_of_user) AS users,
         list_sort(list(DISTINCT {'key': coalesce(m.user_key, m.user_id), 'display': m.user_display, 'role': 'probed'}))
           AS accounts,   -- sorted: the same events give the same finding, read from .evtx or XML
         list_sort(list(DISTINCT m.code)) AS codes, map_from_entries(list_transform(map_entries(histogram(m.code)), e -> {'k': e.key, 'v': e.value::INTEGER})) AS code_counts,
         coalesce(list_sort(list(DISTINCT m.app) FILTER (WHERE m.app IS NOT NULL)), []) AS apps,
         coalesce(list_sort(list(DISTINCT m.host) FILTER (WHERE m.host IS NOT NULL)), []) AS hosts,
         min(m.ts) AS first_ts, max(m.ts) AS last_ts,
         list({'source': src.sha256, 'table': m.table_name, 'recordNo': m.record_no, 'recordId': m.record_id,
               'eventId': m.event_id, 'time': iso_utc(m.ts), 'role': 'failure'}
              ORDER BY m.ts, m.source_id, m.record_no) AS evidence
  FROM members m JOIN sources src ON src.source_id = m.source_id
  GROUP BY m.tier, m.source_kind, m.group_key, m.group_app, m.group_reason, m.episode_no
),
scored AS (
  SELECT s.*,
         date_diff('minute', s.first_ts, s.last_ts)::INTEGER AS duration_minutes,
         CASE
           WHEN s.tier = 'burst' THEN 'low'
           WHEN s.source_kind = 'entra-sspr' THEN
             CASE WHEN s.distinct_users >= $t1589_sspr_high_distinct_targets THEN 'high' ELSE 'medium' END
           WHEN s.distinct_users >= $t1589_critical_distinct_users THEN 'critical'
           WHEN s.distinct_users >= $t1589_high_distinct_users OR s.not_found_count >= $t1589_high_not_found THEN 'high'
           WHEN s.distinct_users >= $t1589_min_distinct_users THEN 'medium'
           ELSE 'low'
         END AS score,
         CASE WHEN s.source_kind IN ('windows-ip', 'entra-signin', 'entra-sspr') THEN allowlisted_ip(s.group_value, $allow_source_ips) END
           AS allow_ip,
         CASE WHEN len(s.hosts) > 0
                   AND len(list_filter(s.hosts, h -> allowlisted_host(h, $allow_hosts) IS NULL)) = 0
              THEN allowlisted_host(s.hosts[1], $allow_hosts) END AS allow_host
  FROM summary s
)
SELECT
  'T1589|' || source_kind || '|' || group_key || '|' || group_app || '|' || group_reason || '|' || iso_utc(window_start)
    || CASE WHEN tier = 'burst' THEN '|burst' ELSE '' END AS finding_key,
  CASE WHEN allow_ip IS NOT NULL OR allow_host IS NOT NULL THEN 'low' ELSE score END AS severity,
  CASE WHEN source_kind = 'entra-sspr' THEN 'medium' WHEN not_found_count > 0 THEN 'high' ELSE 'medium' END
    AS confidence,
  iso_utc(first_ts) AS first_time, iso_utc(last_ts) AS last_time,
  hosts,
  accounts,
  NULL::VARCHAR AS actor_user, NULL::VARCHAR AS actor_logon_id,
  CASE WHEN source_kind IN ('windows-ip', 'entra-signin', 'entra-sspr') THEN group_value END AS actor_source_ip,
  [] AS lineage,
  evidence,
  CASE WHEN allow_ip IS NOT NULL THEN 'sourceIp' WHEN allow_host IS NOT NULL THEN 'host' END AS allowlisted_kind,
  CASE WHEN allow_ip IS NOT NULL THEN [allow_ip] WHEN allow_host IS NOT NULL THEN [allow_host] END
    AS allowlisted_values,
  {'source': source_kind, 'tier': tier, 'windowMinutes': (epoch(window_len) / 60)::INTEGER,
   'sourceIp': CASE WHEN source_kind IN ('windows-ip', 'entra-signin', 'entra-sspr') THEN group_value END,
   'sourceWorkstation': CASE WHEN source_kind = 'windows-workstation' THEN group_value
                             WHEN source_kind = 'windows-local' THEN src_workstation END,
   'callingProcess': src_process,
   'app': nullif(group_app, ''), 'resultDescription': nullif(group_reason, ''),
   'score': score, 'totalFailures': total_failures, 'distinctUsers': distinct_users,
   'notFoundCount': not_found_count, 'lockedDisabledCount': locked_disabled_count,
   'users': users, 'usersShown': users[1:$t1589_user_list_shown], 'errorCodes': codes,
   'codeCounts': code_counts, 'apps': apps, 'windowStart': iso_utc(window_start),
   'durationMinutes': duration_minutes,
   'rate': round(distinct_users / CASE WHEN duration_minutes = 0 THEN 1 ELSE duration_minutes END, 2)} AS details
FROM scored
ORDER BY CASE score WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END DESC,
         distinct_users DESC, first_ts, group_key;
