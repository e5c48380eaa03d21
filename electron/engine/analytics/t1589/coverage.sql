-- T1589 coverage: where username enumeration can be seen, per host and for the Entra ID tenant, from the
-- `facts` of coverage.sql. Windows: 4625 by source IP, 4768/4771 by IP, 4776 by workstation; Entra ID:
-- failed sign-ins by IP, SSPR audits.
--   Windows  blind    none of 4625, 4768, 4771, 4776
--            partial  4625 but never with a usable source IP (and no 4768/4771): grouped by host, workstation
--                     name and calling process in the default profile, dropped in the seed profile; only 4776
--                     (grouped by workstation name, not IP)
--            full     otherwise
--   Entra ID partial  no interactive sign-ins; no sign-ins at all; no audits
--            full     interactive sign-ins and audits
SELECT host_key,
  CASE
    WHEN kind = 'windows' AND n_4625 + n_kerberos + n_4776 = 0 THEN {'state': 'blind', 'reason':
      CASE WHEN n_4624 > 0
        THEN '4624 logons but no 4625, 4768, 4771 or 4776: failed logons are not audited here (or none happened), so username probing cannot be seen'
        ELSE 'no logon or authentication events (4624, 4625, 4768, 4771, 4776): username probing cannot be seen' END}
    WHEN gaps_text IS NOT NULL THEN {'state': 'partial', 'reason': gaps_text}
    WHEN kind = 'entra' THEN {'state': 'full', 'reason':
      'interactive sign-ins and directory audits: sign-in probing and self-service password reset probing are both visible'}
    ELSE {'state': 'full', 'reason': concat_ws(', ',
      CASE WHEN n_4625_with_ip > 0 THEN '4625 with source addresses' END,
      CASE WHEN n_kerberos > 0 THEN 'Kerberos 4768/4771' END,
      CASE WHEN n_4776 > 0 THEN 'NTLM 4776' END) || ': failed logons can be grouped by source'}
  END AS verdict
FROM (
  SELECT *,
    CASE
      WHEN kind = 'entra' THEN nullif(concat_ws('; ',
        CASE WHEN n_interactive = 0 AND n_noninteractive > 0 THEN
          'only non-interactive sign-ins: username probing against interactive sign-in (SigninLogs) is not in the case' END,
        CASE WHEN n_interactive + n_noninteractive = 0 THEN
          'no sign-in logs: failed sign-ins (50034, 50126 …) cannot be seen, only self-service password reset probing' END,
        CASE WHEN n_audit = 0 THEN
          'no directory audits: self-service password reset probing cannot be seen' END
      ), '')
      WHEN n_4625 + n_kerberos + n_4776 = 0 THEN NULL
      ELSE nullif(concat_ws('; ',
        CASE WHEN n_4625 > 0 AND n_4625_with_ip = 0 AND n_kerberos = 0 THEN
          '4625 without a usable source address: failed logons cannot be grouped by source IP (the default profile groups them by host, workstation name and calling process instead; the seed profile drops them)' END,
        CASE WHEN n_4625 = 0 AND n_kerberos = 0 AND n_4776 > 0 THEN
          'only NTLM validation (4776): probing is grouped by workstation name, not by source IP' END
      ), '')
    END AS gaps_text
  FROM facts
)
