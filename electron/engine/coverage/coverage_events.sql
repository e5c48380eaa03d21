-- id:      COVERAGE_EVENTS
-- title:   The events behind one cell of the coverage matrix
-- params:
--   $host        a host as coverage.sql names it (compared case-insensitively), or 'Entra ID'
--   $telemetry   a telemetry key of coverage.sql (the tests check both files count the same events)
--   $limit       page size
--   $offset      rows to skip
--
-- The key tests below are coverage.sql's, one for one; a page of references comes back in time order,
-- each row carrying the total so one query answers both.

WITH
win AS (
  SELECT 'win_events' AS tbl, e.source_id, e.record_no, e.ts
  FROM win_events e
  WHERE lower(coalesce(e.host, '(no host)')) = lower($host)
    AND CASE $telemetry
      WHEN '4688' THEN e.event_id = 4688
      WHEN '4688_cmdline' THEN e.event_id = 4688 AND NOT blank_name(e.command_line)
      WHEN '4688_no_cmdline' THEN e.event_id = 4688 AND blank_name(e.command_line)
      WHEN 'sysmon_1' THEN e.event_id = 1 AND is_sysmon(e.provider, e.channel)
      WHEN 'sysmon_11' THEN e.event_id = 11 AND is_sysmon(e.provider, e.channel)
      WHEN '4104' THEN e.event_id = 4104
      WHEN '4720' THEN e.event_id = 4720
      WHEN 'account_changes' THEN e.event_id IN (4722, 4723, 4724, 4725, 4726, 4738, 4781)
      WHEN 'group_changes' THEN e.event_id BETWEEN 4727 AND 4737 OR e.event_id BETWEEN 4754 AND 4758
      WHEN '4798_4799' THEN e.event_id IN (4798, 4799)
      WHEN '4661' THEN e.event_id = 4661
      WHEN '4662' THEN e.event_id = 4662
      WHEN '4624' THEN e.event_id = 4624
      WHEN '4634' THEN e.event_id IN (4634, 4647)
      WHEN '4625' THEN e.event_id = 4625
      WHEN '4648' THEN e.event_id = 4648
      WHEN '4768' THEN e.event_id = 4768
      WHEN '4771' THEN e.event_id = 4771
      WHEN '4776' THEN e.event_id = 4776
      WHEN 'log_cleared' THEN e.event_id = 1102 AND NOT is_sysmon(e.provider, e.channel)
                              OR e.event_id = 104 AND e.provider = 'Microsoft-Windows-Eventlog'
      ELSE false
    END
),
entra AS (
  SELECT 'signins' AS tbl, s.source_id, s.record_no, s.ts
  FROM signins s
  WHERE lower($host) = 'entra id'
    AND CASE $telemetry
      WHEN 'signin_interactive' THEN coalesce(s.is_interactive, s.signin_kind = 'interactive', true)
      WHEN 'signin_noninteractive' THEN NOT coalesce(s.is_interactive, s.signin_kind = 'interactive', true)
      ELSE false
    END
  UNION ALL
  SELECT 'audits', a.source_id, a.record_no, a.ts
  FROM audits a
  WHERE lower($host) = 'entra id' AND $telemetry = 'audit'
)
SELECT tbl, source_id, record_no, count(*) OVER () AS total
FROM (SELECT * FROM win UNION ALL SELECT * FROM entra)
ORDER BY ts, tbl, source_id, record_no
LIMIT $limit OFFSET $offset
