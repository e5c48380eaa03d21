// Pivot pages and process trees on the bundled sample case (sample-logs/), the story a responder follows:
// CORP\jdoe is the actor of the backdoor, and the same person as jdoe@contoso.example, whose address the
// spray from 203.0.113.77 probed; WS01 is where it happened; the backdoor's tree shows the RDP session's
// cmd.exe with everything else it ran, the finding's chain highlighted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Allowlist, Finding } from '../../../shared/report.js';
import { runAnalytics } from '../../../electron/engine/analytics/index.js';
import { entityPage, entityTimeline, processTree } from '../../../electron/engine/entities/index.js';
import type { CaseDb } from '../../../electron/engine/store/openCase.js';
import { importIntoMemoryCase } from '../../support/importCase.js';
import { sampleEvidenceDir, sampleLogsDir } from '../../support/paths.js';

let db: CaseDb;
let conn: DuckDBConnection;
let findings: Finding[];
const WEEK = 7 * 86_400;

before(async () => {
  ({ db } = await importIntoMemoryCase([sampleEvidenceDir]));
  conn = db.conn;
  const allowlist = JSON.parse(readFileSync(join(sampleLogsDir, 'allowlist.json'), 'utf8')) as Allowlist;
  findings = await runAnalytics(conn, { allowlist });
});

after(() => db?.close());

const backdoorCreation = () =>
  findings.find((f) => f.analytic === 'AN1604' && f.accounts.some((a) => /backdoor/i.test(a)))!;

test('the actor CORP\\jdoe has a page: linked to its Entra identity, what it did, and its findings', async () => {
  const page = await entityPage(conn, { kind: 'user', key: 'CORP\\jdoe' });
  assert.deepEqual(
    page.identities.map((i) => `${i.display} ${i.linkedBy ?? 'own'}`),
    ['CORP\\jdoe own', 'jdoe@contoso.example name'],
  );
  for (const category of ['process', 'logon', 'account', 'enumeration', 'signin'])
    assert.ok((page.categories[category] ?? 0) > 0, `no ${category} events on jdoe's page`);
  const created = page.accounts.filter((a) => a.action === 'created').map((a) => a.account);
  assert.deepEqual(created, ['WS01\\backdoor', 'WS02\\helpdesk_tmp']);
  assert.ok(
    page.logons.some((l) => l.logonType === 10 && l.source === '10.0.4.7' && /^WS01/.test(l.host ?? '')),
    'the RDP logon from 10.0.4.7 to WS01',
  );
  assert.ok(page.processes.some((p) => p.image === 'net1.exe'));
  // As actor: the backdoor's creation; as target: the spray probed jdoe@contoso.example.
  const roles = new Map(page.findings.map((f) => [f.id, f.roles]));
  assert.deepEqual(roles.get(backdoorCreation().id), ['actor']);
  const spray = findings.find(
    (f) =>
      f.analytic === 'T1589' &&
      f.actor.sourceIp === '203.0.113.77' &&
      f.accounts.includes('jdoe@contoso.example'),
  );
  assert.ok(spray, 'the sample spray lists jdoe@contoso.example');
  assert.deepEqual(roles.get(spray.id), ['target']);
  // Every event of the page is on its timeline, in time order.
  const events = await entityTimeline(conn, { kind: 'user', key: 'CORP\\jdoe', limit: 10_000 });
  assert.equal(events.total, page.total);
  assert.equal(events.rows.length, page.total);
  assert.ok(events.rows.every((r, i) => i === 0 || events.rows[i - 1]!.time <= r.time));
  assert.ok(events.rows.some((r) => r.table === 'signins' && r.role === 'actor'));
});

test('the page opened from the UPN is the same person', async () => {
  const fromUpn = await entityPage(conn, { kind: 'user', key: 'jdoe@contoso.example' });
  const fromSam = await entityPage(conn, { kind: 'user', key: 'CORP\\jdoe' });
  assert.equal(fromUpn.total, fromSam.total);
  assert.deepEqual(
    fromUpn.identities.map((i) => i.display).sort(),
    fromSam.identities.map((i) => i.display).sort(),
  );
});

test('WS01 has a page: the backdoor made on it, who logged on, its findings', async () => {
  const page = await entityPage(conn, { kind: 'host', key: 'WS01.corp.local' });
  assert.ok(
    page.accounts.some(
      (a) => a.action === 'created' && a.account === 'WS01\\backdoor' && a.by === 'CORP\\jdoe',
    ),
  );
  assert.ok(page.related.users.some((u) => u.value === 'CORP\\jdoe'));
  assert.ok(page.findings.some((f) => f.id === backdoorCreation().id && f.roles.includes('host')));
  assert.ok(
    page.findings.every((f) => findings.find((x) => x.id === f.id)!.hosts.some((h) => /^WS01\./i.test(h))),
  );
});

test('203.0.113.77 has a page: the probed names and the findings it is the source of', async () => {
  const page = await entityPage(conn, { kind: 'ip', key: '203.0.113.77' });
  assert.ok(page.related.totals.users > 100, `${page.related.totals.users} users tried from it`);
  assert.equal(page.related.users.length, page.related.totals.users, 'all of them listed');
  assert.ok(page.signins.some((s) => s.failures > 0 && s.codes.includes(50034)));
  const sources = page.findings.filter((f) => f.roles.includes('source')).map((f) => f.analytic);
  assert.ok(sources.includes('T1589'), sources.join(', '));
});

test("the backdoor's process tree: the RDP session's cmd.exe with what else it ran, the chain highlighted", async () => {
  const f = backdoorCreation();
  const tree = await processTree(conn, { findingId: f.id }, WEEK);
  assert.match(tree.host, /^WS01/);
  assert.equal(tree.session.logonType, 10);
  assert.equal(tree.session.source, '10.0.4.7');
  const focus = tree.nodes.find((n) => n.key === tree.focusKey)!;
  assert.equal(focus.relation, 'focus');
  assert.match(focus.commandLine ?? '', /net1\s+user backdoor/i);
  const name = (n: { image: string | null }) => (n.image ?? '').split('\\').pop()!.toLowerCase();
  const highlighted = tree.nodes.filter((n) => n.highlighted).map(name);
  for (const image of ['cmd.exe', 'net.exe', 'net1.exe']) assert.ok(highlighted.includes(image), image);
  // cmd.exe's other work in the session (whoami, net user /domain …) is in the tree, not highlighted.
  const others = tree.nodes.filter((n) => !n.highlighted && n.relation === 'descendant');
  assert.ok(others.some((n) => name(n) === 'whoami.exe'));
  assert.ok(
    tree.nodes
      .filter((n) => n.relation === 'sibling' || n.relation === 'descendant')
      .every((n) => n.logonId === tree.session.logonId),
    'children and siblings come from the focus session only',
  );
  // Sysmon and Security both logged these starts: one node each.
  const keys = tree.nodes.map((n) => `${name(n)} ${n.pid} ${n.time.slice(0, 19)}`);
  assert.equal(new Set(keys).size, keys.length, keys.join('\n'));
});
