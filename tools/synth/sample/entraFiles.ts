// Splits the week's Entra records over the export shapes a responder gets: the Graph sign-ins the
// Extractor Suite saved (Monday to Thursday), a Log Analytics SigninLogs export (Friday to Sunday), the
// diagnostic-settings blob lines (all non-interactive sign-ins, weekend audits), a Graph directoryAudits
// page (Monday to Thursday) and a Log Analytics AuditLogs export (Friday).
import { diagnosticAudit, graphAudit, logAnalyticsAudit } from '../entra/auditRecord.js';
import type { AuditRecord } from '../entra/auditRecord.js';
import { JsonRecordWriter } from '../entra/jsonWriters.js';
import type { JsonEnvelope } from '../entra/jsonWriters.js';
import { diagnosticSignin, graphSignin, logAnalyticsSignin } from '../entra/signinShapes.js';
import type { SigninRecord } from '../entra/signinRecord.js';
import { openMemorySink } from '../textSink.js';
import { isoZ, utcMicros } from '../timeFormat.js';
import { TENANT } from './company.js';
import type { ManifestEntry, SampleFile } from './sampleFile.js';

const FRIDAY = utcMicros(2026, 3, 13);
const SATURDAY = utcMicros(2026, 3, 14);

type Item = { time: number; kind: 'signin' | 'audit'; json: Record<string, unknown> };

function writeJson(
  name: string,
  items: Item[],
  envelope: JsonEnvelope,
  meta: Pick<ManifestEntry, 'format' | 'variant' | 'note'>,
): SampleFile {
  const sink = openMemorySink('utf8', false);
  const writer = new JsonRecordWriter(sink, envelope);
  for (const item of items) writer.write(item.json);
  writer.finish();
  const contents = sink.contents();
  const times = items.map((i) => i.time);
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  return {
    name,
    contents,
    manifest: {
      ...meta,
      encoding: 'utf-8',
      events: items.length,
      bytes: contents.length,
      counts,
      first: isoZ(Math.min(...times), 6),
      last: isoZ(Math.max(...times), 6),
    },
  };
}

const byTime = (a: Item, b: Item) => a.time - b.time;
const newestFirst = (a: Item, b: Item) => b.time - a.time;

export function renderEntraFiles(signins: SigninRecord[], audits: AuditRecord[]): SampleFile[] {
  const tenant = TENANT.id;
  const interactive = signins.filter((s) => s.isInteractive);
  const graphItems = interactive
    .filter((s) => s.createdDateTime < FRIDAY)
    .map((s): Item => ({ time: s.createdDateTime, kind: 'signin', json: graphSignin(s) }));
  const laItems = interactive
    .filter((s) => s.createdDateTime >= FRIDAY)
    .map((s): Item => ({ time: s.createdDateTime, kind: 'signin', json: logAnalyticsSignin(s, tenant) }));
  const diagnostic = [
    ...signins
      .filter((s) => !s.isInteractive)
      .map((s): Item => ({ time: s.createdDateTime, kind: 'signin', json: diagnosticSignin(s, tenant) })),
    ...audits
      .filter((a) => a.activityDateTime >= SATURDAY)
      .map((a): Item => ({ time: a.activityDateTime, kind: 'audit', json: diagnosticAudit(a, tenant) })),
  ];
  const graphAudits = audits
    .filter((a) => a.activityDateTime < FRIDAY)
    .map((a): Item => ({ time: a.activityDateTime, kind: 'audit', json: graphAudit(a) }));
  const laAudits = audits
    .filter((a) => a.activityDateTime >= FRIDAY && a.activityDateTime < SATURDAY)
    .map((a): Item => ({ time: a.activityDateTime, kind: 'audit', json: logAnalyticsAudit(a, tenant) }));
  return [
    writeJson(
      'entra-signins-graph.json',
      graphItems.sort(newestFirst),
      { kind: 'array' },
      {
        format: 'entra-signins',
        variant: 'graph',
        note: 'Graph /auditLogs/signIns pages saved as one array, newest first (Extractor Suite style); interactive sign-ins Mon-Thu',
      },
    ),
    writeJson(
      'entra-SigninLogs-loganalytics.json',
      laItems.sort(byTime),
      { kind: 'array' },
      {
        format: 'entra-signins',
        variant: 'log-analytics',
        note: 'Log Analytics SigninLogs exported as JSON: PascalCase, ResultType a string, Status/DeviceDetail/LocationDetails as JSON text; interactive sign-ins Fri-Sun',
      },
    ),
    writeJson(
      'entra-diagnostic-insights-logs.json',
      diagnostic.sort(byTime),
      { kind: 'lines' },
      {
        format: 'entra-mixed',
        variant: 'diagnostic-settings',
        note: 'Diagnostic settings storage blobs (insights-logs-*), one record per line: all non-interactive sign-ins, and the weekend audit records',
      },
    ),
    writeJson(
      'entra-directoryAudits-graph.json',
      graphAudits.sort(newestFirst),
      { kind: 'graph-page', context: 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits' },
      {
        format: 'entra-audits',
        variant: 'graph',
        note: 'One Graph /auditLogs/directoryAudits page ({"@odata.context", "value"}), newest first; audits Mon-Thu',
      },
    ),
    writeJson(
      'entra-AuditLogs-loganalytics.json',
      laAudits.sort(byTime),
      { kind: 'array' },
      {
        format: 'entra-audits',
        variant: 'log-analytics',
        note: 'Log Analytics AuditLogs exported as JSON (PascalCase, InitiatedBy/TargetResources objects); audits on Friday',
      },
    ),
  ];
}
