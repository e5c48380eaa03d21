-- T1110_001 coverage: where password guessing can be seen, per host and for the Entra ID tenant, from the
-- `facts` of coverage.sql. Windows: failed logons 4625 (on the target), Kerberos 4771 and NTLM 4776 (on a
-- domain controller); a success that follows needs 4624 (or 4768/4776, which the same subcategories log).
-- Entra ID: failed and successful sign-ins are the same log.
--   Windows  blind    none of 4625, 4768, 4771, 4776
--            partial  failures but no success of any kind (4624, 4768, 4776): a success after the guessing
--                     cannot be seen; only NTLM 4776 (grouped by workstation name, not by IP)
--            full     otherwise
--   Entra ID blind    no sign-in logs
--            partial  only non-interactive sign-ins
--            full     interactive sign-ins
SELECT host_key,
  CASE
    WHEN kind = 'entra' AND n_interactive + n_noninteractive = 0 THEN {'state': 'blind', 'reason':
      'no sign-in logs: failed passwords (50126) cannot be seen'}
    WHEN kind = 'entra' AND n_interactive = 0 THEN {'state': 'partial', 'reason':
      'only non-interactive sign-ins: password guessing against interactive sign-in (SigninLogs) is not in the case'}
    WHEN kind = 'entra' THEN {'state': 'full', 'reason':
      'interactive sign-ins: failed passwords (50126) and the success that may follow are in the same log'}
    WHEN n_4625 + n_kerberos + n_4776 = 0 THEN {'state': 'blind', 'reason':
      CASE WHEN n_4624 > 0
        THEN '4624 logons but no 4625, 4771 or 4776: failed logons are not audited here (or none happened), so password guessing cannot be seen'
        ELSE 'no logon or authentication events (4624, 4625, 4768, 4771, 4776): password guessing cannot be seen' END}
    WHEN n_4624 + n_kerberos + n_4776 = 0 THEN {'state': 'partial', 'reason':
      '4625 failures but no successful logon (4624): guessing is seen, but not whether it then got in (a finding stays Medium unless a failure says the password was right)'}
    WHEN n_4625 + n_kerberos = 0 THEN {'state': 'partial', 'reason':
      'only NTLM validation (4776): guessing is grouped by workstation name, not by source IP'}
    ELSE {'state': 'full', 'reason': concat_ws(', ',
      CASE WHEN n_4625 > 0 THEN '4625 failed logons' END,
      CASE WHEN n_kerberos > 0 THEN 'Kerberos 4768/4771' END,
      CASE WHEN n_4776 > 0 THEN 'NTLM 4776' END,
      CASE WHEN n_4624 > 0 THEN '4624 logons' END) || ': failures and a success that may follow them are visible'}
  END AS verdict
FROM facts
