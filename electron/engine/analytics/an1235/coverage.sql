-- AN1235 coverage: where "suspicious process, then 4720" can be seen, per host, from the `facts` of
-- coverage.sql. It needs both sides on the same host.
--   blind    no process creation; or account management not audited; the Entra ID tenant
--   partial  4688 without command lines and no Sysmon 1 (only logon or time ties, never "names the account")
--   full     otherwise
SELECT host_key,
  CASE
    WHEN kind = 'entra' THEN {'state': 'blind', 'reason':
      'AN1235 needs Windows process creation followed by a 4720: it does not apply to Entra ID'}
    WHEN NOT has_process THEN {'state': 'blind', 'reason':
      'no process creation (4688 or Sysmon 1): nothing can be seen preceding a 4720'
      || CASE WHEN NOT account_audit THEN '; no 4720 or other account-management events either' ELSE '' END}
    WHEN NOT account_audit THEN {'state': 'blind', 'reason':
      'no 4720 and no other user-account event (4722–4726, 4738, 4798): nothing shows that account creation is audited here, so no finding means nothing'}
    WHEN NOT has_cmdline THEN {'state': 'partial', 'reason':
      '4688 without command lines: a process can tie to a 4720 only by logon id or time (weak), never by naming the account'}
    WHEN n_4720 = 0 THEN {'state': 'full', 'reason':
      'process creation with command lines and account management audited; no 4720 here in this span'}
    ELSE {'state': 'full', 'reason': 'process creation with command lines and 4720: a suspicious process before a creation would be seen'}
  END AS verdict
FROM facts
