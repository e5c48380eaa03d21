// The request validator both transports run before the engine sees a call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_METHODS } from '../../../shared/api.js';
import { isApiMethod, LIMITS, validateRequest } from '../../../shared/apiValidate.js';

const SHA = 'a'.repeat(64);
const SETTINGS = {
  params: { window_s: 300, codes: [50034, 50126], names: ['net.exe'], on: true },
  allowlist: {
    accounts: [],
    tools: [{ value: 'net.exe', reason: 'provisioning' }],
    sourceIps: [],
    hosts: [],
  },
  timeZone: 'Europe/Berlin',
  profile: 'default',
};

const GOOD: Record<string, unknown> = {
  caseInfo: {},
  startImport: { paths: ['/evidence/Security.xml', 'C:\\logs\\folder'] },
  importStatus: { importId: 'b3c1' },
  cancelImport: { importId: 'b3c1' },
  analyze: {},
  listFindings: {
    analytic: ['AN1604'],
    severity: ['high', 'critical'],
    host: 'WS01',
    text: 'backdoor',
    sort: 'first',
    desc: true,
    offset: 0,
    limit: 50,
  },
  getFinding: { id: 'f1' },
  rawEvent: { table: 'win_events', source: SHA, recordNo: 12 },
  listAccounts: {},
  accountStory: { key: 'corp\\backdoor' },
  timeline: { from: '2024-03-05T10:00:00Z', to: '2024-03-05T11:00:00.123456Z', buckets: 100 },
  timelineEvents: { from: '2024-03-05T10:00:00Z', to: '2024-03-05T11:00:00Z', offset: 0, limit: 100 },
  signinSources: {},
  signinSource: { ip: '203.0.113.5' },
  analytics: {},
  analyticSql: {},
  paramSpecs: {},
  runSql: {
    sql: 'SELECT 1',
    params: { ip: '1.2.3.4', n: 3, flag: false, none: null, codes: [50034], names: ['a'] },
    limit: 100,
  },
  getSettings: {},
  setSettings: SETTINGS,
  exportReport: { format: 'html' },
  openCase: { path: '/cases/a.duckdb' },
  saveCaseAs: { path: '/cases/b.duckdb' },
  newCase: { path: '/cases/c.duckdb', replace: true },
  coverage: { gapSeconds: 3600 },
  coverageEvents: { host: 'WS01.corp.local', telemetry: '4720', offset: 0, limit: 50 },
  startCaseTask: {
    kind: 'merge',
    paths: ['/cases/a.duckdb', '/cases/b.duckdb'],
    target: '/cases/all.duckdb',
  },
  caseTaskStatus: { taskId: 'c0ffee' },
};

test('a well-formed request of every method passes, unchanged', () => {
  for (const method of API_METHODS) {
    assert.ok(method in GOOD, `no sample request for ${method}`);
    const r = validateRequest(method, GOOD[method]);
    assert.ok(r.ok, `${method}: ${JSON.stringify(r)}`);
    assert.equal(r.value.request, GOOD[method]);
  }
  assert.ok(validateRequest('listFindings', {}).ok, 'every filter is optional');
});

test('unknown methods are refused, including prototype names', () => {
  for (const name of ['dropTables', '__proto__', 'constructor', 'toString', '', 42, null, undefined]) {
    const r = validateRequest(name, {});
    assert.ok(!r.ok && r.error.code === 'UNKNOWN_METHOD', String(name));
  }
  assert.equal(isApiMethod('caseInfo'), true);
  assert.equal(isApiMethod('hasOwnProperty'), false);
});

const BAD: Array<[string, unknown, RegExp]> = [
  ['caseInfo', null, /must be an object/],
  ['caseInfo', [], /must be an object/],
  ['caseInfo', 'x', /must be an object/],
  ['caseInfo', { extra: 1 }, /unknown field "extra"/],
  ['startImport', {}, /paths is missing/],
  ['startImport', { paths: '/etc' }, /must be a list/],
  ['startImport', { paths: [42] }, /paths\[0\] must be a string/],
  ['startImport', { paths: [{ path: '/x' }] }, /must be a string/],
  ['startImport', { paths: [''] }, /must not be empty/],
  ['startImport', { paths: ['/x\0.xml'] }, /unexpected form/],
  ['startImport', { paths: ['/' + 'a'.repeat(LIMITS.path)] }, /longer than/],
  ['startImport', { paths: Array(LIMITS.paths + 1).fill('/x') }, /more than/],
  ['listFindings', { limit: 0 }, /limit must be a whole number/],
  ['listFindings', { limit: LIMITS.pageSize + 1 }, /limit/],
  ['listFindings', { offset: -1 }, /offset/],
  ['listFindings', { offset: 1.5 }, /offset/],
  ['listFindings', { limit: '10' }, /limit/],
  ['listFindings', { sort: 'finding_json; DROP TABLE findings' }, /sort must be one of/],
  ['listFindings', { analytic: ['an1612; drop'] }, /analytic\[0\]/],
  ['listFindings', { severity: 'high' }, /must be a list/],
  ['listFindings', { desc: 'yes' }, /true or false/],
  ['listFindings', { text: 'x'.repeat(LIMITS.text + 1) }, /longer than/],
  ['rawEvent', { table: 'sources', source: SHA, recordNo: 1 }, /table must be one of/],
  ['rawEvent', { table: 'win_events', source: 'abc', recordNo: 1 }, /unexpected form/],
  ['rawEvent', { table: 'win_events', source: SHA, recordNo: 0 }, /recordNo/],
  ['rawEvent', { table: 'win_events', source: SHA }, /recordNo is missing/],
  ['timeline', { from: 'yesterday' }, /unexpected form/],
  ['timeline', { buckets: 1e6 }, /buckets/],
  ['timelineEvents', { from: '2024-01-01T00:00:00Z' }, /to is missing/],
  ['runSql', { sql: '' }, /must not be empty/],
  ['runSql', { sql: 'x'.repeat(LIMITS.sql + 1) }, /longer than/],
  ['runSql', { sql: 'SELECT 1', params: { a: { nested: 1 } } }, /params\.a/],
  ['runSql', { sql: 'SELECT 1', params: { a: [[1]] } }, /params\.a/],
  ['runSql', { sql: 'SELECT 1', params: { a: [{ x: 1 }] } }, /params\.a/],
  ['runSql', { sql: 'SELECT 1', limit: LIMITS.sqlRowLimit + 1 }, /limit/],
  ['setSettings', { ...SETTINGS, profile: 'paranoid' }, /profile must be one of/],
  ['setSettings', { ...SETTINGS, timeZone: '../../etc/passwd' }, /unexpected form/],
  ['setSettings', { ...SETTINGS, params: { x: { deep: true } } }, /params\.x/],
  ['setSettings', { ...SETTINGS, params: { x: Infinity } }, /params\.x/],
  [
    'setSettings',
    { ...SETTINGS, allowlist: { ...SETTINGS.allowlist, tools: [{ value: 'x' }] } },
    /reason is missing/,
  ],
  ['setSettings', { ...SETTINGS, allowlist: { accounts: [] } }, /tools is missing/],
  [
    'setSettings',
    { ...SETTINGS, allowlist: { ...SETTINGS.allowlist, properties: [{ value: 'created-during-setup' }] } },
    /reason is missing/,
  ],
  ['exportReport', { format: 'pdf' }, /format must be one of/],
  ['openCase', { path: 7 }, /must be a string/],
  ['openCase', {}, /path is missing/],
  ['saveCaseAs', { path: null }, /must be a string/],
  ['newCase', { path: '/cases/c.duckdb', replace: 'yes' }, /replace/],
  ['startCaseTask', { kind: 'shell', command: 'rm -rf /' }, /kind must be one of merge, parquet, timesketch/],
  ['startCaseTask', { kind: 'merge', paths: ['/a.duckdb'] }, /target is missing/],
  ['startCaseTask', { kind: 'parquet', dir: '/lake', target: '/x' }, /unknown field "target"/],
  ['startCaseTask', { kind: 'parquet', dir: '/lake', withRaw: 1 }, /withRaw/],
  ['startCaseTask', { kind: 'timesketch', file: '' }, /must not be empty/],
  ['startCaseTask', ['merge'], /kind must be one of/],
  ['caseTaskStatus', {}, /taskId is missing/],
];

test('malformed requests are refused with a message naming the field', () => {
  for (const [method, request, why] of BAD) {
    const r = validateRequest(method, request);
    assert.ok(!r.ok, `accepted: ${method} ${JSON.stringify(request)?.slice(0, 80)}`);
    assert.equal(r.error.code, 'BAD_REQUEST');
    assert.match(r.error.message, why, `${method}: ${r.error.message}`);
  }
});

test('objects with a foreign prototype or an own __proto__ key are refused', () => {
  const parsed = JSON.parse('{"__proto__": {"polluted": true}}');
  const r = validateRequest('caseInfo', parsed);
  assert.ok(!r.ok && /unknown field "__proto__"/.test(r.error.message));
  assert.ok(!validateRequest('caseInfo', new Date()).ok);
  assert.ok(!validateRequest('caseInfo', Object.create({ paths: [] })).ok);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('free-form keys (parameters) must be identifiers and never prototype names', () => {
  for (const key of ['__proto__', 'constructor', 'a b', '$x', '', 'x'.repeat(200)]) {
    const params = JSON.parse(`{${JSON.stringify(key)}: 1}`);
    assert.ok(!validateRequest('runSql', { sql: 'SELECT 1', params }).ok, `accepted key ${key.slice(0, 20)}`);
    assert.ok(
      !validateRequest('setSettings', { ...SETTINGS, params }).ok,
      `accepted key ${key.slice(0, 20)}`,
    );
  }
});
