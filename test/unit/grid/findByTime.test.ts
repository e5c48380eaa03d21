// Find in a view in time order reads the view in its own order from the current row, a few buckets at a
// time, and answers once the match is proven nearest (findByTime.ts). Held here to the answer worked out
// from the whole view, from every row, both ways, in both time orders, in a filtered view, with events
// without a time, with slices small enough that every answer takes many reads, and for a walk from match
// to match that reuses what earlier answers read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GridFindResult, GridView } from '../../../shared/eventGrid.js';
import { continueTimeScan, startTimeScan, type TimeScan } from '../../../electron/engine/grid/findByTime.js';
import { TimeOrder } from '../../../electron/engine/grid/timeOrder.js';
import { planView, type ViewPlan } from '../../../electron/engine/grid/viewSql.js';
import { GRID_TABLES } from '../../../electron/engine/grid/columns.js';
import { EventGrid } from '../../../electron/engine/grid/eventGrid.js';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';

let builder: CaseBuilder;
let grid: EventGrid;

const EVENTS = 400;
/** Events whose command line holds the needle: bunched, spread, at both ends, in two at one time. */
const NEEDLES = new Set([0, 3, 4, 57, 58, 190, 191, 250, 333, 398, 399]);

before(async () => {
  builder = await CaseBuilder.create();
  // Two files whose times interleave, as two hosts' logs do; one time is shared by two events.
  const events = (host: string, parity: number): WinInput[] =>
    Array.from({ length: EVENTS / 2 }, (_, k) => {
      const i = 2 * k + parity;
      const minute = i === 58 ? 57 : i;
      return {
        eventId: i % 3 === 0 ? 4688 : 4624,
        ts: new Date(Date.parse('2024-03-05T00:00:00Z') + minute * 37_000).toISOString(),
        host,
        commandLine: NEEDLES.has(i) ? `run NeedLe ${i}` : `run other ${i}`,
        // Find reads an event's raw XML, which holds its fields.
        xml: `<Event><EventData><Data Name='CommandLine'>run ${NEEDLES.has(i) ? 'NeedLe' : 'other'} ${i}</Data></EventData></Event>`,
      };
    });
  await builder.add('a.xml', { win: events('WS01', 0) });
  await builder.add('b.xml', { win: events('WS02', 1) });
  // Events without a time, one of them a match: they come last, either way.
  await builder.conn.run(
    `INSERT INTO sources VALUES (99, '/cases/untimed.xml', 'untimed.xml', 0, $sha, 'windows-xml', NULL, 3, 0, 0,
       TIMESTAMP '2024-01-01', 0)`,
    { sha: 'f'.repeat(64) },
  );
  await builder.conn.run(
    `INSERT INTO win_events (source_id, record_no, ts, host, event_id, command_line, xml) VALUES
       (99, 1, NULL, 'NOTIME', 4624, 'plain', '<Event>plain</Event>'),
       (99, 2, NULL, 'NOTIME', 4688, 'a needle', '<Event>a needle</Event>'),
       (99, 3, NULL, 'NOTIME', 4624, 'plain', '<Event>plain</Event>')`,
  );
  grid = new EventGrid(() => builder.db.connect());
});

after(async () => {
  await grid?.close();
  builder?.close();
});

/** The view's rows in order, and which of them hold the needle. */
async function matchesOf(view: GridView): Promise<{ total: number; matches: number[] }> {
  const w = await grid.window({ ...view, columns: ['command_line'], offset: 0, limit: 1000 });
  const matches = w.rows.flatMap((r, i) => (/needle/i.test(String(r.cells[0])) ? [i] : []));
  return { total: w.total, matches };
}

/** The answer find owes: the nearest match after (before) the row, or on from the other end. */
function expected(matches: number[], total: number, from: number, next: boolean): GridFindResult {
  if (matches.length === 0) return { row: null, matches: 0, wrapped: false };
  const f = from < 0 ? (next ? -1 : total) : from;
  if (f >= total && next) return { row: matches[0]!, wrapped: false };
  const on = next ? matches.find((m) => m > f) : [...matches].reverse().find((m) => m < f);
  if (on !== undefined) return { row: on, wrapped: false };
  return { row: next ? matches[0]! : matches[matches.length - 1]!, wrapped: true };
}

const conn = () => builder.conn;

async function ordered(view: GridView): Promise<{ plan: ViewPlan; time: TimeOrder }> {
  const plan = planView(view, { kind: 'case', table: null, tables: [...GRID_TABLES] });
  const time = await TimeOrder.build(conn(), plan.relation(), plan, view.sort?.desc === true);
  return { plan, time };
}

let names = 0;
/** Asks until the search answers, as the page does; the answer without its count of matches. */
async function ask(
  scan: TimeScan,
  plan: ViewPlan,
  time: TimeOrder,
  req: { text: string; from: number; direction: 'next' | 'prev' },
): Promise<{ result: GridFindResult; asks: number }> {
  let asks = 0;
  for (;;) {
    asks++;
    const r = await continueTimeScan(conn(), scan, time, plan, req);
    if (r) {
      const { matches: _counted, ...result } = r;
      return { result, asks };
    }
    assert.ok(asks < 10_000, 'the search ends');
  }
}

const VIEWS: GridView[] = [
  { scope: { kind: 'case' } },
  { scope: { kind: 'case' }, sort: { column: 'time', desc: true } },
  { scope: { kind: 'case' }, filters: [{ column: 'event_id', op: 'in', values: [4688] }] },
];

test('from every row, either way, each search answers the nearest match the whole view holds', async () => {
  for (const view of VIEWS) {
    const { total, matches } = await matchesOf(view);
    assert.ok(matches.length >= 3, 'the view holds matches');
    const { plan, time } = await ordered(view);
    for (const direction of ['next', 'prev'] as const)
      for (const from of [-1, 0, 1, 2, 57, 100, 200, total - 2, total - 1, total, ...matches]) {
        const req = { text: 'needle', from, direction };
        const scan = await startTimeScan(conn(), time, req, `hits_${++names}`, 16);
        const { result } = await ask(scan, plan, time, req);
        const { matches: _n, ...owed } = expected(matches, total, from, direction === 'next');
        assert.deepEqual(result, owed, `${JSON.stringify(view)} ${direction} from ${from}`);
        await conn().run(`DROP TABLE ${scan.hits}`);
      }
  }
});

test('a walk from match to match reads each bucket once, then counts the matches and wraps', async () => {
  for (const view of VIEWS)
    for (const direction of ['next', 'prev'] as const) {
      const { total, matches } = await matchesOf(view);
      const { plan, time } = await ordered(view);
      const next = direction === 'next';
      let from = next ? -1 : total;
      const scan = await startTimeScan(
        conn(),
        time,
        { text: 'needle', from, direction },
        `hits_${++names}`,
        16,
      );
      const seen: number[] = [];
      for (let k = 0; k < matches.length; k++) {
        const { result } = await ask(scan, plan, time, { text: 'needle', from, direction });
        assert.equal(result.wrapped, false);
        seen.push(result.row!);
        from = result.row!;
      }
      assert.deepEqual(seen, next ? matches : [...matches].reverse(), `${JSON.stringify(view)} ${direction}`);
      // Past the last match the search reads on to the end and round: every bucket once, then it knows them all.
      const { result: round } = await ask(scan, plan, time, { text: 'needle', from, direction });
      assert.equal(round.row, next ? matches[0] : matches[matches.length - 1]);
      assert.equal(round.wrapped, true);
      assert.equal(scan.done, true);
      assert.equal(scan.count, matches.length);
      assert.equal(scan.rowsRead, total, 'each row read once');
      await conn().run(`DROP TABLE ${scan.hits}`);
    }
});

test('text that is nowhere reads every bucket and answers no match; the grid answers as the scan does', async () => {
  const view = VIEWS[0]!;
  const { plan, time } = await ordered(view);
  const req = { text: 'not anywhere', from: 10, direction: 'next' as const };
  const scan = await startTimeScan(conn(), time, req, `hits_${++names}`, 16);
  const { result, asks } = await ask(scan, plan, time, req);
  assert.deepEqual(result, { row: null, wrapped: false });
  assert.ok(asks >= 1);
  assert.equal(scan.done, true);
  await conn().run(`DROP TABLE ${scan.hits}`);
  // Through the grid: far from row 10 (past the rows it looks at nearby is not needed for a small view).
  const { total, matches } = await matchesOf(view);
  for (const from of [10, 300, total - 1]) {
    let r = await grid.find({ ...view, text: 'NEEDLE', from, direction: 'next' });
    while (r.progress !== undefined)
      r = await grid.find({ ...view, text: 'NEEDLE', from, direction: 'next' });
    const { matches: _m, ...got } = r;
    const { matches: _n, ...owed } = expected(matches, total, from, true);
    assert.deepEqual(got, owed, `grid from ${from}`);
  }
});
