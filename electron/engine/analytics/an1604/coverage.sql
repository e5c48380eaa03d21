-- AN1604 coverage: where account creation with lineage can be seen, per host, from the `facts` of
-- coverage.sql. Signals: 4720; lineage from process creation; session and follow-up from 4624.
--   blind    account management not audited; the Entra ID tenant (Windows 4720 only)
--   partial  no process creation (no lineage); 4688 without command lines and no Sysmon 1 (linked by logon
--            and time only); no 4624 (no session, no logons by the new account)
--   full     otherwise; with no 4720 the reason says no account was created here while audited
SELECT host_key,
  CASE
    WHEN kind = 'entra' THEN {'state': 'blind', 'reason':
      'AN1604 reads Windows 4720 only: users created in Entra ID are not analysed ('
      || CASE WHEN n_add_user = 0 THEN 'no' ELSE n_add_user::VARCHAR END || ' “Add user” audits in the case)'}
    WHEN NOT account_audit THEN {'state': 'blind', 'reason':
      'no 4720 and no other user-account event (4722–4726, 4738, 4798): nothing shows that account creation is audited here, so no finding means nothing'
      || CASE WHEN NOT has_process THEN '; no process creation either' ELSE '' END}
    WHEN gaps_text IS NOT NULL THEN {'state': 'partial', 'reason':
      CASE WHEN n_4720 = 0 THEN 'no 4720 while account management is audited: no account was created here in this span; ' ELSE '' END
      || gaps_text}
    WHEN n_4720 = 0 THEN {'state': 'full', 'reason':
      'no 4720 while account management is audited: no account was created here in this span; a creation would get lineage and session'}
    ELSE {'state': 'full', 'reason': '4720 with process creation (command lines) and 4624 logons: creations get lineage and session'}
  END AS verdict
FROM (
  SELECT *,
    nullif(concat_ws('; ',
      CASE WHEN NOT has_process AND n_4720 > 0 THEN
        '4720 present but no process creation: account creations will have no lineage' END,
      CASE WHEN NOT has_process AND n_4720 = 0 THEN
        'no process creation: an account creation would have no lineage' END,
      CASE WHEN has_process AND NOT has_cmdline THEN
        '4688 without command lines: the creating process is linked by logon session and time only, never by a command naming the account' END,
      CASE WHEN n_4624 = 0 THEN
        'no 4624: the creator''s session (logon type, source address) and logons by the new account cannot be shown' END
    ), '') AS gaps_text
  FROM facts
)
