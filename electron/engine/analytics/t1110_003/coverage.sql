-- T1110_003 coverage: where a password spray can be seen from the machine it was run on, per host, from
-- the `facts` of coverage.sql. Signal: 4648 (a logon with explicit credentials), which Windows logs under
-- the successes of the Logon subcategory ("Audit Logon"), like 4624. The calling process's chain and what
-- ran in the subject's session need process creation (4688 or Sysmon 1).
--   blind    the Entra ID tenant (no 4648 there); a host with neither 4648 nor 4624: nothing shows that
--            the Logon subcategory's successes are collected
--   partial  4624 but no 4648: the subcategory is audited, yet no 4648 is in the case (nobody used
--            explicit credentials here, or the collection left 4648 out); 4648 without process creation:
--            a spray is seen, but not the process or session activity behind it
--   full     4648 with process creation
SELECT host_key,
  CASE
    WHEN kind = 'entra' THEN {'state': 'blind', 'reason':
      'T1110_003 reads Windows 4648 on the machine a spray is run from: Entra ID has no such record (failed sign-ins across many accounts from one address are T1589''s)'}
    WHEN n_4648 = 0 AND n_4624 = 0 THEN {'state': 'blind', 'reason':
      'no 4648 and no 4624: nothing shows that successful logons (the Logon subcategory that also logs explicit-credential use) are collected here, so a spray run from this host cannot be seen'}
    WHEN n_4648 = 0 THEN {'state': 'partial', 'reason':
      '4624 logons but no 4648: the Logon subcategory is audited, yet no explicit-credential logon is in the case; either nobody used explicit credentials on this host, or the collection left 4648 out'}
    WHEN NOT has_process THEN {'state': 'partial', 'reason':
      '4648 present but no process creation: a spray from this host is seen, but the process behind it and what else ran in its logon session cannot be followed'}
    ELSE {'state': 'full', 'reason':
      '4648 with process creation: a spray from this host is seen, with the calling process and the session it ran in'}
  END AS verdict
FROM facts
