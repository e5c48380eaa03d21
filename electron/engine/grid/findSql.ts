// What "find" searches in each event: its typed fields, the rest of its EventData, and the raw record it
// was read from (the event's XML, an Entra record's JSON). An event read from a binary .evtx file keeps no
// XML in the case (migration 006): its fields and EventData values are every value that XML held.
//
// The raw record holds every field (each reader takes the fields from it), so an event that has one is
// searched there alone, with RE2's case-insensitive matching (measured up to four times faster than
// lower-casing the text to compare). Text the raw form writes differently (XML's &amp; &lt; &gt; &quot;
// &apos;, JSON's escaped " and \) or not at all (DOMAIN\name, which the grid shows and the XML splits in
// two) is looked for in the fields too, where it is written as it is shown.
import type { GridTable } from './columns.js';

const FIELDS: Record<GridTable, string> = {
  win_events: `concat_ws(chr(10), e.host, e.channel, e.provider, CAST(e.event_id AS VARCHAR),
    concat_ws('\\', e.subject_domain, e.subject_user), e.subject_sid, concat_ws('\\', e.target_domain, e.target_user),
    e.target_sid, e.image, e.parent_image,
    e.command_line, e.parent_command_line, e.ip, e.workstation, e.status, e.sub_status, e.failure_code,
    e.caller_image, e.logon_process, e.auth_package, e.member_name, e.member_sid, e.object_type, e.object_name,
    e.script_text, array_to_string(json_extract_string(e.data, '$.*'), chr(10)))`,
  signins: `concat_ws(chr(10), e.user_principal_name, e.user_display_name, e.app_display_name,
    e.resource_display_name, e.ip, e.client_app_used, e.user_agent, CAST(e.error_code AS VARCHAR),
    e.failure_reason, e.country, e.city)`,
  audits: `concat_ws(chr(10), e.category, e.activity, e.operation_type, e.result, e.result_reason,
    e.logged_by_service, e.initiator_upn, e.initiator_ip, e.initiator_app, array_to_string(e.target_upns, ' '))`,
};

const RAW: Record<GridTable, string> = { win_events: 'e.xml', signins: 'e.raw', audits: 'e.raw' };
/** Characters the raw form of a table's records escapes. */
const ESCAPED: Record<GridTable, RegExp> = { win_events: /[&<>"'\\]/, signins: /["\\]/, audits: /["\\]/ };

/**
 * SQL true when the event holds `$find` (plain text, any case), or with `regex` matches it as a regular
 * expression (RE2, case-insensitive unless it says `(?-i)`). `$find_re` is the pattern to bind: the
 * regular expression itself, or the text escaped into one.
 */
export function findMatchSql(table: GridTable, regex: boolean, text: string): string {
  const test = (x: string) => `coalesce(regexp_matches(${x}, $find_re, 'i'), false)`;
  const raw = test(RAW[table]);
  const fields = test(FIELDS[table]);
  if (regex || ESCAPED[table].test(text)) return `(${raw} OR ${fields})`;
  return `(CASE WHEN ${RAW[table]} IS NULL THEN ${fields} ELSE ${raw} END)`;
}

/**
 * findMatchSql as two conditions no event meets both of, for a scan to run as two queries: the events with
 * a raw record searched there, those without searched in their fields. Apart, a scan of the first reads the
 * raw column alone, and one of the second skips every event that has a raw record; as one CASE, a scan
 * reads every field column of every event for the few that lack one (measured on the bench case, a day of
 * events: 219 ms warm, 988 ms from disk, against 19-119 ms and 3 ms). When the fields are searched
 * beside the raw record (a regular expression, text the raw form escapes), the second is `false`.
 */
export function findMatchParts(table: GridTable, regex: boolean, text: string): [string, string] {
  if (regex || ESCAPED[table].test(text)) return [findMatchSql(table, regex, text), 'false'];
  const test = (x: string) => `coalesce(regexp_matches(${x}, $find_re, 'i'), false)`;
  return [
    `(${RAW[table]} IS NOT NULL AND ${test(RAW[table])})`,
    `(${RAW[table]} IS NULL AND ${test(FIELDS[table])})`,
  ];
}

/** The pattern find binds as `$find_re`. */
export function findPattern(text: string, regex: boolean): string {
  return regex ? text : text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
