// Decides what one parsed record is, by its fields rather than by the file it came in: a sign-in or a
// directory audit, and whether it is a Graph object, a Log Analytics row or a diagnostic-settings
// record (whose `properties` member holds the Graph object and whose top level adds time, category,
// resultType, callerIpAddress...).
import type { EntraFields } from './entraFields.js';

export type SigninKind = 'interactive' | 'noninteractive' | 'serviceprincipal' | 'managedidentity';
export type EntraShape = 'graph' | 'log-analytics' | 'diagnostic';

export interface EntraRecord {
  kind: 'signin' | 'audit';
  shape: EntraShape;
  /** The sign-in or audit itself: the record, or a diagnostic record's `properties`. */
  body: EntraFields;
  /** A diagnostic record's top level, else null. */
  envelope: EntraFields | null;
  /** What the diagnostic category or Log Analytics table name says, when it names a sign-in log. */
  signinKind: SigninKind | null;
}

// Diagnostic categories and Log Analytics table names, lower-cased. A Map, not an object literal, so a
// hostile category such as "constructor" finds nothing.
const SIGNIN_LOGS = new Map<string, SigninKind | null>([
  ['signinlogs', 'interactive'],
  ['noninteractiveusersigninlogs', 'noninteractive'],
  ['aadnoninteractiveusersigninlogs', 'noninteractive'],
  ['serviceprincipalsigninlogs', 'serviceprincipal'],
  ['aadserviceprincipalsigninlogs', 'serviceprincipal'],
  ['managedidentitysigninlogs', 'managedidentity'],
  ['aadmanagedidentitysigninlogs', 'managedidentity'],
  ['adfssigninlogs', null],
]);
const AUDIT_LOGS = new Set(['auditlogs']);

const AUDIT_FIELDS = [
  'activitydisplayname',
  'activitydatetime',
  'loggedbyservice',
  'initiatedby',
  'targetresources',
  'aadoperationtype',
];
const SIGNIN_FIELDS = [
  'createddatetime',
  'ipaddress',
  'status',
  'resulttype',
  'userprincipalname',
  'isinteractive',
  'clientappused',
  'conditionalaccessstatus',
  'signineventtypes',
];

/** The record's kind and parts, or the reason it is neither a sign-in nor an audit. */
export function classifyEntraRecord(fields: EntraFields): EntraRecord | string {
  const properties = fields.object('properties');
  if (properties && (fields.has('category') || fields.has('operationname'))) {
    const category = fields.text('category');
    const named = kindFromLogName(category);
    const kind = named?.kind ?? kindFromFields(properties);
    if (!kind) {
      return `a diagnostic record of category ${category === null ? '(none)' : `"${category}"`} that is neither a sign-in nor an audit`;
    }
    return {
      kind,
      shape: 'diagnostic',
      body: properties,
      envelope: fields,
      signinKind: named?.signinKind ?? null,
    };
  }
  const table = kindFromLogName(fields.text('type'));
  const named = table ?? kindFromLogName(fields.text('category'));
  const kind = named?.kind ?? kindFromFields(fields);
  if (!kind) return 'neither a sign-in nor an audit record (none of their fields are present)';
  const shape = table || fields.has('timegenerated') ? 'log-analytics' : 'graph';
  return { kind, shape, body: fields, envelope: null, signinKind: named?.signinKind ?? null };
}

function kindFromLogName(
  name: string | null,
): { kind: 'signin' | 'audit'; signinKind: SigninKind | null } | null {
  if (name === null) return null;
  const lower = name.toLowerCase();
  const signinKind = SIGNIN_LOGS.get(lower);
  if (signinKind !== undefined) return { kind: 'signin', signinKind };
  return AUDIT_LOGS.has(lower) ? { kind: 'audit', signinKind: null } : null;
}

function kindFromFields(fields: EntraFields): 'signin' | 'audit' | null {
  // Audit fields first: a Log Analytics AuditLogs row also has a ResultType ("Success").
  if (AUDIT_FIELDS.some((name) => fields.has(name))) return 'audit';
  if (SIGNIN_FIELDS.some((name) => fields.has(name))) return 'signin';
  return null;
}
