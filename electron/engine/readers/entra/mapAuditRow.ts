// One directory-audit record, of any shape, to an AuditRow. Log Analytics spells the Graph fields in
// PascalCase, renames operationType to AADOperationType, repeats the activity in OperationName and may
// hold InitiatedBy / TargetResources as JSON text; a diagnostic record's top level adds time,
// operationName and callerIpAddress around the Graph object.
import type { AuditRow } from '../../rowContract.js';
import type { EntraRecord } from './classifyEntraRecord.js';
import type { EntraFields } from './entraFields.js';
import { parseEntraTimestamp } from './entraTimestamp.js';
import { callerIpOf, type MappedRow } from './mapSigninRow.js';

const RESULTS = new Set(['success', 'failure', 'timeout']);

export function mapAuditRow(record: EntraRecord, raw: string, recordNo: number): MappedRow<AuditRow> {
  const { body, envelope } = record;
  const timeText =
    body.firstText('activitydatetime', 'timegenerated', 'time') ?? envelope?.text('time') ?? null;
  const initiatedBy = body.object('initiatedby');
  const user = initiatedBy?.object('user') ?? null;
  const app = initiatedBy?.object('app') ?? null;

  const row: AuditRow = {
    recordNo,
    ts: timeText === null ? null : parseEntraTimestamp(timeText),
    id: body.text('id'),
    // A diagnostic record's top-level category is the log ("AuditLogs"), not the audit category.
    category: body.text('category'),
    activity:
      body.firstText('activitydisplayname', 'operationname') ?? envelope?.text('operationname') ?? null,
    operationType: body.firstText('operationtype', 'aadoperationtype'),
    result: resultOf(body, envelope),
    resultReason: body.firstText('resultreason', 'resultdescription'),
    loggedByService: body.text('loggedbyservice'),
    initiatorUpn: user?.text('userprincipalname') ?? null,
    initiatorIp: user?.text('ipaddress') ?? callerIpOf(envelope),
    initiatorApp: app?.text('displayname') ?? null,
    targetUpns: targetUsers(body),
    correlationId: body.text('correlationid') ?? envelope?.text('correlationid') ?? null,
    raw,
  };
  return { row, timeText };
}

function resultOf(body: EntraFields, envelope: EntraFields | null): string | null {
  const result = body.text('result');
  if (result !== null) return result.toLowerCase();
  // Fallbacks also carry other words (resultSignature "None"); only the three results are taken.
  for (const fallback of [
    body.text('resulttype'),
    envelope?.text('resulttype'),
    envelope?.text('resultsignature'),
  ]) {
    const lower = fallback?.toLowerCase();
    if (lower && RESULTS.has(lower)) return lower;
  }
  return null;
}

/** userPrincipalName (else displayName) of every target of type User, in order. */
function targetUsers(body: EntraFields): string[] {
  const upns: string[] = [];
  for (const element of body.list('targetresources') ?? []) {
    const target = body.fieldsOf(element);
    if (target?.text('type')?.toLowerCase() !== 'user') continue;
    const name = target.firstText('userprincipalname', 'displayname');
    if (name !== null) upns.push(name);
  }
  return upns;
}
