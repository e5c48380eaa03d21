import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphAudit, logAnalyticsAudit } from '../../../tools/synth/entra/auditRecord.js';
import { JsonRecordWriter } from '../../../tools/synth/entra/jsonWriters.js';
import type { JsonEnvelope } from '../../../tools/synth/entra/jsonWriters.js';
import { playSsprProbe } from '../../../tools/synth/entra/reconPlays.js';
import { LOCATIONS, makeSignin, unknownDevice } from '../../../tools/synth/entra/signinFactory.js';
import {
  diagnosticSignin,
  graphSignin,
  logAnalyticsSignin,
} from '../../../tools/synth/entra/signinShapes.js';
import { SeededRandom } from '../../../tools/synth/random.js';
import { openMemorySink } from '../../../tools/synth/textSink.js';
import { utcMicros } from '../../../tools/synth/timeFormat.js';

const rng = new SeededRandom('entra-shapes');
const T = utcMicros(2026, 3, 10, 2, 5, 11) + 498_320;
const record = makeSignin(rng, {
  time: T,
  upn: 'ghost@contoso.example',
  displayName: null,
  userId: '',
  ip: '203.0.113.77',
  app: 'aadPowerShell',
  resource: 'aadGraph',
  errorCode: 50034,
  interactive: true,
  device: unknownDevice('Linux', 'Python Requests 2.31'),
  location: LOCATIONS.bucharest,
});

test('Graph sign-ins are camelCase with an object status and a Z time', () => {
  const g = graphSignin(record);
  assert.equal(g.createdDateTime, '2026-03-10T02:05:11Z');
  assert.deepEqual(g.status, {
    errorCode: 50034,
    failureReason: record.status.failureReason,
    additionalDetails: null,
  });
  assert.equal(g.ipAddress, '203.0.113.77');
  assert.equal(g.isInteractive, true);
});

test('Log Analytics SigninLogs rows are PascalCase, ResultType a string, dynamic columns JSON text', () => {
  const la = logAnalyticsSignin(record, 'tenant');
  assert.equal(la.ResultType, '50034');
  assert.equal(la.IPAddress, '203.0.113.77');
  assert.equal(la.UserPrincipalName, 'ghost@contoso.example');
  for (const column of ['Status', 'DeviceDetail', 'LocationDetails', 'ConditionalAccessPolicies']) {
    assert.equal(typeof la[column], 'string', `${column} is a string`);
    JSON.parse(la[column] as string);
  }
  assert.equal(JSON.parse(la.Status as string).errorCode, 50034);
  assert.equal(la.CreatedDateTime, '2026-03-10T02:05:11.49832+00:00');
});

test('diagnostic-settings records wrap the Graph object with an envelope', () => {
  const d = diagnosticSignin(record, 'tenant') as Record<string, unknown> & {
    properties: Record<string, unknown>;
  };
  assert.equal(d.category, 'SignInLogs');
  assert.equal(d.resultType, '50034');
  assert.equal(d.callerIpAddress, '203.0.113.77');
  assert.equal(d.properties.createdDateTime, '2026-03-10T02:05:11.49832+00:00');
  assert.equal(d.properties.userPrincipalName, 'ghost@contoso.example');
});

test('SSPR audits use the exact activity strings and carry the requesting address', () => {
  const target = { upn: 'jdoe@contoso.example', displayName: 'John Doe', userId: 'u1' };
  const audits = playSsprProbe(rng, {
    ip: '203.0.113.77',
    start: T,
    pace: 20,
    targets: [target],
    blockedTargets: [target],
    reason: 'x',
  });
  assert.deepEqual(
    audits.map((a) => [a.activityDisplayName, a.result]),
    [
      ['Self-service password reset flow activity progress', 'success'],
      ['Self-service password reset flow activity progress', 'failure'],
      ['Blocked from self-service password reset', 'success'],
    ],
  );
  const g = graphAudit(audits[1]!) as {
    loggedByService: string;
    initiatedBy: { user: { ipAddress: string } };
  };
  assert.equal(g.loggedByService, 'Self-service Password Management');
  assert.equal(g.initiatedBy.user.ipAddress, '203.0.113.77');
  const la = logAnalyticsAudit(audits[1]!, 'tenant');
  assert.equal(la.OperationName, 'Self-service password reset flow activity progress');
  assert.equal(la.Result, 'failure');
});

function written(envelope: JsonEnvelope, items: unknown[]): string {
  const sink = openMemorySink('utf8', false);
  const w = new JsonRecordWriter(sink, envelope);
  for (const i of items) w.write(i);
  w.finish();
  return sink.contents().toString('utf8');
}

test('JSON envelopes parse: array, Graph page, one record per line, and empty ones', () => {
  assert.deepEqual(JSON.parse(written({ kind: 'array' }, [{ a: 1 }, { a: 2 }])), [{ a: 1 }, { a: 2 }]);
  assert.deepEqual(JSON.parse(written({ kind: 'array' }, [])), []);
  const page = JSON.parse(written({ kind: 'graph-page', context: 'ctx', nextLink: 'next' }, [{ a: 1 }]));
  assert.deepEqual(page, { '@odata.context': 'ctx', '@odata.nextLink': 'next', value: [{ a: 1 }] });
  const lines = written({ kind: 'lines' }, [{ a: 1 }, { b: 2 }])
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(lines, [{ a: 1 }, { b: 2 }]);
});
