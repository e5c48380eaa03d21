// Migration 009: resolve_processes(on_host := …) gives exactly the `processes` view's rows of that host
// (parents are only ever looked for on the child's own host), whatever the host name's case; without it,
// every host, as before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';

const T = Date.parse('2024-05-01T09:00:00Z');
const at = (s: number) => new Date(T + s * 1000).toISOString();

function start(host: string, s: number, pid: number, parentPid: number, image: string): WinInput {
  return {
    eventId: 4688,
    ts: at(s),
    host,
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    subjectLogonId: 0x1000,
    pid,
    parentPid,
    image: `C:\\Windows\\System32\\${image}`,
  };
}

let b: CaseBuilder;

before(async () => {
  b = await CaseBuilder.create();
  // The same pids on two hosts: a parent is never taken from the other host.
  await b.add('two-hosts.xml', {
    win: [
      start('WS01.corp.local', 0, 100, 4, 'explorer.exe'),
      start('WS02.corp.local', 1, 100, 4, 'services.exe'),
      start('WS01.corp.local', 2, 200, 100, 'cmd.exe'),
      start('WS02.corp.local', 3, 200, 100, 'svchost.exe'),
      start('WS01.corp.local', 4, 300, 200, 'net.exe'),
    ],
  });
});

after(() => b.close());

const COLUMNS = 'proc_key, parent_key, link_method, parent_image_name, parent_is_stub, logon_id';

test("one host's processes are the view's rows of that host, parents included", async () => {
  for (const host of ['WS01.corp.local', 'ws02.CORP.local']) {
    const alone = await b.rows(
      `SELECT ${COLUMNS} FROM resolve_processes(on_host := $host) ORDER BY proc_key`,
      { host },
    );
    const fromView = await b.rows(
      `SELECT ${COLUMNS} FROM processes WHERE host_key = lower($host) ORDER BY proc_key`,
      { host },
    );
    assert.ok(alone.length > 0, host);
    assert.deepEqual(alone, fromView, host);
  }
  const ws02 = await b.rows(
    "SELECT image_name, parent_image_name FROM resolve_processes(on_host := 'WS02.corp.local') ORDER BY ts",
  );
  assert.deepEqual(
    ws02.map((r) => `${r['parent_image_name']} → ${r['image_name']}`),
    ['null → services.exe', 'services.exe → svchost.exe'],
  );
});

test('without a host, every host is resolved, as the analytics read it', async () => {
  const all = await b.rows(`SELECT ${COLUMNS} FROM resolve_processes() ORDER BY proc_key`);
  const view = await b.rows(`SELECT ${COLUMNS} FROM processes ORDER BY proc_key`);
  assert.equal(all.length, 5);
  assert.deepEqual(all, view);
  assert.equal((await b.rows("SELECT * FROM resolve_processes(on_host := 'nowhere')")).length, 0);
});
