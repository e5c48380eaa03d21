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
    status: ['new', 'reviewed'],
    tag: 'follow up',
    bookmarked: true,
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
  exportReport: { format: 'html', includePaths: true },
  openCase: { path: '/cases/a.duckdb' },
  saveCaseAs: { path: '/cases/b.duckdb' },
  newCase: { path: '/cases/c.duckdb', replace: true },
  coverage: { gapSeconds: 3600 },
  coverageEvents: { host: 'WS01.corp.local', telemetry: '4720', offset: 0, limit: 50 },
  triageTags: {},
  setTriageTags: { tags: ['suspicious', 'follow up', 'needs legal'] },
  setFindingReview: {
    id: 'AN1604-0123456789abcdef',
    status: 'false-positive',
    tags: ['benign'],
    note: 'Provisioning run, ticket CHG-1182.\nChecked with IT.',
    bookmarked: false,
  },
  eventTriage: { refs: [{ table: 'signins', source: SHA, recordNo: 3 }] },
  setEventTriage: { ref: { table: 'win_events', source: SHA, recordNo: 12 }, tags: [], bookmarked: true },
  allowlistFromFinding: {
    id: 'AN1604-0123456789abcdef',
    entries: [
      { kind: 'accounts', value: 'CORP\\svc-provisioning' },
      { kind: 'tools', value: 'net.exe' },
    ],
    reason: 'HR onboarding script',
  },
  entityPage: { kind: 'user', key: 'CORP\\jdoe' },
  entityEvents: { kind: 'ip', key: '203.0.113.5', categories: ['signin-failure'], offset: 0, limit: 100 },
  processTree: { host: 'WS01.corp.local', pid: 4564, time: '2026-03-11T13:45:52.801234Z', findingId: 'f1' },
  processChildren: { host: 'WS01.corp.local', key: '9895604650932', logonId: '0x40c341' },
  eventGrid: {
    scope: { kind: 'coverage', host: 'WS01', telemetry: '4688' },
    filters: [
      { column: 'command_line', op: 'regex', text: 'net\\s+user', not: false },
      { column: 'event_id', op: 'in', values: [4688, null] },
      { column: 'time', op: 'range', from: '2024-03-05T10:00:00Z' },
      { column: 'data.TargetFilename', op: 'contains', text: '.ps1' },
    ],
    sort: { column: 'host', desc: true },
    groupBy: 'user',
    columns: ['time', 'summary', 'data.TokenElevationType'],
    offset: 0,
    limit: 200,
  },
  eventGridGroups: { scope: { kind: 'case' }, column: 'host' },
  eventGridFind: {
    scope: { kind: 'finding', findingId: 'f1' },
    text: 'jdoe',
    from: -1,
    direction: 'next',
    regex: false,
  },
  eventGridValues: { scope: { kind: 'account', key: 'corp\\jdoe' }, column: 'host', search: 'ws', limit: 50 },
  eventGridColumns: { scope: { kind: 'case' } },
  eventGridExport: {
    scope: { kind: 'case' },
    columns: ['time', 'host'],
    format: 'jsonl',
    offset: 0,
    limit: 50_000,
  },
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
  ['exportReport', { format: 'html', includePaths: 1 }, /includePaths must be true or false/],
  [
    'listFindings',
    { status: ['open'] },
    /status\[0\] must be one of new, reviewed, false-positive, confirmed/,
  ],
  ['listFindings', { tag: '' }, /tag must not be empty/],
  ['setTriageTags', { tags: [' padded'] }, /tags\[0\] has an unexpected form/],
  ['setTriageTags', { tags: ['two\nlines'] }, /tags\[0\] has an unexpected form/],
  ['setTriageTags', { tags: ['x'.repeat(LIMITS.tag + 1)] }, /longer than/],
  ['setTriageTags', { tags: Array(LIMITS.tags + 1).fill('x') }, /more than/],
  ['setFindingReview', { status: 'reviewed' }, /id is missing/],
  ['setFindingReview', { id: 'f1', status: 'closed' }, /status must be one of/],
  ['setFindingReview', { id: 'f1', note: 'x'.repeat(LIMITS.note + 1) }, /note is longer than/],
  ['setFindingReview', { id: 'f1', bookmarked: 'yes' }, /true or false/],
  ['setFindingReview', { id: 'f1', finding_json: '{}' }, /unknown field "finding_json"/],
  ['eventTriage', { refs: [{ table: 'sources', source: SHA, recordNo: 1 }] }, /refs\[0\]\.table/],
  [
    'eventTriage',
    { refs: Array(LIMITS.pageSize + 1).fill({ table: 'signins', source: SHA, recordNo: 1 }) },
    /more than/,
  ],
  ['setEventTriage', { ref: { table: 'win_events', source: 'abc', recordNo: 1 } }, /unexpected form/],
  [
    'allowlistFromFinding',
    { id: 'f1', entries: [{ kind: 'properties', value: 'x' }], reason: 'r' },
    /kind must be one of/,
  ],
  [
    'allowlistFromFinding',
    { id: 'f1', entries: [{ kind: 'hosts', value: ' ' }], reason: 'r' },
    /value has an unexpected form/,
  ],
  [
    'allowlistFromFinding',
    { id: 'f1', entries: [{ kind: 'hosts', value: 'WS01' }], reason: '' },
    /reason must not be empty/,
  ],
  ['allowlistFromFinding', { id: 'f1', entries: [{ kind: 'hosts', value: 'WS01' }] }, /reason is missing/],
  ['openCase', { path: 7 }, /must be a string/],
  ['openCase', {}, /path is missing/],
  ['saveCaseAs', { path: null }, /must be a string/],
  ['newCase', { path: '/cases/c.duckdb', replace: 'yes' }, /replace/],
  [
    'eventGrid',
    { scope: { kind: 'case' }, columns: ['host; DROP TABLE x'], offset: 0, limit: 10 },
    /not a column of the event grid/,
  ],
  ['eventGrid', { scope: { kind: 'case' }, columns: ['data.a"b'], offset: 0, limit: 10 }, /not a column/],
  ['eventGrid', { scope: { kind: 'everything' }, columns: [], offset: 0, limit: 10 }, /kind must be one of/],
  ['eventGrid', { scope: { kind: 'case' }, columns: [], offset: 0, limit: 1001 }, /limit/],
  [
    'eventGrid',
    {
      scope: { kind: 'case' },
      filters: [{ column: 'host', op: 'like', text: 'x' }],
      columns: [],
      offset: 0,
      limit: 1,
    },
    /op must be one of/,
  ],
  [
    'eventGrid',
    {
      scope: { kind: 'case' },
      filters: [{ column: 'host', op: 'range', from: '2024-01-01' }],
      columns: [],
      offset: 0,
      limit: 1,
    },
    /column must be one of time/,
  ],
  [
    'eventGrid',
    { scope: { kind: 'case' }, sort: { column: 'nope' }, columns: [], offset: 0, limit: 1 },
    /sort\.column/,
  ],
  ['eventGridFind', { scope: { kind: 'case' }, text: '', from: -1, direction: 'next' }, /must not be empty/],
  ['eventGridFind', { scope: { kind: 'case' }, text: 'x', from: -2, direction: 'next' }, /from/],
  [
    'eventGridExport',
    { scope: { kind: 'case' }, columns: [], format: 'xlsx', offset: 0, limit: 1 },
    /format/,
  ],
  [
    'eventGridValues',
    { scope: { kind: 'coverage', host: 'WS01', telemetry: 'x' }, column: 'host' },
    /telemetry/,
  ],
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

test('pivot and process-tree requests are refused with the field named', () => {
  const refused: Array<[string, unknown, RegExp]> = [
    ['entityPage', { kind: 'planet', key: 'x' }, /request\.kind must be one of user, host, ip/],
    ['entityPage', { kind: 'user', key: '' }, /request\.key must not be empty/],
    [
      'entityEvents',
      { kind: 'host', key: 'WS01', categories: 'logon' },
      /request\.categories must be a list/,
    ],
    ['processTree', { host: 'WS01', key: '12; DROP TABLE x' }, /request\.key has an unexpected form/],
    ['processTree', { source: 'not-a-hash', recordNo: 1 }, /request\.source has an unexpected form/],
    [
      'processChildren',
      { host: 'WS01', key: '1', logonId: '40c341' },
      /request\.logonId has an unexpected form/,
    ],
  ];
  for (const [method, request, message] of refused) {
    const r = validateRequest(method, request);
    assert.ok(!r.ok && r.error.code === 'BAD_REQUEST', `${method} ${JSON.stringify(request)}`);
    assert.match(r.error.message, message);
  }
  assert.ok(validateRequest('processTree', { source: SHA, recordNo: 3 }).ok);
  assert.ok(validateRequest('processTree', { findingId: 'f1' }).ok);
});

test("the grid's entity and bookmarks scopes: accepted as the pages send them, refused with the field named", () => {
  const view = (scope: unknown) => ({ scope, columns: ['time', 'role'], offset: 0, limit: 200 });
  for (const scope of [
    { kind: 'entity', entity: 'user', key: 'CORP\\jdoe' },
    { kind: 'entity', entity: 'host', key: 'WS01.corp.local' },
    { kind: 'entity', entity: 'ip', key: '203.0.113.5' },
    { kind: 'bookmarks' },
  ])
    assert.ok(validateRequest('eventGrid', view(scope)).ok, JSON.stringify(scope));
  const refused: Array<[unknown, RegExp]> = [
    [{ kind: 'entity', entity: 'planet', key: 'x' }, /scope\.entity must be one of user, host, ip/],
    [{ kind: 'entity', entity: 'user', key: '' }, /scope\.key must not be empty/],
    [{ kind: 'entity', entity: 'user' }, /scope\.key is missing/],
    [{ kind: 'entity', entity: 'ip', key: 'x'.repeat(5000) }, /scope\.key is longer than/],
    [{ kind: 'entity', kind2: 'user', key: 'x' }, /unknown field "kind2"/],
    [{ kind: 'bookmarks', key: "' OR 1=1 --" }, /scope has an unknown field "key"/],
  ];
  for (const [scope, message] of refused) {
    const r = validateRequest('eventGridColumns', { scope });
    assert.ok(!r.ok && r.error.code === 'BAD_REQUEST', JSON.stringify(scope));
    assert.match(r.error.message, message);
  }
});
