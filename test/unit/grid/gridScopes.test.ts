// The event grid's pivot-page and bookmarks scopes on a small hand-made case: a user's, a host's and an
// IP's events are exactly the rows the entity pages name (the same identities, the same roles), filters,
// sort, groups, find and export work within them; the bookmarks are exactly the bookmarked events, with
// their tags and note, and follow the responder's changes without a case change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventTriageChange } from '../../../shared/api.js';
import type { GridRow, GridScope, GridView } from '../../../shared/eventGrid.js';
import { EventGrid } from '../../../electron/engine/grid/eventGrid.js';
import { entityTimeline } from '../../../electron/engine/entities/index.js';
import { setEventTriage } from '../../../electron/engine/triage/eventTriage.js';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';

let builder: CaseBuilder;
let grid: EventGrid;
let winSha: string;
let signinSha: string;
let auditSha: string;

const JDOE: GridScope = { kind: 'entity', entity: 'user', key: 'CORP\\jdoe' };
const WS01: GridScope = { kind: 'entity', entity: 'host', key: 'ws01.corp.local' };
const IP: GridScope = { kind: 'entity', entity: 'ip', key: '10.0.4.7' };
const BOOKMARKS: GridScope = { kind: 'bookmarks' };

const WIN: WinInput[] = [
  // 1: jdoe logs on to WS01 over RDP from 10.0.4.7
  {
    eventId: 4624,
    ts: '2024-03-05T10:00:00Z',
    targetUser: 'jdoe',
    targetDomain: 'CORP',
    logonType: 10,
    ip: '10.0.4.7',
  },
  // 2, 3, 4: jdoe runs cmd and net, and creates an account
  {
    eventId: 4688,
    ts: '2024-03-05T10:01:00Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    image: 'C:\\Windows\\System32\\cmd.exe',
    commandLine: 'cmd.exe /c whoami',
  },
  {
    eventId: 4688,
    ts: '2024-03-05T10:01:05Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    image: 'C:\\Windows\\System32\\net.exe',
    commandLine: 'net user backdoor P@ss /add',
  },
  {
    eventId: 4720,
    ts: '2024-03-05T10:01:06Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    targetUser: 'backdoor',
    targetDomain: 'WS01',
  },
  // 5, 6: someone else on DC01
  {
    eventId: 4688,
    ts: '2024-03-05T10:02:00Z',
    host: 'DC01',
    subjectUser: 'admin',
    subjectDomain: 'CORP',
    image: 'C:\\Windows\\System32\\cmd.exe',
  },
  { eventId: 4625, ts: '2024-03-05T10:03:00Z', host: 'DC01', targetUser: 'user1', ip: '10.0.9.9' },
  // 7: jdoe fails on DC01, from WS01 at 10.0.4.7
  {
    eventId: 4625,
    ts: '2024-03-05T10:04:00Z',
    host: 'DC01',
    targetUser: 'jdoe',
    targetDomain: 'CORP',
    ip: '10.0.4.7',
    workstation: 'WS01',
  },
  // 8: a name that holds "jdoe" but is another account
  { eventId: 4624, ts: '2024-03-05T10:05:00Z', targetUser: 'jdoe2', targetDomain: 'CORP', logonType: 3 },
];

before(async () => {
  builder = await CaseBuilder.create();
  // The raw XML holds the command line, as Windows writes it: find searches it.
  const withXml = (w: WinInput): WinInput => ({
    ...w,
    xml: `<Event><System><EventID>${w.eventId}</EventID></System><EventData><Data Name='CommandLine'>${w.commandLine ?? ''}</Data></EventData></Event>`,
  });
  winSha = await builder.add('Security.xml', { win: WIN.map(withXml) });
  signinSha = await builder.add('signins.json', {
    signins: [
      // jdoe's Entra identity (linked to CORP\jdoe by name), and a failure from the RDP source
      { ts: '2024-03-05T11:00:00Z', userPrincipalName: 'jdoe@contoso.example', ip: '198.51.100.2' },
      {
        ts: '2024-03-05T11:05:00Z',
        userPrincipalName: 'user1@contoso.example',
        ip: '10.0.4.7',
        errorCode: 50126,
      },
    ],
  });
  auditSha = await builder.add('audits.json', {
    audits: [
      {
        ts: '2024-03-05T11:30:00Z',
        activity: 'Reset password',
        initiatorUpn: 'admin@contoso.example',
        initiatorIp: '10.0.4.7',
        targetUpns: ['jdoe@contoso.example'],
      },
    ],
  });
  grid = new EventGrid(() => builder.db.connect());
});

after(async () => {
  await grid?.close();
  builder?.close();
});

async function all(view: GridView, columns: string[]): Promise<GridRow[]> {
  const w = await grid.window({ ...view, columns, offset: 0, limit: 1000 });
  assert.equal(w.rows.length, w.total, 'the window holds the whole view');
  return w.rows;
}

/** An event as `table#record`, its file known by the table in this case. */
const at = (r: GridRow) => `${r.ref.table}#${r.ref.recordNo}`;
const cells = (rows: GridRow[]) => rows.map((r) => [at(r), ...r.cells]);

test("a user's events are the pivot page's: both identities, actor or target, never a look-alike name", async () => {
  const rows = await all({ scope: JDOE }, ['event_id', 'role']);
  assert.deepEqual(cells(rows), [
    ['win_events#1', 4624, 'target'],
    ['win_events#2', 4688, 'actor'],
    ['win_events#3', 4688, 'actor'],
    ['win_events#4', 4720, 'actor'],
    ['win_events#7', 4625, 'target'],
    ['signins#1', null, 'actor'],
    ['audits#1', null, 'target'],
  ]);
  // The same rows and roles as the page's own timeline, which the grid replaces.
  const page = await entityTimeline(builder.conn, { kind: 'user', key: 'CORP\\jdoe', limit: 1000 });
  assert.deepEqual(
    rows.map((r) => `${at(r)} ${String(r.cells[1])}`),
    page.rows.map((e) => `${e.table}#${e.recordNo} ${e.role}`),
  );
  assert.deepEqual(new Set(rows.map((r) => r.ref.source)), new Set([winSha, signinSha, auditSha]));
  // Any spelling of the account is the same page.
  const upn = await all({ scope: { kind: 'entity', entity: 'user', key: 'jdoe@corp' } }, ['event_id']);
  assert.deepEqual(upn.map(at), rows.map(at));
});

test("a host's and an IP's events: on the host or from it, and every record from the address", async () => {
  assert.deepEqual(cells(await all({ scope: WS01 }, ['host', 'role'])), [
    ['win_events#1', 'WS01', 'on-host'],
    ['win_events#2', 'WS01', 'on-host'],
    ['win_events#3', 'WS01', 'on-host'],
    ['win_events#4', 'WS01', 'on-host'],
    ['win_events#7', 'DC01', 'from-host'],
    ['win_events#8', 'WS01', 'on-host'],
  ]);
  assert.deepEqual(cells(await all({ scope: IP }, ['ip', 'role'])), [
    ['win_events#1', '10.0.4.7', 'source'],
    ['win_events#7', '10.0.4.7', 'source'],
    ['signins#2', '10.0.4.7', 'source'],
    ['audits#1', '10.0.4.7', 'source'],
  ]);
  const nobody = await grid.window({
    scope: { kind: 'entity', entity: 'ip', key: '192.0.2.99' },
    columns: ['time'],
    offset: 0,
    limit: 10,
  });
  assert.deepEqual([nobody.total, nobody.rows], [0, []]);
});

test("filters, sort, groups, find and export work within the entity's events", async () => {
  const processes = await all({ scope: JDOE, filters: [{ column: 'event_id', op: 'in', values: [4688] }] }, [
    'command_line',
  ]);
  assert.deepEqual(cells(processes), [
    ['win_events#2', 'cmd.exe /c whoami'],
    ['win_events#3', 'net user backdoor P@ss /add'],
  ]);
  const targets = await all({ scope: JDOE, filters: [{ column: 'role', op: 'in', values: ['target'] }] }, [
    'category',
  ]);
  assert.deepEqual(targets.map(at), ['win_events#1', 'win_events#7', 'audits#1']);
  const text = await all(
    { scope: JDOE, filters: [{ column: 'command_line', op: 'contains', text: 'BACKDOOR' }] },
    ['time'],
  );
  assert.deepEqual(text.map(at), ['win_events#3']);
  // Sorted by event id, highest first; events with none last; ties in time order.
  const sorted = await all({ scope: JDOE, sort: { column: 'event_id', desc: true } }, ['event_id']);
  assert.deepEqual(cells(sorted), [
    ['win_events#4', 4720],
    ['win_events#2', 4688],
    ['win_events#3', 4688],
    ['win_events#7', 4625],
    ['win_events#1', 4624],
    ['signins#1', null],
    ['audits#1', null],
  ]);
  const byRole = await grid.groups({ scope: JDOE, column: 'role' });
  assert.deepEqual(byRole.groups, [
    { value: 'actor', count: 4 },
    { value: 'target', count: 3 },
  ]);
  const roles = await grid.values({ scope: IP, column: 'role' });
  assert.deepEqual(roles.values, [{ value: 'source', count: 4 }]);
  const found = await grid.find({ scope: JDOE, text: 'whoami', from: -1, direction: 'next' });
  assert.equal(found.row, 1);
  const csv = await grid.exportChunk({
    scope: JDOE,
    filters: [{ column: 'role', op: 'in', values: ['actor'] }],
    columns: ['event_id', 'role', 'user'],
    format: 'csv',
    offset: 0,
    limit: 1000,
  });
  assert.equal(csv.total, 4);
  assert.equal(csv.filename, 'accountscope-events-user-CORP_jdoe.csv');
  assert.deepEqual(csv.content.trim().split(/\r?\n/), [
    '"Event","Role","User"',
    '4688,"actor","CORP\\jdoe"',
    '4688,"actor","CORP\\jdoe"',
    '4720,"actor","CORP\\jdoe"',
    ',"actor","jdoe@contoso.example"',
  ]);
  // The column chooser counts the scope's events; the role is its own column, the bookmark's are not.
  const columns = await grid.columns({ scope: JDOE });
  assert.equal(columns.total, 7);
  const count = (id: string) => columns.columns.find((c) => c.id === id)?.count;
  assert.equal(count('role'), 7);
  assert.equal(count('command_line'), 2);
  assert.equal(count('note'), undefined);
});

test('an entity that is no account name is refused in words', async () => {
  await assert.rejects(
    grid.window({
      scope: { kind: 'entity', entity: 'user', key: '   ' },
      columns: ['time'],
      offset: 0,
      limit: 1,
    }),
    /an empty user name/,
  );
});

const mark = (ref: EventTriageChange['ref'], change: Omit<EventTriageChange, 'ref'>, minute: number) =>
  setEventTriage(builder.conn, { ref, ...change }, new Date(Date.UTC(2024, 3, 1, 9, minute)));
const win = (recordNo: number) => ({ table: 'win_events' as const, source: winSha, recordNo });

test('the bookmarks: exactly the bookmarked events, with their tags and note, filtered and sorted', async () => {
  const none = await grid.window({ scope: BOOKMARKS, columns: ['time'], offset: 0, limit: 10 });
  assert.equal(none.total, 0);
  await mark(
    win(3),
    { bookmarked: true, tags: ['suspicious', 'follow up'], note: 'creates the backdoor' },
    1,
  );
  await mark(win(6), { bookmarked: true }, 2);
  await mark({ table: 'signins', source: signinSha, recordNo: 2 }, { bookmarked: true, tags: ['benign'] }, 3);
  // Tagged and noted, but not bookmarked: not in the list.
  await mark(win(4), { tags: ['suspicious'], note: 'the account' }, 4);

  const rows = await all({ scope: BOOKMARKS }, ['event_id', 'host', 'tags', 'note']);
  assert.deepEqual(cells(rows), [
    ['win_events#3', 4688, 'WS01', 'suspicious, follow up', 'creates the backdoor'],
    ['win_events#6', 4625, 'DC01', null, null],
    ['signins#2', null, null, 'benign', null],
  ]);
  const tagged = await all(
    { scope: BOOKMARKS, filters: [{ column: 'tags', op: 'contains', text: 'SUSPICIOUS' }] },
    ['note'],
  );
  assert.deepEqual(cells(tagged), [['win_events#3', 'creates the backdoor']]);
  const byHost = await all({ scope: BOOKMARKS, sort: { column: 'host' } }, ['host']);
  assert.deepEqual(cells(byHost), [
    ['win_events#6', 'DC01'],
    ['win_events#3', 'WS01'],
    ['signins#2', null],
  ]);
  const jsonl = await grid.exportChunk({
    scope: BOOKMARKS,
    columns: ['event_id', 'tags', 'note'],
    format: 'jsonl',
    offset: 0,
    limit: 1000,
  });
  assert.equal(jsonl.filename, 'accountscope-events-bookmarks.jsonl');
  const lines = jsonl.content
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    lines.map((l) => [l['event_id'], l['tags'], l['note']]),
    [
      [4688, 'suspicious, follow up', 'creates the backdoor'],
      [4625, null, null],
      [null, 'benign', null],
    ],
  );
  // The tags and note are the bookmarks' own columns: no value in another scope.
  const elsewhere = await all({ scope: JDOE, filters: [{ column: 'event_id', op: 'in', values: [4688] }] }, [
    'note',
  ]);
  assert.deepEqual(
    elsewhere.map((r) => r.cells[0]),
    [null, null],
  );
});

test('a bookmark set or taken away, or a note changed, shows at the next request of the same grid', async () => {
  const before = await all({ scope: BOOKMARKS, sort: { column: 'event_id' } }, ['note']);
  assert.deepEqual(before.map(at), ['win_events#6', 'win_events#3', 'signins#2']);
  await mark(win(6), { bookmarked: false }, 10);
  await mark({ table: 'audits', source: auditSha, recordNo: 1 }, { bookmarked: true }, 11);
  await mark(win(3), { note: 'net user /add: the backdoor' }, 12);
  const after = await all({ scope: BOOKMARKS, sort: { column: 'event_id' } }, ['note']);
  assert.deepEqual(cells(after), [
    ['win_events#3', 'net user /add: the backdoor'],
    ['signins#2', null],
    ['audits#1', null],
  ]);
  const count = await grid.groups({ scope: BOOKMARKS, column: 'category' });
  assert.equal(count.total, 3);
  // Taking every bookmark away leaves an empty list.
  for (const ref of [win(3), { table: 'signins' as const, source: signinSha, recordNo: 2 }])
    await mark(ref, { bookmarked: false }, 20);
  await mark({ table: 'audits', source: auditSha, recordNo: 1 }, { bookmarked: false }, 21);
  const empty = await grid.window({ scope: BOOKMARKS, columns: ['time'], offset: 0, limit: 10 });
  assert.equal(empty.total, 0);
});
