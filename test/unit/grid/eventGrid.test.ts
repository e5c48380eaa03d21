// The event grid's engine on a small hand-made case: filters (text, regex, values, time, negation), sorts
// and their tie-break, groups, EventData columns, find (near, far, in the raw XML only, backwards, around
// the end), the export's content, the scopes the screens use, and refusals of a bad column or regex.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GridRow, GridView } from '../../../shared/eventGrid.js';
import { EventGrid } from '../../../electron/engine/grid/eventGrid.js';
import { countableColumns } from '../../../electron/engine/grid/columns.js';
import { FIND_PROBE_ROWS } from '../../../electron/engine/grid/find.js';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';

let builder: CaseBuilder;
let grid: EventGrid;
let wsSha: string;

const CASE: GridView = { scope: { kind: 'case' } };
const BULK = 3_000;

const WS: WinInput[] = [
  {
    eventId: 4624,
    ts: '2024-03-05T10:00:00Z',
    targetUser: 'jdoe',
    targetDomain: 'CORP',
    logonType: 10,
    ip: '10.0.4.7',
  },
  {
    eventId: 4688,
    ts: '2024-03-05T10:01:00Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    image: 'C:\\Windows\\System32\\cmd.exe',
    commandLine: 'cmd.exe /c whoami',
    data: { TokenElevationType: '%%1936' },
  },
  {
    eventId: 4688,
    ts: '2024-03-05T10:01:05Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    image: 'C:\\Windows\\System32\\net.exe',
    commandLine: 'net user backdoor P@ss /add',
    data: { TokenElevationType: '%%1937', MandatoryLabel: 'S-1-16-12288' },
  },
  {
    eventId: 4720,
    ts: '2024-03-05T10:01:06Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    targetUser: 'backdoor',
    targetDomain: 'WS01',
    xml: '<Event><System><EventID>4720</EventID></System><RenderingInfo><Message>Only-In-The-XML</Message></RenderingInfo></Event>',
  },
  {
    eventId: 4688,
    ts: '2024-03-05T10:02:00Z',
    host: 'DC01',
    subjectUser: 'admin',
    subjectDomain: 'CORP',
    image: 'C:\\Windows\\System32\\cmd.exe',
    commandLine: '=HYPERLINK("http://evil.example")',
  },
  {
    eventId: 4625,
    ts: '2024-03-05T10:03:00Z',
    host: 'DC01',
    targetUser: 'user1',
    ip: '10.0.9.9',
    subStatus: '0xc0000064',
  },
  // Same time as the 4625 above, later in the file: ties go by file order.
  { eventId: 7045, ts: '2024-03-05T10:03:00Z', host: 'WS02', data: { ServiceName: 'evilsvc' } },
  // Read from an .evtx file: no XML kept (see EVTX_RECORD), its fields and EventData are all there is.
  { eventId: 4624, ts: '2024-03-05T12:00:00Z', host: 'EVTX01', data: { ImagePath: 'C:\\Temp\\Evil.exe' } },
];
const EVTX_RECORD = WS.length;

/** The event's XML as Windows writes it, holding the fields the reader takes from it (find searches it). */
function withXml(w: WinInput): WinInput {
  const fields: Record<string, unknown> = {
    SubjectUserName: w.subjectUser,
    SubjectDomainName: w.subjectDomain,
    TargetUserName: w.targetUser,
    TargetDomainName: w.targetDomain,
    LogonType: w.logonType,
    IpAddress: w.ip,
    SubStatus: w.subStatus,
    NewProcessName: w.image,
    CommandLine: w.commandLine,
    ...w.data,
  };
  const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const data = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<Data Name='${k}'>${escape(String(v))}</Data>`)
    .join('');
  const xml = `<Event><System><EventID>${w.eventId}</EventID><Computer>${w.host ?? 'WS01'}</Computer></System><EventData>${data}</EventData></Event>`;
  return { ...w, xml: w.xml ?? xml };
}

function signin(ts: string, upn: string, ip: string, errorCode: number) {
  const raw = JSON.stringify({
    createdDateTime: ts,
    userPrincipalName: upn,
    ipAddress: ip,
    status: { errorCode },
  });
  return { ts, userPrincipalName: upn, ip, errorCode, raw };
}

before(async () => {
  builder = await CaseBuilder.create();
  wsSha = await builder.add('Security.xml', { win: WS.map(withXml) });
  await builder.add('signins.json', {
    signins: [
      signin('2024-03-05T11:00:00Z', 'user1@corp.example', '203.0.113.5', 50126),
      signin('2024-03-05T11:05:00Z', 'jdoe@corp.example', '198.51.100.2', 0),
    ],
  });
  await builder.add('audits.json', {
    audits: [{ ts: '2024-03-05T11:30:00Z', activity: 'Reset password', initiatorUpn: 'admin@corp.example' }],
  });
  // Far more rows than find looks at nearby, with one match near their end.
  await builder.add('bulk.xml', {
    win: Array.from({ length: BULK }, (_, i) =>
      withXml({
        eventId: 4624,
        ts: new Date(Date.parse('2024-03-06T00:00:00Z') + i * 1000).toISOString(),
        host: 'BULK',
        targetUser: i === BULK - 10 ? 'needle-user' : `u${i}`,
      }),
    ),
  });
  await builder.conn.run('UPDATE win_events SET xml = NULL WHERE source_id = 1 AND record_no = $r', {
    r: EVTX_RECORD,
  });
  await builder.conn.run(
    `INSERT INTO findings (finding_id, run_id, analytic, title, severity, severity_rank, confidence, first_ts,
       last_ts, hosts, accounts, explanation, finding_json)
     VALUES ('f1', 1, 'AN1604', 't', 'high', 3, 'high', TIMESTAMP '2024-03-05 10:01:06',
       TIMESTAMP '2024-03-05 10:01:06', ['WS01'], ['WS01\\backdoor'], 'e', '{}')`,
  );
  await builder.conn.run(
    `INSERT INTO finding_evidence VALUES
       ('f1', 1, $sha, 'win_events', 1, 4, 4, 4720, NULL, 'creation'),
       ('f1', 2, $sha, 'win_events', 1, 3, 3, 4688, NULL, 'process'),
       ('f1', 3, $sha, 'win_events', 1, 3, 3, 4688, NULL, 'chain')`,
    { sha: wsSha },
  );
  grid = new EventGrid(() => builder.db.connect());
});

after(async () => {
  await grid?.close();
  builder?.close();
});

async function all(view: GridView, columns: string[]): Promise<GridRow[]> {
  const w = await grid.window({ ...view, columns, offset: 0, limit: 1000 });
  return w.rows;
}
const col = (rows: GridRow[], i = 0) => rows.map((r) => r.cells[i]);

test('the whole case in time order, Windows and Entra alike, with the total', async () => {
  const w = await grid.window({
    ...CASE,
    columns: ['time', 'host', 'event_id', 'category', 'channel'],
    offset: 0,
    limit: 12,
  });
  assert.equal(w.total, WS.length + 2 + 1 + BULK);
  assert.deepEqual(col(w.rows, 2), [4624, 4688, 4688, 4720, 4688, 4625, 7045, null, null, null, 4624, 4624]);
  assert.equal(w.rows[0]!.cells[0], '2024-03-05T10:00:00.000000Z');
  assert.deepEqual(col(w.rows, 3).slice(5, 10), [
    'logon-failure',
    'other',
    'signin-failure',
    'signin',
    'audit',
  ]);
  assert.deepEqual(col(w.rows, 4).slice(7, 10), [
    'Entra ID sign-ins',
    'Entra ID sign-ins',
    'Entra ID audits',
  ]);
  assert.deepEqual(w.rows[3]!.ref, { table: 'win_events', source: wsSha, recordNo: 4 });
});

test('text filters: contains and starts with ignore case, a regex matches, "not" keeps the rest', async () => {
  const cmd = (filter: Record<string, unknown>) =>
    all({ ...CASE, filters: [{ column: 'command_line', ...filter } as never] }, ['command_line']);
  assert.deepEqual(col(await cmd({ op: 'contains', text: 'NET USER' })), ['net user backdoor P@ss /add']);
  assert.deepEqual(col(await cmd({ op: 'starts', text: 'CMD.exe' })), ['cmd.exe /c whoami']);
  assert.deepEqual(col(await cmd({ op: 'regex', text: '^(cmd|net)\\.?\\w*\\s' })), [
    'cmd.exe /c whoami',
    'net user backdoor P@ss /add',
  ]);
  // Not containing "user": every other event, those without a command line included.
  const rest = await grid.window({
    ...CASE,
    filters: [{ column: 'command_line', op: 'contains', text: 'user', not: true }],
    columns: ['command_line'],
    offset: 0,
    limit: 5,
  });
  assert.equal(rest.total, WS.length + 3 + BULK - 1);
  assert.deepEqual(col(rest.rows), [
    null,
    'cmd.exe /c whoami',
    null,
    '=HYPERLINK("http://evil.example")',
    null,
  ]);
});

test('value lists: hosts, event ids, "no value", and a time range', async () => {
  const hosts = await all({ ...CASE, filters: [{ column: 'host', op: 'in', values: ['DC01', 'WS02'] }] }, [
    'host',
  ]);
  assert.deepEqual(col(hosts), ['DC01', 'DC01', 'WS02']);
  const ids = await all({ ...CASE, filters: [{ column: 'event_id', op: 'in', values: [4720, 7045] }] }, [
    'event_id',
  ]);
  assert.deepEqual(col(ids), [4720, 7045]);
  const noHost = await all({ ...CASE, filters: [{ column: 'host', op: 'in', values: [null] }] }, ['channel']);
  assert.deepEqual(col(noHost), ['Entra ID sign-ins', 'Entra ID sign-ins', 'Entra ID audits']);
  const range = await all(
    {
      ...CASE,
      filters: [{ column: 'time', op: 'range', from: '2024-03-05T10:01:00Z', to: '2024-03-05T10:02:00Z' }],
    },
    ['event_id'],
  );
  assert.deepEqual(col(range), [4688, 4688, 4720, 4688]);
});

test('sorting: any column, either way, no value last, ties in time then file order', async () => {
  const view = (desc: boolean): GridView => ({
    ...CASE,
    filters: [{ column: 'host', op: 'in', values: ['WS01', 'DC01', 'WS02', null] }],
    sort: { column: 'host', desc },
  });
  const up = await all(view(false), ['host', 'event_id']);
  assert.deepEqual(col(up), ['DC01', 'DC01', 'WS01', 'WS01', 'WS01', 'WS01', 'WS02', null, null, null]);
  assert.deepEqual(col(up, 1).slice(2, 6), [4624, 4688, 4688, 4720], 'WS01 in time order');
  const down = await all(view(true), ['host']);
  assert.deepEqual(col(down), ['WS02', 'WS01', 'WS01', 'WS01', 'WS01', 'DC01', 'DC01', null, null, null]);
  // Time descending is the whole order reversed, ties too.
  const small: GridView = { ...CASE, filters: [{ column: 'host', op: 'in', values: ['DC01', 'WS02'] }] };
  const asc = await all(small, ['event_id']);
  const desc = await all({ ...small, sort: { column: 'time', desc: true } }, ['event_id']);
  assert.deepEqual(col(asc), [4688, 4625, 7045]);
  assert.deepEqual(col(desc), [7045, 4625, 4688]);
  const byId = await all({ ...small, sort: { column: 'event_id' } }, ['event_id']);
  assert.deepEqual(col(byId), [4625, 4688, 7045]);
});

test('a window deep in a view reads the same rows as the first windows did', async () => {
  const view: GridView = { ...CASE, sort: { column: 'user', desc: true } };
  const direct = await grid.window({ ...view, columns: ['user', 'time'], offset: 0, limit: 1000 });
  // Past the first windows the rows come from the view's ordered table of keys.
  const deep = await grid.window({ ...view, columns: ['user', 'time'], offset: 2_500, limit: 500 });
  const again = await grid.window({ ...view, columns: ['user', 'time'], offset: 0, limit: 1000 });
  assert.deepEqual(again.rows, direct.rows);
  assert.equal(deep.rows.length, 500);
  assert.equal(deep.total, direct.total);
  const exported = await grid.exportChunk({
    ...view,
    columns: ['user', 'time'],
    format: 'jsonl',
    offset: 0,
    limit: 3_000,
  });
  const lines = exported.content
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { user: string; time: string });
  assert.deepEqual(
    lines.slice(0, 1000).map((l) => [l.user, l.time]),
    direct.rows.map((r) => r.cells),
  );
  assert.deepEqual(
    lines.slice(2_500).map((l) => [l.user, l.time]),
    deep.rows.map((r) => r.cells),
  );
});

test('groups: counts by value in the order a grouped view shows its rows', async () => {
  const view: GridView = {
    ...CASE,
    filters: [{ column: 'host', op: 'in', values: ['WS01', 'DC01', 'WS02', null] }],
  };
  const groups = await grid.groups({ ...view, column: 'host' });
  assert.deepEqual(groups.groups, [
    { value: 'DC01', count: 2 },
    { value: 'WS01', count: 4 },
    { value: 'WS02', count: 1 },
    { value: null, count: 3 },
  ]);
  assert.equal(groups.total, 10);
  const rows = await all({ ...view, groupBy: 'host', sort: { column: 'event_id', desc: true } }, [
    'host',
    'event_id',
  ]);
  assert.deepEqual(
    rows.map((r) => r.cells.join(' ')),
    [
      'DC01 4688',
      'DC01 4625',
      'WS01 4720',
      'WS01 4688',
      'WS01 4688',
      'WS01 4624',
      'WS02 7045',
      ' ',
      ' ',
      ' ',
    ],
  );
  await assert.rejects(grid.groups({ ...view, column: 'time' }), /cannot be grouped by their exact time/);
});

test('EventData fields: listed with counts, shown, filtered and sorted like any column', async () => {
  const columns = await grid.columns({ scope: { kind: 'case' } });
  assert.deepEqual(columns.dataFields, [
    { id: 'data.TokenElevationType', count: 2 },
    { id: 'data.ImagePath', count: 1 },
    { id: 'data.MandatoryLabel', count: 1 },
    { id: 'data.ServiceName', count: 1 },
  ]);
  assert.equal(columns.columns.find((c) => c.id === 'command_line')!.count, 3);
  assert.equal(columns.total, WS.length + 3 + BULK);
  const rows = await all(
    {
      ...CASE,
      filters: [{ column: 'data.TokenElevationType', op: 'contains', text: '%%19' }],
      sort: { column: 'data.TokenElevationType', desc: true },
    },
    ['data.TokenElevationType', 'data.MandatoryLabel'],
  );
  assert.deepEqual(
    rows.map((r) => r.cells),
    [
      ['%%1937', 'S-1-16-12288'],
      ['%%1936', null],
    ],
  );
});

test('values of a column for its filter list, most frequent first', async () => {
  const v = await grid.values({ scope: { kind: 'case' }, column: 'event_id', limit: 3 });
  assert.deepEqual(v.values, [
    { value: 4624, count: BULK + 2 },
    { value: 4688, count: 3 },
    { value: null, count: 3 },
  ]);
  assert.equal(v.truncated, true);
  const searched = await grid.values({ scope: { kind: 'case' }, column: 'host', search: 'ws0' });
  assert.deepEqual(searched.values, [
    { value: 'WS01', count: 4 },
    { value: 'WS02', count: 1 },
  ]);
});

test('value lists and groups count exactly what the rows show, for every column, scope and filter', async () => {
  const columns = [...countableColumns('case'), 'data.TokenElevationType'].filter((c) => c !== 'time');
  const byKey = ([a]: readonly [string, number], [b]: readonly [string, number]) =>
    a < b ? -1 : a > b ? 1 : 0;
  // Every row of the view, page by page, and its values of each column counted here.
  const counted = async (view: GridView) => {
    const counts = columns.map(() => new Map<string, number>());
    for (let offset = 0; ; offset += 1000) {
      const w = await grid.window({ ...view, columns, offset, limit: 1000 });
      for (const r of w.rows)
        r.cells.forEach((cell, i) => {
          const k = JSON.stringify(cell);
          counts[i]!.set(k, (counts[i]!.get(k) ?? 0) + 1);
        });
      if (offset + 1000 >= w.total) break;
    }
    return counts.map((c) => [...c].sort(byKey));
  };
  const listed = (values: Array<{ value: unknown; count: number }>) =>
    values.map((v) => [JSON.stringify(v.value), v.count] as const).sort(byKey);
  const views: GridView[] = [
    CASE,
    { ...CASE, filters: [{ column: 'event_id', op: 'in', values: [4688, 4720, null] }] },
    { scope: { kind: 'finding', findingId: 'f1' } },
  ];
  for (const view of views) {
    const expected = await counted(view);
    for (const [i, column] of columns.entries()) {
      const what = `${column} in ${JSON.stringify(view)}`;
      const v = await grid.values({ scope: view.scope, filters: view.filters, column, limit: 1000 });
      if (v.truncated) {
        // More values than a list holds (a name per bulk event): those listed, counted right.
        const all = new Map(expected[i]);
        assert.equal(v.values.length, 1000);
        for (const [value, count] of listed(v.values))
          assert.equal(all.get(value), count, `${value}: ${what}`);
      } else assert.deepEqual(listed(v.values), expected[i], `values of ${what}`);
      for (let k = 1; k < v.values.length; k++)
        assert.ok(v.values[k - 1]!.count >= v.values[k]!.count, `most frequent first: ${what}`);
      const g = await grid.groups({ scope: view.scope, filters: view.filters, column });
      assert.deepEqual(listed(g.groups), expected[i], `groups of ${what}`);
    }
  }
});

test('find: next and previous, in fields, in EventData and in the raw XML only, around the end', async () => {
  const find = (text: string, from: number, direction: 'next' | 'prev', regex = false) =>
    grid.find({ ...CASE, text, from, direction, regex });
  assert.deepEqual(await find('JDOE', -1, 'next'), { row: 0, wrapped: false });
  assert.deepEqual(await find('jdoe', 0, 'next'), { row: 1, wrapped: false });
  assert.deepEqual((await find('evilsvc', -1, 'next')).row, 6, 'an EventData value');
  assert.deepEqual((await find('only-in-the-xml', -1, 'next')).row, 3, 'text only the raw XML holds');
  assert.deepEqual((await find('jdoe@corp', -1, 'next')).row, 8, 'a sign-in');
  assert.deepEqual((await find('jdoe', 1, 'prev')).row, 0);
  assert.deepEqual((await find('user\\d@', -1, 'next', true)).row, 7, 'a regular expression');
  assert.deepEqual((await find('corp\\ADMIN', -1, 'next')).row, 4, 'DOMAIN\\name as the grid shows it');
  assert.deepEqual((await find('HYPERLINK("http', -1, 'next')).row, 4, 'text the XML writes escaped');
  assert.deepEqual((await find('evil.EXE', -1, 'next')).row, 10, 'an event without XML, by its EventData');
  assert.deepEqual((await find('c:\\temp\\evil', -1, 'next')).row, 10, 'a value with backslashes');
});

test('find beyond the rows it looks at nearby reads the whole view, over several answers, then wraps', async () => {
  const request = { ...CASE, text: 'needle-user', from: 0, direction: 'next' as const };
  let r = await grid.find(request);
  let asks = 1;
  while (r.progress !== undefined) {
    assert.ok(r.progress >= 0 && r.progress <= 1);
    r = await grid.find(request);
    asks++;
  }
  const needle = WS.length + 3 + BULK - 10;
  assert.ok(needle - 0 > FIND_PROBE_ROWS, 'the match is past the nearby rows');
  assert.deepEqual(r, { row: needle, matches: 1, wrapped: false });
  assert.ok(asks >= 1);
  // From past it, next goes round to it again.
  assert.deepEqual(await grid.find({ ...request, from: needle + 5 }), {
    row: needle,
    matches: 1,
    wrapped: true,
  });
  let none = await grid.find({ ...CASE, text: 'not anywhere', from: -1, direction: 'next' });
  while (none.progress !== undefined)
    none = await grid.find({ ...CASE, text: 'not anywhere', from: -1, direction: 'next' });
  assert.deepEqual(none, { row: null, matches: 0, wrapped: false });
});

test('export: exactly the shown columns and rows, CSV with a header and no formulas, JSON lines', async () => {
  const view: GridView = { ...CASE, filters: [{ column: 'host', op: 'in', values: ['DC01'] }] };
  const csv = await grid.exportChunk({
    ...view,
    columns: ['time', 'event_id', 'command_line', 'summary'],
    format: 'csv',
    offset: 0,
    limit: 100,
  });
  assert.equal(csv.total, 2);
  assert.equal(csv.mime, 'text/csv');
  assert.match(csv.filename, /\.csv$/);
  const lines = csv.content.split('\r\n');
  assert.deepEqual(lines[0], '"Time (UTC)","Event","Command line","Summary"');
  assert.equal(
    lines[1],
    `"2024-03-05T10:02:00.000000Z",4688,"'=HYPERLINK(""http://evil.example"")","CORP\\admin started =HYPERLINK(""http://evil.example"")"`,
  );
  assert.equal(
    lines[2],
    '"2024-03-05T10:03:00.000000Z",4625,,"failed logon for user1 from 10.0.9.9 (0xc0000064)"',
  );
  assert.equal(lines.length, 4, 'two rows and the final line end');
  const next = await grid.exportChunk({
    ...view,
    columns: ['event_id'],
    format: 'csv',
    offset: 1,
    limit: 100,
  });
  assert.equal(next.content, '4625\r\n', 'a later chunk has no header');
  const jsonl = await grid.exportChunk({
    ...view,
    columns: ['host', 'event_id', 'data.ServiceName'],
    format: 'jsonl',
    offset: 0,
    limit: 100,
  });
  assert.deepEqual(
    jsonl.content
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown),
    [
      { host: 'DC01', event_id: 4688, 'data.ServiceName': null },
      { host: 'DC01', event_id: 4625, 'data.ServiceName': null },
    ],
  );
});

test('scopes: a coverage cell, a finding with its evidence roles, an account', async () => {
  const cell = await all({ scope: { kind: 'coverage', host: 'WS01', telemetry: '4688' } }, [
    'event_id',
    'command_line',
  ]);
  assert.deepEqual(col(cell, 1), ['cmd.exe /c whoami', 'net user backdoor P@ss /add']);
  const entra = await all({ scope: { kind: 'coverage', host: 'Entra ID', telemetry: 'audit' } }, [
    'category',
  ]);
  assert.deepEqual(col(entra), ['audit']);
  const finding = await all({ scope: { kind: 'finding', findingId: 'f1' } }, ['event_id', 'role']);
  assert.deepEqual(
    finding.map((r) => r.cells),
    [
      [4688, 'chain, process'],
      [4720, 'creation'],
    ],
  );
  await assert.rejects(
    all({ scope: { kind: 'finding', findingId: 'nope' } }, ['time']),
    /finding nope was not found/,
  );
  const account = await all({ scope: { kind: 'account', key: 'corp\\jdoe' } }, [
    'event_id',
    'user',
    'target',
  ]);
  assert.deepEqual(
    account.map((r) => r.cells),
    [
      [4624, null, 'CORP\\jdoe'],
      [4688, 'CORP\\jdoe', null],
      [4688, 'CORP\\jdoe', null],
      [4720, 'CORP\\jdoe', 'WS01\\backdoor'],
      [null, 'jdoe@corp.example', null],
    ],
  );
  // Role is a column of a finding's scope only; elsewhere it has no value.
  const roles = await all({ ...CASE, filters: [{ column: 'event_id', op: 'in', values: [4720] }] }, ['role']);
  assert.deepEqual(col(roles), [null]);
});

test('a bad column, a bad regular expression or a filter that does not fit its column is refused in words', async () => {
  await assert.rejects(
    grid.window({ ...CASE, columns: ['nope'], offset: 0, limit: 10 }),
    /"nope" is not a column of the event grid/,
  );
  await assert.rejects(
    grid.window({
      ...CASE,
      filters: [{ column: 'command_line', op: 'regex', text: 'net (user' }],
      columns: ['time'],
      offset: 0,
      limit: 10,
    }),
    /the filter on command_line: not a valid regular expression \(RE2 syntax\): missing \)/,
  );
  await assert.rejects(
    grid.find({ ...CASE, text: '[a-', regex: true, from: -1, direction: 'next' }),
    /find: not a valid regular expression/,
  );
  await assert.rejects(
    grid.window({
      ...CASE,
      filters: [{ column: 'event_id', op: 'in', values: ['4624'] }],
      columns: ['time'],
      offset: 0,
      limit: 10,
    }),
    /event_id holds whole numbers/,
  );
  await assert.rejects(
    grid.window({ ...CASE, sort: { column: 'summary' }, columns: ['time'], offset: 0, limit: 10 }),
    /the summary column cannot be sorted/,
  );
  await assert.rejects(
    grid.window({
      ...CASE,
      filters: [{ column: 'data.x"y', op: 'contains', text: 'a' }],
      columns: ['time'],
      offset: 0,
      limit: 10,
    }),
    /is not an EventData field name/,
  );
});

test('a case that changed under the grid is read afresh', async () => {
  const before = await grid.window({ ...CASE, columns: ['time'], offset: 0, limit: 1 });
  await builder.add('late.xml', { win: [{ eventId: 4624, ts: '2024-03-01T00:00:00Z', host: 'LATE' }] });
  const after = await grid.window({ ...CASE, columns: ['host'], offset: 0, limit: 1 });
  assert.equal(after.total, before.total + 1);
  assert.deepEqual(after.rows[0]!.cells, ['LATE']);
});

test('time order: a window anywhere, either way, is the sorted view; events without a time come last', async () => {
  // Three events without a time, in a file of their own.
  await builder.conn.run(
    `INSERT INTO sources VALUES (99, '/cases/untimed.xml', 'untimed.xml', 0, $sha, 'windows-xml', NULL, 3, 0, 0,
       TIMESTAMP '2024-01-01', 0)`,
    { sha: 'f'.repeat(64) },
  );
  await builder.conn.run(
    `INSERT INTO win_events (source_id, record_no, ts, host, event_id) VALUES
       (99, 1, NULL, 'NOTIME', 4624), (99, 2, NULL, 'NOTIME', 4625), (99, 3, NULL, 'NOTIME', 4634)`,
  );
  const sorted = async (desc: boolean) => {
    const d = desc ? 'DESC' : 'ASC';
    const rows = await builder.rows(
      `WITH u AS (
         SELECT 0 AS t, rowid AS rid, source_id, record_no, ts FROM win_events
         UNION ALL SELECT 1, rowid, source_id, record_no, ts FROM signins
         UNION ALL SELECT 2, rowid, source_id, record_no, ts FROM audits)
       SELECT s.sha256 || ':' || u.record_no AS k FROM u JOIN sources s USING (source_id)
       ORDER BY u.ts ${d} NULLS LAST, u.t ${d}, u.rid ${d}`,
    );
    return rows.map((r) => String(r['k']));
  };
  for (const desc of [false, true]) {
    const expected = await sorted(desc);
    const view: GridView = { ...CASE, sort: { column: 'time', desc } };
    // The first windows come from a top-N query; once a deep one has counted the times per bucket, every
    // window (the first ones again too) comes through the buckets.
    for (const offset of [0, 7, 1_500, expected.length - 250, 0, 7, 1_500]) {
      const w = await grid.window({ ...view, columns: ['host'], offset, limit: 250 });
      assert.equal(w.total, expected.length);
      assert.deepEqual(
        w.rows.map((r) => `${r.ref.source}:${r.ref.recordNo}`),
        expected.slice(offset, offset + 250),
        `${desc ? 'descending' : 'ascending'} from row ${offset}`,
      );
    }
    const last = await grid.window({ ...view, columns: ['host'], offset: expected.length - 3, limit: 3 });
    assert.deepEqual(
      last.rows.map((r) => r.cells[0]),
      ['NOTIME', 'NOTIME', 'NOTIME'],
    );
  }
});

test("the summary says what a file creation, a log clear and a script block did, as the timeline's does", async () => {
  const other = await CaseBuilder.create();
  const otherGrid = new EventGrid(() => other.db.connect());
  try {
    await other.add('sysmon.xml', {
      win: [
        {
          eventId: 11,
          ts: '2024-03-05T10:00:00Z',
          image: 'C:\\Tools\\x.exe',
          data: { TargetFilename: 'C:\\Users\\Public\\loot.txt' },
        },
        {
          eventId: 104,
          ts: '2024-03-05T10:01:00Z',
          provider: 'Microsoft-Windows-Eventlog',
          channel: 'System',
          subjectUser: 'jdoe',
          subjectDomain: 'CORP',
          data: { Channel: 'Security' },
        },
        {
          eventId: 4104,
          ts: '2024-03-05T10:02:00Z',
          channel: 'Microsoft-Windows-PowerShell/Operational',
          scriptText: 'Get-ADUser -Filter *',
        },
        { eventId: 4624, ts: '2024-03-05T10:03:00Z', targetUser: 'jdoe', targetDomain: 'CORP', logonType: 3 },
      ],
    });
    const w = await otherGrid.window({ scope: { kind: 'case' }, columns: ['summary'], offset: 0, limit: 10 });
    assert.deepEqual(
      w.rows.map((r) => r.cells[0]),
      [
        'C:\\Tools\\x.exe created C:\\Users\\Public\\loot.txt',
        'CORP\\jdoe cleared the Security log',
        'script block: Get-ADUser -Filter *',
        'logon of CORP\\jdoe type 3',
      ],
    );
  } finally {
    await otherGrid.close();
    other.close();
  }
});
