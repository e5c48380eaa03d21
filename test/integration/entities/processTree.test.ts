// The process tree on hand-made process starts: ancestors in any session, children and siblings only from
// the focus's logon session, a parent whose start is not in the logs as a stub, Security 4688 and Sysmon 1
// of one start as one node, big sessions cut with a count, and a node's children loaded on demand.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProcessNode, ProcessTree } from '../../../shared/api.js';
import { processChildren, processTree } from '../../../electron/engine/entities/index.js';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';

const T = '2024-05-01T09:00:00Z';
const at = (s: number) => new Date(Date.parse(T) + s * 1000).toISOString();
const WEEK = 7 * 86_400;
const USER = 0x1000; // CORP\jdoe's RDP session
const RUNAS = 0x2000; // the same desktop, another account (runas)

function start(
  s: number,
  pid: number,
  parentPid: number,
  image: string,
  logonId: number,
  host = 'WS01.corp.local',
): WinInput {
  return {
    eventId: 4688,
    ts: at(s),
    host,
    subjectUser: logonId === 0x3e7 ? 'WS01$' : logonId === RUNAS ? 'admin' : 'jdoe',
    subjectDomain: 'CORP',
    subjectLogonId: logonId,
    pid,
    parentPid,
    image: `C:\\Windows\\System32\\${image}`,
    commandLine: image,
  };
}

let b: CaseBuilder;
let securitySha: string;
const age = WEEK;

before(async () => {
  b = await CaseBuilder.create();
  securitySha = await b.add('WS01-Security.xml', {
    win: [
      // its parent (smss, pid 400) is not in the logs: only named by winlogon's own event
      { ...start(0, 500, 400, 'winlogon.exe', 0x3e7), parentImage: 'C:\\Windows\\System32\\smss.exe' },
      start(1, 600, 500, 'userinit.exe', USER),
      start(2, 700, 600, 'explorer.exe', USER),
      start(3, 800, 700, 'cmd.exe', USER),
      start(4, 810, 700, 'notepad.exe', USER),
      start(5, 811, 810, 'print.exe', USER),
      start(6, 820, 700, 'mmc.exe', RUNAS),
      start(7, 900, 800, 'whoami.exe', USER),
      start(8, 910, 800, 'net.exe', USER),
      start(9, 920, 910, 'net1.exe', USER),
      start(10, 930, 800, 'cmd.exe', RUNAS),
      start(11, 931, 930, 'net.exe', RUNAS),
    ],
  });
  // Sysmon logged net.exe too, 4 ms later: the same start.
  await b.add('WS01-Sysmon.xml', {
    win: [
      {
        eventId: 1,
        ts: new Date(Date.parse(at(8)) + 4).toISOString(),
        host: 'WS01.corp.local',
        subjectUser: 'jdoe',
        subjectDomain: 'CORP',
        subjectLogonId: USER,
        pid: 910,
        parentPid: 800,
        image: 'C:\\Windows\\System32\\net.exe',
        commandLine: 'net.exe',
        processGuid: '{net}',
        parentProcessGuid: '{cmd}',
      },
    ],
  });
  // A busy parent on another host: sixty children in one session.
  const busy: WinInput[] = [start(0, 100, 1, 'services.exe', 0x3e7, 'SRV01')];
  for (let i = 0; i < 60; i++) busy.push(start(1 + i, 1000 + i, 100, 'svchost.exe', 0x3e7, 'SRV01'));
  await b.add('SRV01-Security.xml', { win: busy });
});

after(() => b.close());

const base = (path: string | null) => (path ?? '?').split('\\').pop()!;
const image = (n: ProcessNode) => (n.stub ? `(${base(n.image)})` : base(n.image));
const byImage = (tree: ProcessTree, name: string) => tree.nodes.filter((n) => image(n) === name);

/** The tree as indented lines, children oldest first, the way the screen draws it. */
function draw(tree: ProcessTree): string[] {
  const kids = new Map<string | null, ProcessNode[]>();
  const keys = new Set(tree.nodes.map((n) => n.key));
  for (const n of tree.nodes) {
    const parent = n.parentKey !== null && keys.has(n.parentKey) ? n.parentKey : null;
    kids.set(parent, [...(kids.get(parent) ?? []), n]);
  }
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of (kids.get(parent) ?? []).sort((a, b) => (a.time < b.time ? -1 : 1))) {
      lines.push(`${'  '.repeat(depth)}${image(n)} ${n.relation}`);
      walk(n.key, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}

test('from net1.exe: its ancestors, and the siblings and descendants in its logon session only', async () => {
  const tree = await processTree(b.conn, { host: 'WS01.corp.local', pid: 920, time: at(9) }, age);
  assert.equal(image(tree.nodes.find((n) => n.key === tree.focusKey)!), 'net1.exe');
  assert.deepEqual(draw(tree), [
    '(smss.exe) ancestor',
    '  winlogon.exe ancestor',
    '    userinit.exe ancestor',
    '      explorer.exe ancestor',
    '        cmd.exe ancestor',
    '          whoami.exe sibling',
    '          net.exe ancestor',
    '            net1.exe focus',
    '        notepad.exe sibling',
  ]);
  // mmc.exe and the second cmd.exe ran as another logon (runas): counted, not shown.
  const explorer = byImage(tree, 'explorer.exe')[0]!;
  assert.equal(explorer.childCount, 2);
  assert.equal(explorer.otherSessionChildren, 1);
  const cmd = byImage(tree, 'cmd.exe')[0]!;
  assert.equal(cmd.childCount, 2);
  assert.equal(cmd.otherSessionChildren, 1);
  // notepad.exe's own child is there to expand.
  assert.equal(byImage(tree, 'notepad.exe')[0]!.childCount, 1);
  assert.deepEqual(tree.session, {
    logonId: '0x1000',
    user: null,
    logonType: null,
    source: null,
    start: null,
  });
  // 4688 and Sysmon 1 of net.exe are one node that knows both records.
  const net = byImage(tree, 'net.exe');
  assert.equal(net.length, 1);
  assert.equal(net[0]!.sameStart.length, 1);
  assert.ok(net[0]!.ref && net[0]!.sameStart[0]!.source !== net[0]!.ref.source);
  assert.equal(tree.nodes.find((n) => n.stub)?.pid, 400);
});

test('from cmd.exe its descendants in the session are expanded, a runas child is not', async () => {
  const cmd = await processTree(b.conn, { host: 'WS01.corp.local', pid: 800, time: at(3) }, age);
  assert.deepEqual(draw(cmd).slice(3), [
    '      explorer.exe ancestor',
    '        cmd.exe focus',
    '          whoami.exe descendant',
    '          net.exe descendant',
    '            net1.exe descendant',
    '        notepad.exe sibling',
  ]);
});

test("expanding a node loads its children in the tree's session", async () => {
  const tree = await processTree(b.conn, { host: 'WS01.corp.local', pid: 920, time: at(9) }, age);
  const notepad = byImage(tree, 'notepad.exe')[0]!;
  const children = await processChildren(
    b.conn,
    { host: 'WS01.corp.local', key: notepad.key, logonId: '0x1000' },
    age,
  );
  assert.deepEqual(children.map(image), ['print.exe']);
  assert.equal(children[0]!.relation, 'child');
  const explorer = byImage(tree, 'explorer.exe')[0]!;
  const inRunas = await processChildren(
    b.conn,
    { host: 'WS01.corp.local', key: explorer.key, logonId: '0x2000' },
    age,
  );
  assert.deepEqual(inRunas.map(image), ['mmc.exe']);
});

test('a parent with more children than the tree lists says how many it left out', async () => {
  const tree = await processTree(b.conn, { host: 'SRV01', pid: 1030, time: at(31) }, age);
  const services = byImage(tree, 'services.exe')[0]!;
  assert.equal(byImage(tree, 'svchost.exe').length, 51, 'the focus and fifty siblings');
  assert.equal(tree.truncated[services.key], 9);
  assert.equal(services.childCount, 60);
});

test('a process start on an event list opens its tree by its event: source and record', async () => {
  // record 11 of WS01-Security.xml is the runas cmd.exe (pid 930): its own session, its own child
  const tree = await processTree(b.conn, { source: securitySha, recordNo: 11 }, age);
  assert.equal(tree.host, 'WS01.corp.local');
  assert.equal(tree.session.logonId, '0x2000');
  const focus = tree.nodes.find((n) => n.key === tree.focusKey)!;
  assert.equal(focus.pid, 930);
  assert.deepEqual(tree.nodes.filter((n) => n.relation === 'descendant').map(image), ['net.exe']);
  assert.deepEqual(
    tree.nodes.filter((n) => n.relation === 'sibling').map(image),
    [],
    'the other children of cmd.exe ran in the user session, not this one',
  );
  await assert.rejects(
    processTree(b.conn, { source: securitySha, recordNo: 999 }, age),
    /a process start at record 999/,
  );
});

test('a process that is not in the logs is a clear not-found', async () => {
  await assert.rejects(
    processTree(b.conn, { host: 'WS01.corp.local', pid: 4242, time: at(3) }, age),
    /was not found in this case/,
  );
});
