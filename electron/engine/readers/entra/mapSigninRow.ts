// One sign-in record, of any shape, to a SigninRow. Graph and diagnostic `properties` are camelCase
// with nested objects; Log Analytics renames (IPAddress, LocationDetails, ResultType as a string,
// ResultDescription) and may hold the nested objects as JSON text. Lookups are case-insensitive.
import type { SigninRow } from '../../rowContract.js';
import type { EntraRecord, SigninKind } from './classifyEntraRecord.js';
import { toBoolean, toErrorCode, type EntraFields } from './entraFields.js';
import { parseEntraTimestamp } from './entraTimestamp.js';

export interface MappedRow<R> {
  row: R;
  /** The time text the row's ts came from, to explain a null ts; null when the record had none. */
  timeText: string | null;
}

export function mapSigninRow(record: EntraRecord, raw: string, recordNo: number): MappedRow<SigninRow> {
  const { body, envelope } = record;
  const timeText =
    body.firstText('createddatetime', 'timegenerated', 'time') ?? envelope?.text('time') ?? null;
  const status = body.object('status');
  const location = body.object('location') ?? body.object('locationdetails');
  const explicitInteractive = toBoolean(body.value('isinteractive'));
  const signinKind =
    record.signinKind ?? kindFromEventTypes(body.list('signineventtypes')) ?? kindFrom(explicitInteractive);

  const row: SigninRow = {
    recordNo,
    ts: timeText === null ? null : parseEntraTimestamp(timeText),
    id: body.text('id'),
    userPrincipalName: body.text('userprincipalname'),
    userDisplayName: body.text('userdisplayname'),
    userId: body.text('userid'),
    appDisplayName: body.text('appdisplayname'),
    appId: body.text('appid'),
    resourceDisplayName: body.text('resourcedisplayname'),
    ip: body.text('ipaddress') ?? callerIpOf(envelope),
    clientAppUsed: body.text('clientappused'),
    userAgent: body.text('useragent'),
    errorCode: errorCodeOf(status, body, envelope),
    failureReason:
      status?.text('failurereason') ??
      body.text('resultdescription') ??
      envelope?.text('resultdescription') ??
      null,
    isInteractive: explicitInteractive ?? (signinKind === null ? null : signinKind === 'interactive'),
    signinKind,
    // Graph `location` is an object; Log Analytics `Location` and the diagnostic top level are the country.
    country: location?.text('countryorregion') ?? countryCode(body) ?? envelope?.text('location') ?? null,
    city: location?.text('city') ?? null,
    correlationId: body.text('correlationid') ?? envelope?.text('correlationid') ?? null,
    conditionalAccessStatus: body.text('conditionalaccessstatus'),
    raw,
  };
  return { row, timeText };
}

/** A diagnostic record's callerIpAddress; audit records may write "<null>" there. */
export function callerIpOf(envelope: EntraFields | null): string | null {
  const ip = envelope?.text('calleripaddress') ?? null;
  return ip === '<null>' ? null : ip;
}

function errorCodeOf(
  status: EntraFields | null,
  body: EntraFields,
  envelope: EntraFields | null,
): number | null {
  return (
    toErrorCode(status?.value('errorcode')) ??
    toErrorCode(body.value('resulttype')) ??
    toErrorCode(envelope?.value('resulttype'))
  );
}

/** Log Analytics' `Location` column: a plain country code (not the JSON of a location object). */
function countryCode(body: EntraFields): string | null {
  const text = body.text('location');
  return text !== null && !text.trimStart().startsWith('{') ? text : null;
}

const EVENT_TYPES = new Map<string, SigninKind>([
  ['interactiveuser', 'interactive'],
  ['noninteractiveuser', 'noninteractive'],
  ['serviceprincipal', 'serviceprincipal'],
  ['managedidentity', 'managedidentity'],
]);

/** Graph beta's signInEventTypes, e.g. ["nonInteractiveUser"]. */
function kindFromEventTypes(types: unknown[] | null): SigninKind | null {
  for (const t of types ?? []) {
    const kind = typeof t === 'string' ? EVENT_TYPES.get(t.toLowerCase()) : undefined;
    if (kind) return kind;
  }
  return null;
}

function kindFrom(isInteractive: boolean | null): SigninKind | null {
  if (isInteractive === null) return null;
  return isInteractive ? 'interactive' : 'noninteractive';
}
