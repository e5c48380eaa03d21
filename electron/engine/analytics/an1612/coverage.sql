-- AN1612 coverage: where account enumeration can be seen, per host, from the `facts` of coverage.sql.
-- Signals: process command lines, 4104, 4798/4799, 4661, 4662; artifact: Sysmon 11.
--   blind    none of process creation, 4104, 4798/4799, 4661, 4662; the Entra ID tenant (Windows events only)
--   partial  no process creation (only API lookups, 4661, 4662 or 4104 are seen); 4688 without command lines
--            and no Sysmon 1; some 4688 without command lines and no Sysmon 1; no Sysmon 11 (output files
--            are seen only when the command line redirects); no 4798/4799
--   full     process creation with command lines, Sysmon 11 and 4798/4799
-- Reasons of a partial state are joined with "; " (a NULL part of concat_ws is simply left out).
SELECT host_key,
  CASE
    WHEN kind = 'entra' THEN {'state': 'blind', 'reason':
      'AN1612 reads Windows events only: reading the Entra ID directory (users, groups) leaves no sign-in or audit record'}
    WHEN NOT has_signal THEN {'state': 'blind', 'reason':
      'no process creation, no 4104 script blocks, no 4798/4799, no 4661 and no 4662: account enumeration leaves no trace in these logs'}
    WHEN gaps_text IS NOT NULL THEN {'state': 'partial', 'reason': gaps_text}
    ELSE {'state': 'full', 'reason': 'process creation with command lines, Sysmon 11 file creation and 4798/4799 lookups are all logged'}
  END AS verdict
FROM (
  SELECT *,
    nullif(concat_ws('; ',
      CASE WHEN NOT has_process AND n_lookups > 0 THEN
        '4798/4799 present but no process creation: enumeration shows only as security-API lookups, with no command line or process chain' END,
      CASE WHEN NOT has_process AND n_lookups = 0 AND n_4661 > 0 THEN
        '4661 present but no process creation: SAM lookups are seen here, not the command that made them' END,
      CASE WHEN NOT has_process AND n_lookups = 0 AND n_4661 = 0 AND n_4662 > 0 THEN
        '4662 present but no process creation: LDAP reads of users and groups are seen here, not the command that made them' END,
      CASE WHEN NOT has_process AND n_lookups = 0 AND n_4661 = 0 AND n_4662 = 0 THEN
        'only 4104 script blocks: net.exe, wmic or dsquery enumeration cannot be seen' END,
      CASE WHEN has_process AND NOT has_cmdline THEN
        '4688 without command lines: enumeration commands cannot be recognised' END,
      CASE WHEN has_cmdline AND n_sysmon_1 = 0 AND n_4688_no_cmdline > 0 THEN
        n_4688_no_cmdline || ' of ' || n_4688 || ' 4688 events have no command line: enumeration by those processes cannot be recognised' END,
      CASE WHEN has_cmdline AND n_sysmon_11 = 0 THEN
        'no Sysmon 11: an account list written to a file is seen only when the command line redirects it' END,
      CASE WHEN has_process AND n_lookups = 0 THEN
        'no 4798/4799: lookups through the security API by tools with an unrecognised command line are not seen' END
    ), '') AS gaps_text
  FROM facts
)
