// Which kind of activity an event is, for the timeline's stacked volume chart. Categories come from the
// event id (and, for Kerberos and NTLM validation, its status), so a chart of a case reads as a story:
// process starts, logons and their failures, account and group changes, enumeration, cloud sign-ins. A
// logon with explicit credentials (4648, runas or a tool naming another account) is a logon: the
// source side of a spray is a burst of them.

export const CATEGORIES = [
  'process',
  'logon',
  'logon-failure',
  'account',
  'group',
  'enumeration',
  'signin-failure',
  'signin',
  'audit',
  'other',
] as const;

export type Category = (typeof CATEGORIES)[number];

// 4768 (TGT request) and 4776 (NTLM validation) log success and failure under one id; status tells.
const FAILED_STATUS = "(status IS NOT NULL AND status NOT IN ('0x0', '0'))";

/** SQL over a win_events row: its category. */
export const WIN_CATEGORY_SQL = `CASE
  WHEN event_id = 4688 OR (event_id = 1 AND (provider ILIKE '%sysmon%' OR channel ILIKE '%sysmon%')) THEN 'process'
  WHEN event_id IN (4624, 4634, 4647, 4648) THEN 'logon'
  WHEN event_id IN (4625, 4771) OR (event_id IN (4768, 4776) AND ${FAILED_STATUS}) THEN 'logon-failure'
  WHEN event_id BETWEEN 4720 AND 4726 OR event_id = 4738 THEN 'account'
  WHEN event_id IN (4728, 4732, 4756) THEN 'group'
  WHEN event_id IN (4798, 4799, 4661) THEN 'enumeration'
  ELSE 'other' END`;

/** SQL over a signins row: a sign-in with an error code other than 0 failed. */
export const SIGNIN_CATEGORY_SQL =
  "CASE WHEN coalesce(error_code, 0) <> 0 THEN 'signin-failure' ELSE 'signin' END";

export const AUDIT_CATEGORY_SQL = "'audit'";

/** Every event of the case as one row stream, with the columns the timeline and its list need. */
export const ALL_EVENTS_SQL = `
  SELECT ts, 'win_events' AS tbl, source_id, record_no, host, ${WIN_CATEGORY_SQL} AS category, event_id,
         provider, subject_user, subject_domain, target_user, target_domain, image, command_line, parent_image,
         logon_type, ip, workstation, status, sub_status, failure_code, member_name, object_type, object_name,
         caller_image, NULL::VARCHAR AS app, NULL::INTEGER AS error_code, NULL::VARCHAR AS result
    FROM win_events
  UNION ALL
  SELECT ts, 'signins', source_id, record_no, NULL, ${SIGNIN_CATEGORY_SQL}, NULL,
         NULL, user_principal_name, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, ip, NULL, NULL, NULL, NULL, NULL, NULL, failure_reason,
         NULL, app_display_name, error_code, NULL
    FROM signins
  UNION ALL
  SELECT ts, 'audits', source_id, record_no, NULL, ${AUDIT_CATEGORY_SQL}, NULL,
         logged_by_service, initiator_upn, NULL, array_to_string(target_upns, ', '), NULL, NULL, NULL, NULL,
         NULL, initiator_ip, NULL, NULL, NULL, NULL, NULL, NULL, activity,
         NULL, initiator_app, NULL, result
    FROM audits`;
