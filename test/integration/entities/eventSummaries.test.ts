// The case's summaries of names and EventData fields (migration 011, store/eventSummaries.ts) stand in
// for a search of every event: a user's, host's or IP's rows, its identities, its grid and the column
// chooser's counts must be the same whether the summaries cover every row, some (more files imported
// since) or none, and the same as the pages' own tests of every event. An import and a migration of a case
// that has events leave them covering every row.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { EntityRef } from '../../../shared/api.js';
import type { GridScope } from '../../../shared/eventGrid.js';
import { entityMatch, hitsQuery, linkedIdentities } from '../../../electron/engine/entities/index.js';
import { EventGrid } from '../../../electron/engine/grid/eventGrid.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { migrate } from '../../../electron/engine/store/migrate.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import {
  EVENT_DATA_KEYS,
  EVENT_NAMES,
  refreshEventSummaries,
} from '../../../electron/engine/store/eventSummaries.js';
import { CaseBuilder, type SigninInput, type WinInput } from '../../support/caseBuilder.js';
import { graphSignins, wevtutilFile } from '../../support/miniEvents.js';
import { tempDir } from '../../support/paths.js';

let builder: CaseBuilder;

const at = (minute: number) => new Date(Date.parse('2024-03-05T10:00:00Z') + minute * 60_000).toISOString();

/** Names written every way the logs write them: case, domain, UPN, FQDN, a look-alike name. */
const FIRST: WinInput[] = [
  { eventId: 4624, ts: at(0), host: 'WS01', targetUser: 'jdoe', targetDomain: 'CORP', ip: '10.0.4.7' },
  { eventId: 4688, ts: at(1), host: 'ws01.corp.local', subjectUser: 'JDOE', subjectDomain: 'corp' },
  {
    eventId: 4688,
    ts: at(2),
    host: 'WS01',
    subjectUser: 'jdoe@corp.local',
    data: { TokenElevationType: '%%1937' },
  },
  { eventId: 4625, ts: at(3), host: 'DC01', targetUser: 'jdoe2', targetDomain: 'CORP', workstation: 'WS01' },
  { eventId: 4624, ts: at(4), host: 'DC01', targetUser: 'admin', targetDomain: 'CORP', ip: 'FE80::1' },
  {
    eventId: 4672,
    ts: at(5),
    host: 'DC01',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    subjectSid: 'S-1-5-21-1-2-3-1104',
    data: { PrivilegeList: 'SeDebugPrivilege' },
  },
];
const FIRST_SIGNINS: SigninInput[] = [
  { ts: at(6), userPrincipalName: 'jdoe@contoso.com', ip: '10.0.4.7', errorCode: 0 },
  { ts: at(7), userPrincipalName: 'nobody@contoso.com', ip: 'fe80::1', errorCode: 50034 },
];
/** A file imported after the summaries were brought up to date: its rows are above their mark. */
const LATER: WinInput[] = [
  { eventId: 4624, ts: at(10), host: 'WS02', targetUser: 'JDoe', targetDomain: 'CORP', workstation: 'ws01' },
  {
    eventId: 4688,
    ts: at(11),
    host: 'WS01.corp.local',
    subjectUser: 'admin',
    subjectDomain: 'CORP',
    data: { TokenElevationType: '%%1936', NewField: 'x' },
  },
  { eventId: 4624, ts: at(12), host: 'DC01', targetUser: 'svc', targetDomain: 'CORP', ip: '10.0.4.7' },
];
const LATER_SIGNINS: SigninInput[] = [
  { ts: at(13), userPrincipalName: 'JDOE@contoso.com', ip: 'FE80::1', errorCode: 0 },
];

const REFS: EntityRef[] = [
  { kind: 'user', key: 'CORP\\jdoe' },
  { kind: 'user', key: 'jdoe@contoso.com' },
  { kind: 'user', key: 'CORP\\admin' },
  { kind: 'host', key: 'ws01' },
  { kind: 'host', key: 'DC01.corp.local' },
  { kind: 'ip', key: '10.0.4.7' },
  { kind: 'ip', key: 'fe80::1' },
];

before(async () => {
  builder = await CaseBuilder.create();
  await builder.add('first.xml', { win: FIRST });
  await builder.add('first.json', { signins: FIRST_SIGNINS });
});

after(() => builder?.close());

/** Every name and field with its count, summed over the summaries and the rows above their mark. */
async function summed(): Promise<{ names: unknown[]; keys: unknown[] }> {
  const names = await builder.rows(
    `SELECT tbl, field, name, domain, sid, in_tenant, sum(n)::INTEGER AS n FROM ${EVENT_NAMES}
     GROUP BY ALL ORDER BY ALL`,
  );
  const keys = await builder.rows(
    `SELECT event_id, key, sum(n)::INTEGER AS n FROM ${EVENT_DATA_KEYS} GROUP BY ALL ORDER BY ALL`,
  );
  return { names, keys };
}

/** The same counts, from every row of the tables. */
async function counted(): Promise<{ names: unknown[]; keys: unknown[] }> {
  const all = '9223372036854775807';
  const names = await builder.rows(
    `SELECT tbl, field, name, domain, sid, in_tenant, sum(n)::INTEGER AS n
     FROM event_names_between(0, ${all}, 0, ${all}) GROUP BY ALL ORDER BY ALL`,
  );
  const keys = await builder.rows(
    `SELECT event_id, key, count(*)::INTEGER AS n
     FROM (SELECT event_id, unnest(json_keys(data)) AS key FROM win_events) GROUP BY ALL ORDER BY ALL`,
  );
  return { names, keys };
}

/** What the pages show of each entity: its identities, the rows it is matched to, its grid. */
async function pages(): Promise<unknown[]> {
  const out: unknown[] = [];
  const grid = new EventGrid(() => builder.db.connect());
  try {
    for (const ref of REFS) {
      const { match, identities } = await entityMatch(builder.conn, ref);
      const rows = async (m: typeof match) => {
        const hits = hitsQuery(m);
        return builder.rows(
          `SELECT tbl, rid::INTEGER AS rid, role FROM (${hits.sql}) ORDER BY ALL`,
          hits.values,
        );
      };
      const found = await rows(match);
      // The names looked up only narrow the scan: without them, every event is tested as before.
      assert.ok(match.written, `${ref.kind} ${ref.key}: names looked up`);
      assert.deepEqual(
        found,
        await rows({ ...match, written: undefined, writtenPairs: undefined }),
        `${ref.kind} ${ref.key}`,
      );
      const scope: GridScope = { kind: 'entity', entity: ref.kind, key: ref.key };
      const window = await grid.window({
        scope,
        columns: ['time', 'host', 'user', 'role'],
        offset: 0,
        limit: 100,
      });
      out.push({ ref, identities, found, match: match.written, window });
    }
    out.push(await linkedIdentities(builder.conn, 'corp\\jdoe'));
    out.push((await grid.columns({ scope: { kind: 'case' } })).dataFields);
  } finally {
    await grid.close();
  }
  return out;
}

test('names and fields: the same counts and pages whether the summaries cover every row, some or none', async () => {
  const mark = async () =>
    builder.rows('SELECT tbl, below::INTEGER AS below FROM event_summary_coverage ORDER BY tbl');
  // None: the case was written around the importer, so the summaries are where the migration left them.
  assert.deepEqual(await mark(), [
    { tbl: 'signins', below: 0 },
    { tbl: 'win_events', below: 0 },
  ]);
  assert.deepEqual(await summed(), await counted());
  const uncovered = await pages();

  assert.deepEqual(await refreshEventSummaries(builder.conn), { winEvents: FIRST.length, signins: 2 });
  assert.deepEqual(await mark(), [
    { tbl: 'signins', below: 2 },
    { tbl: 'win_events', below: FIRST.length },
  ]);
  assert.deepEqual(await summed(), await counted());
  assert.deepEqual(await pages(), uncovered, 'every row covered');
  assert.deepEqual(await refreshEventSummaries(builder.conn), { winEvents: 0, signins: 0 }, 'nothing new');

  await builder.add('later.xml', { win: LATER });
  await builder.add('later.json', { signins: LATER_SIGNINS });
  assert.deepEqual(await summed(), await counted(), 'some rows above the mark');
  const some = await pages();
  await refreshEventSummaries(builder.conn);
  assert.deepEqual(await summed(), await counted());
  assert.deepEqual(await pages(), some, 'covered again');
  // The later file's names are found: the user's grid has its rows, and the new field is counted.
  assert.notDeepEqual(some, uncovered);
  const names = await builder.rows(
    "SELECT count(*)::INTEGER AS n FROM event_names WHERE name = 'JDoe' AND field = 'target'",
  );
  assert.deepEqual(names, [{ n: 1 }], 'one row per name in the summary');
});

test("the app's import brings the summaries up to date behind it, and so does the migration of a case that has events", async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'ws01.xml'), wevtutilFile(40));
    writeFileSync(join(dir, 'signins.json'), graphSignins(15));
    const casePath = join(dir, 'case.duckdb');
    // The CLI's import leaves them to whoever opens the case next (readers count what they do not cover).
    const cli = await openCase(casePath);
    const importer = new Importer(cli);
    await importer.importPaths([join(dir, 'ws01.xml')]);
    await importer.close();
    const [before] = (
      await cli.conn.runAndReadAll(
        "SELECT (SELECT below FROM event_summary_coverage WHERE tbl = 'win_events')::INTEGER",
      )
    ).getRows();
    assert.equal(before![0], 0, 'the import itself does not wait for the summaries');
    cli.close();
    // The app catches up on opening the case, and after each import it runs.
    const service = await CaseService.open(casePath, { analytics: defaultAnalytics() });
    try {
      const started = await service.invoke('startImport', { paths: [join(dir, 'signins.json')] });
      assert.ok(started.ok);
      for (;;) {
        const st = await service.invoke('importStatus', { importId: started.value.importId });
        assert.ok(st.ok);
        if (st.value.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await service.close();
    }
    const db = await openCase(casePath, { readOnly: true });
    const r = await db.conn.runAndReadAll(
      `SELECT (SELECT below FROM event_summary_coverage WHERE tbl = 'win_events')::INTEGER AS w,
              (SELECT below FROM event_summary_coverage WHERE tbl = 'signins')::INTEGER AS s,
              (SELECT sum(n) FROM event_names WHERE field = 'host')::INTEGER AS hosts`,
    );
    assert.deepEqual(r.getRowObjectsJson(), [{ w: 40, s: 15, hosts: 40 }]);
    db.close();
  } finally {
    cleanup();
  }

  // A case at migration 010 with events, brought forward: every row counted.
  const old = await CaseBuilder.create();
  try {
    await old.add('first.xml', { win: FIRST });
    await old.conn.run(
      'DROP TABLE event_names; DROP TABLE event_data_keys; DROP TABLE event_summary_coverage',
    );
    await old.conn.run('DELETE FROM schema_migrations WHERE version = 11');
    assert.deepEqual(await migrate(old.conn), [11]);
    assert.deepEqual(
      await old.rows('SELECT tbl, below::INTEGER AS below FROM event_summary_coverage ORDER BY tbl'),
      [
        { tbl: 'signins', below: 0 },
        { tbl: 'win_events', below: FIRST.length },
      ],
    );
    const hosts = await old.rows(
      "SELECT name, n::INTEGER AS n FROM event_names WHERE field = 'host' ORDER BY name",
    );
    assert.deepEqual(hosts, [
      { name: 'DC01', n: 3 },
      { name: 'WS01', n: 2 },
      { name: 'ws01.corp.local', n: 1 },
    ]);
  } finally {
    old.close();
  }
});
