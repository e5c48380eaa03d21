// What "find" searches in each event: its typed fields, the rest of its EventData, and the raw record it
// was read from (the event's XML, an Entra record's JSON). An event read from a binary .evtx file keeps no
// XML in the case (migration 006): its fields and EventData are every value that XML held.
//
// The fields are short and are tested first; the raw text (1.5 KB an event on the bench case) only for
// events whose fields do not match, and with RE2's case-insensitive matching, which measured twice as fast
// as lower-casing the text to compare (a regular expression's own find is the same test).
import type { GridTable } from './columns.js';

const FIELDS: Record<GridTable, string> = {
  win_events: `concat_ws(chr(10), e.host, e.channel, e.provider, CAST(e.event_id AS VARCHAR), e.subject_user,
    e.subject_domain, e.subject_sid, e.target_user, e.target_domain, e.target_sid, e.image, e.parent_image,
    e.command_line, e.parent_command_line, e.ip, e.workstation, e.status, e.sub_status, e.failure_code,
    e.caller_image, e.logon_process, e.auth_package, e.member_name, e.member_sid, e.object_type, e.object_name,
    e.script_text, CAST(e.data AS VARCHAR))`,
  signins: `concat_ws(chr(10), e.user_principal_name, e.user_display_name, e.app_display_name,
    e.resource_display_name, e.ip, e.client_app_used, e.user_agent, CAST(e.error_code AS VARCHAR),
    e.failure_reason, e.country, e.city)`,
  audits: `concat_ws(chr(10), e.category, e.activity, e.operation_type, e.result, e.result_reason,
    e.logged_by_service, e.initiator_upn, e.initiator_ip, e.initiator_app, array_to_string(e.target_upns, ' '))`,
};

const RAW: Record<GridTable, string> = { win_events: 'e.xml', signins: 'e.raw', audits: 'e.raw' };

/**
 * SQL true when the event holds the text `$find` (case-insensitive), or, with `regex`, matches the regular
 * expression `$find` (RE2, case-insensitive unless it says `(?-i)`).
 */
export function findMatchSql(table: GridTable, regex: boolean): string {
  const fields = FIELDS[table];
  const raw = RAW[table];
  if (regex)
    return `(regexp_matches(${fields}, $find, 'i') OR coalesce(regexp_matches(${raw}, $find, 'i'), false))`;
  return `(contains(lower(${fields}), lower($find)) OR coalesce(regexp_matches(${raw}, regexp_escape($find), 'i'), false))`;
}
