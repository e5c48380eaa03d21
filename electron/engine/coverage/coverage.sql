-- id:      COVERAGE
-- title:   Telemetry coverage and blind spots: what the absence of a finding means
-- sources: the "Likely telemetry", "Check blind spots" and "Validate visibility" parts of the seeds
--          (seeds 000-004) and the signals each analytic reads in detections.md
-- params:
--   $gap_seconds   3600   a stretch longer than this with no event of any kind from a host is a gap
--
-- One row per Windows host (host names compared case-insensitively), plus the Entra ID tenant as one
-- pseudo-host named 'Entra ID' when the case holds sign-ins or audits: the span its logs cover, which
-- telemetry is there and how much, the gaps inside the span, the log clears and who did them, and for each
-- analytic whether it can fire here: full, partial (with the reason) or blind.
--
-- Telemetry keys (an event may count toward more than one; shared/coverageTelemetry.ts names them):
--   4688, 4688_cmdline, 4688_no_cmdline   Security process creation; with / without a command line
--   sysmon_1, sysmon_11                   Sysmon process creation; file creation (the artifact signal)
--   4104                                  PowerShell script block
--   4720                                  user account created
--   account_changes                       4722-4726, 4738, 4781 (User Account Management)
--   group_changes                         4727-4737, 4754-4758 (Security Group Management)
--   4798_4799                             membership lookups through the security API
--   4661                                  SAM object handle (domain controllers)
--   4662                                  operation on a directory-service object (domain controllers)
--   4624, 4634 (with 4647), 4625          logon, logoff, failed logon
--   4648                                  logon with explicit credentials (logged where the credentials were used)
--   4768, 4771, 4776                      Kerberos TGT, Kerberos pre-auth failure, NTLM validation
--   log_cleared                           Security 1102, System 104
--   signin_interactive, signin_noninteractive, audit   Entra ID
--
-- Rules. "Process creation" is 4688 or Sysmon 1; "with command lines" is Sysmon 1, or 4688 whose command
-- line is populated. "Account management is audited" when any of 4720, account_changes or 4798 is present:
-- Windows logs them all under the one subcategory that logs 4720 (User Account Management), so then a
-- missing 4720 means no account was created, not that nobody was watching. (Group changes and 4799 come
-- from Security Group Management, which says nothing about 4720.) Reasons of a partial state are joined
-- with "; ".
--
--   Each analytic's verdict and its rules are in its own folder: electron/engine/analytics/<id>/coverage.sql,
--   a query over `facts` below that gives one row per host: (host_key, verdict STRUCT(state, reason)).

WITH
-- (1) Every event under its host, with the telemetry keys it counts toward ------------------------------
win AS (
  SELECT lower(coalesce(e.host, '(no host)')) AS host_key, e.host, e.ts, e.event_id, e.source_id, e.record_no,
         list_filter([
           CASE WHEN e.event_id = 4688 THEN '4688' END,
           CASE WHEN e.event_id = 4688 AND NOT blank_name(e.command_line) THEN '4688_cmdline' END,
           CASE WHEN e.event_id = 4688 AND blank_name(e.command_line) THEN '4688_no_cmdline' END,
           CASE WHEN e.event_id = 1 AND is_sysmon(e.provider, e.channel) THEN 'sysmon_1' END,
           CASE WHEN e.event_id = 11 AND is_sysmon(e.provider, e.channel) THEN 'sysmon_11' END,
           CASE WHEN e.event_id = 4104 THEN '4104' END,
           CASE WHEN e.event_id = 4720 THEN '4720' END,
           CASE WHEN e.event_id IN (4722, 4723, 4724, 4725, 4726, 4738, 4781) THEN 'account_changes' END,
           CASE WHEN e.event_id BETWEEN 4727 AND 4737 OR e.event_id BETWEEN 4754 AND 4758 THEN 'group_changes' END,
           CASE WHEN e.event_id IN (4798, 4799) THEN '4798_4799' END,
           CASE WHEN e.event_id = 4661 THEN '4661' END,
           CASE WHEN e.event_id = 4662 THEN '4662' END,
           CASE WHEN e.event_id = 4624 THEN '4624' END,
           CASE WHEN e.event_id IN (4634, 4647) THEN '4634' END,
           CASE WHEN e.event_id = 4625 THEN '4625' END,
           CASE WHEN e.event_id = 4648 THEN '4648' END,
           CASE WHEN e.event_id = 4768 THEN '4768' END,
           CASE WHEN e.event_id = 4771 THEN '4771' END,
           CASE WHEN e.event_id = 4776 THEN '4776' END,
           CASE WHEN e.event_id = 1102 AND NOT is_sysmon(e.provider, e.channel)
                  OR e.event_id = 104 AND e.provider = 'Microsoft-Windows-Eventlog' THEN 'log_cleared' END
         ], k -> k IS NOT NULL) AS keys
  FROM win_events e
),
entra AS (
  SELECT 'entra id' AS host_key, 'Entra ID' AS host, s.ts,
         [CASE WHEN coalesce(s.is_interactive, s.signin_kind = 'interactive', true) THEN 'signin_interactive'
               ELSE 'signin_noninteractive' END] AS keys
  FROM signins s
  UNION ALL
  SELECT 'entra id', 'Entra ID', a.ts, ['audit'] FROM audits a
),
all_events AS (
  SELECT host_key, coalesce(host, '(no host)') AS host, ts, keys, 'windows' AS kind FROM win
  UNION ALL
  SELECT host_key, host, ts, keys, 'entra' FROM entra
),

-- (2) Span and volume per host, and per telemetry key ---------------------------------------------------
hosts AS (
  SELECT host_key, mode(host) AS host, any_value(kind) AS kind,
         min(ts) AS first_ts, max(ts) AS last_ts, count(*) AS events,
         count(DISTINCT date_trunc('hour', ts)) AS active_hours
  FROM all_events
  GROUP BY host_key
),
key_counts AS (
  SELECT host_key, key, count(*) AS n, count(DISTINCT date_trunc('hour', ts)) AS hours
  FROM (SELECT host_key, ts, unnest(keys) AS key FROM all_events)
  GROUP BY host_key, key
),
telemetry AS (
  SELECT host_key, list({'key': key, 'n': n, 'hours': hours} ORDER BY key) AS telemetry,
         map_from_entries(list((key, n))) AS count_of
  FROM key_counts
  GROUP BY host_key
),

-- (3) Gaps: consecutive events of one host further apart than the threshold -----------------------------
steps AS (
  SELECT host_key, ts, lag(ts) OVER (PARTITION BY host_key ORDER BY ts) AS prev_ts FROM all_events
),
gaps AS (
  SELECT host_key,
         list({'from': iso_utc(prev_ts), 'to': iso_utc(ts), 'seconds': round(epoch(ts - prev_ts), 3)}
              ORDER BY prev_ts) AS gaps
  FROM steps
  WHERE epoch(ts - prev_ts) > $gap_seconds
  GROUP BY host_key
),

-- (4) Log clears and who cleared them (1102 and 104 carry the clearer in UserData) -----------------------
clears AS (
  SELECT lower(coalesce(e.host, '(no host)')) AS host_key,
         list({'time': iso_utc(e.ts), 'eventId': e.event_id,
               'user': account_display(coalesce(e.subject_user, e.data->>'SubjectUserName'),
                                       coalesce(e.subject_domain, e.data->>'SubjectDomainName')),
               'channel': CASE WHEN e.event_id = 1102 THEN coalesce(e.channel, 'Security')
                               ELSE coalesce(e.data->>'Channel', e.data->>'channel') END,
               'source': s.sha256, 'recordNo': e.record_no}
              ORDER BY e.ts, e.record_no) AS log_cleared
  FROM win_events e JOIN sources s USING (source_id)
  WHERE e.event_id = 1102 AND NOT is_sysmon(e.provider, e.channel)
     OR e.event_id = 104 AND e.provider = 'Microsoft-Windows-Eventlog'
  GROUP BY 1
),

-- (5) The facts the rules read ----------------------------------------------------------------------
extra AS (   -- facts that are not telemetry keys of their own
  SELECT lower(coalesce(host, '(no host)')) AS host_key,
         count(*) FILTER (WHERE event_id = 4625 AND NOT blank_name(ip)
                          AND regexp_replace(ip, '^::ffff:', '') NOT IN ('127.0.0.1', '0.0.0.0', '::1'))
           AS n_4625_with_ip,
         count(*) FILTER (WHERE event_id = 4798) AS n_4798
  FROM win_events
  WHERE event_id IN (4625, 4798)
  GROUP BY 1
),
entra_extra AS (
  SELECT 'entra id' AS host_key,
         count(*) FILTER (WHERE lower(activity) = 'add user') AS n_add_user
  FROM audits
),
facts AS (
  SELECT h.host_key, h.kind,
         coalesce(t.count_of['4688'], 0) AS n_4688,
         coalesce(t.count_of['4688_cmdline'], 0) AS n_4688_cmdline,
         coalesce(t.count_of['4688_no_cmdline'], 0) AS n_4688_no_cmdline,
         coalesce(t.count_of['sysmon_1'], 0) AS n_sysmon_1,
         coalesce(t.count_of['sysmon_11'], 0) AS n_sysmon_11,
         coalesce(t.count_of['4104'], 0) AS n_4104,
         coalesce(t.count_of['4720'], 0) AS n_4720,
         coalesce(t.count_of['4798_4799'], 0) AS n_lookups,
         coalesce(t.count_of['4661'], 0) AS n_4661,
         coalesce(t.count_of['4662'], 0) AS n_4662,
         coalesce(t.count_of['4624'], 0) AS n_4624,
         coalesce(t.count_of['4625'], 0) AS n_4625,
         coalesce(t.count_of['4648'], 0) AS n_4648,
         coalesce(t.count_of['4768'], 0) + coalesce(t.count_of['4771'], 0) AS n_kerberos,
         coalesce(t.count_of['4776'], 0) AS n_4776,
         coalesce(t.count_of['signin_interactive'], 0) AS n_interactive,
         coalesce(t.count_of['signin_noninteractive'], 0) AS n_noninteractive,
         coalesce(t.count_of['audit'], 0) AS n_audit,
         coalesce(x.n_4625_with_ip, 0) AS n_4625_with_ip,
         coalesce(ex.n_add_user, 0) AS n_add_user,
         coalesce(t.count_of['4688'], 0) + coalesce(t.count_of['sysmon_1'], 0) > 0 AS has_process,
         coalesce(t.count_of['4688_cmdline'], 0) + coalesce(t.count_of['sysmon_1'], 0) > 0 AS has_cmdline,
         coalesce(t.count_of['4688'], 0) + coalesce(t.count_of['sysmon_1'], 0) + coalesce(t.count_of['4104'], 0)
           + coalesce(t.count_of['4798_4799'], 0) + coalesce(t.count_of['4661'], 0)
           + coalesce(t.count_of['4662'], 0) > 0 AS has_signal,
         coalesce(t.count_of['4720'], 0) + coalesce(t.count_of['account_changes'], 0) + coalesce(x.n_4798, 0) > 0
           AS account_audit
  FROM hosts h
  LEFT JOIN telemetry t USING (host_key)
  LEFT JOIN extra x USING (host_key)
  LEFT JOIN entra_extra ex USING (host_key)
),

-- (6) The verdicts: each analytic's coverage.sql becomes one CTE here, and `verdicts` lists them per host
--     in the registry's order (electron/engine/coverage/index.ts puts them in place of the next line).
-- @verdicts

SELECT h.host, h.kind, iso_utc(h.first_ts) AS first, iso_utc(h.last_ts) AS last, h.events, h.active_hours,
       coalesce(t.telemetry, []) AS telemetry,
       coalesce(g.gaps, []) AS gaps,
       coalesce(c.log_cleared, []) AS log_cleared,
       v.analytics
FROM hosts h
JOIN verdicts v USING (host_key)
LEFT JOIN telemetry t USING (host_key)
LEFT JOIN gaps g USING (host_key)
LEFT JOIN clears c USING (host_key)
ORDER BY h.kind DESC, lower(h.host)
