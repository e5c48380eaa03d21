// Child process of the bench: the event grid's interactions on the bench case, timed through CaseService
// (the entry point both transports use), so each figure is the engine's side of one thing a user does.
// Each sample is a view the grid has not seen before (its caches would answer a repeat at once), taken in
// the order a user meets them: the grid opens, a filter, a sort, a scroll deep into the list, a group,
// find. `node dist/bench/gridOne.js CASE` runs it alone.
import { CaseService } from '../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../electron/engine/service/analyticsPort.js';
import type { ApiMethods } from '../shared/api.js';
import type { GridFilter, GridView } from '../shared/eventGrid.js';

const [casePath] = process.argv.slice(2);
if (!casePath) throw new Error('usage: gridOne CASE');
const service = await CaseService.open(casePath, { analytics: defaultAnalytics() });

async function call<M extends keyof ApiMethods>(m: M, req: ApiMethods[M][0]): Promise<ApiMethods[M][1]> {
  const r = await service.invoke(m, req);
  if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
  return r.value;
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await run();
  return [performance.now() - t, value];
}

const rows: Array<{ label: string; times: number[]; note?: string }> = [];
function report(label: string, times: number[], note?: string): void {
  rows.push({ label, times, note });
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const max = sorted[sorted.length - 1]!;
  const each = times.length > 1 ? `  [${times.map((t) => t.toFixed(0)).join(', ')}]` : '';
  console.log(
    `  ${label.padEnd(52)} ${String(times.length).padStart(2)}×  median ${median.toFixed(0).padStart(5)} ms` +
      `  max ${max.toFixed(0).padStart(5)} ms${each}${note ? `  (${note})` : ''}`,
  );
}

const COLUMNS = ['time', 'host', 'event_id', 'category', 'summary', 'user', 'command_line'];
const CASE: GridView = { scope: { kind: 'case' } };
const WINDOW = 200;
const window = (view: GridView, offset = 0) =>
  call('eventGrid', { ...view, columns: COLUMNS, offset, limit: WINDOW });
/** Waits for the background ordering of a view: a window past DIRECT_MAX needs it. */
const settle = (view: GridView) => window(view, 5_000).then(() => undefined);

/**
 * Times `run` once on each view. Between samples the grid finishes what it does in the background (ordering
 * the view just shown), as it would while a user reads the rows: the next sample starts on an idle engine.
 */
async function samples(views: GridView[], run: (v: GridView) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const v of views) {
    times.push((await timed(() => run(v)))[0]);
    await settle(v);
  }
  return times;
}

console.log('\nevent grid (engine side, on the bench case; each sample a view not seen before):');
const [openMs, first] = await timed(() => window(CASE));
report('open: the whole case, first 200 rows', [openMs], `${first.total} events`);
await settle(CASE);
const total = first.total;
const deep = [0.13, 0.37, 0.5, 0.71, 0.94].map((f) => Math.floor(f * (total - WINDOW)));
report(
  'scroll: a window anywhere in the ordered case',
  await samples(
    deep.map(() => CASE),
    async () => {
      await window(CASE, deep.shift()!);
    },
  ),
);

const hosts = (await call('eventGridValues', { ...CASE, column: 'host', limit: 40 })).values
  .map((v) => v.value)
  .filter((v): v is string => typeof v === 'string');
const valueFilters: GridFilter[] = [
  ...hosts.slice(0, 3).map((h): GridFilter => ({ column: 'host', op: 'in', values: [h] })),
  { column: 'event_id', op: 'in', values: [4625, 4771] },
  { column: 'category', op: 'in', values: ['account', 'group', 'enumeration'] },
];
report(
  'filter by values (host, event id, category)',
  await samples(
    valueFilters.map((f) => ({ ...CASE, filters: [f] })),
    window,
  ),
);
const textFilters: GridFilter[] = [
  { column: 'command_line', op: 'contains', text: 'net user' },
  { column: 'user', op: 'starts', text: 'corp\\adm' },
  { column: 'process', op: 'contains', text: 'powershell' },
  { column: 'command_line', op: 'regex', text: 'net1?\\.exe\\s+(user|group)' },
];
report(
  'filter by text or regex',
  await samples(
    textFilters.map((f) => ({ ...CASE, filters: [f] })),
    window,
  ),
);
// A column chosen from the events' EventData (JSON), filtered as any column.
const dataFilters: GridFilter[] = [
  { column: 'data.TokenElevationType', op: 'contains', text: '%%1937' },
  { column: 'data.LogonGuid', op: 'starts', text: '{00000000' },
  { column: 'data.TerminalSessionId', op: 'in', values: ['2'] },
  { column: 'data.Hashes', op: 'contains', text: 'SHA256=0' },
];
report(
  'filter on an EventData field',
  await samples(
    dataFilters.map((f) => ({ ...CASE, filters: [f] })),
    window,
  ),
);
const range: GridFilter = {
  column: 'time',
  op: 'range',
  from: '2026-02-10T00:00:00Z',
  to: '2026-02-12T00:00:00Z',
};
report('filter by a time range (two days)', await samples([{ ...CASE, filters: [range] }], window));

const sorts: GridView[] = ['user', 'host', 'event_id', 'command_line', 'ip'].map((c) => ({
  ...CASE,
  sort: { column: c },
}));
report('sort by a column, first 200 rows', await samples(sorts, window));
report(
  'sort, then jump to the middle (orders the view)',
  await samples(
    ['target', 'process'].map((c): GridView => ({ ...CASE, sort: { column: c, desc: true } })),
    (v) => window(v, Math.floor(total / 2)),
  ),
);

report(
  'group by a column (counts)',
  await samples(
    ['host', 'event_id', 'category', 'channel', 'user'].map((c): GridView => ({ ...CASE, groupBy: c })),
    (v) => call('eventGridGroups', { scope: v.scope, column: v.groupBy! }),
  ),
);
report(
  'values of a column for its filter list (counts)',
  await samples(
    ['host', 'channel', 'event_id', 'category', 'user', 'ip'].map((c): GridView => ({ ...CASE, groupBy: c })),
    (v) => call('eventGridValues', { scope: v.scope, column: v.groupBy!, limit: 200 }),
  ),
  'host, channel, event id, category, user, IP',
);

// Find in the view the user is looking at (ordered): text found among the next rows (a process, a host, a
// user, an app, all common in the bench case), then text found only by reading every event.
const findView: GridView = CASE;
const terms = ['svchost', 'WS0042', 'qtimmermans', 'Teams', 'lsass'];
const findTimes: number[] = [];
let from = Math.floor(total / 3);
for (const text of terms) {
  const [ms, r] = await timed(() => call('eventGridFind', { ...findView, text, from, direction: 'next' }));
  findTimes.push(ms);
  if (r.row !== null) from = r.row;
}
report('find next', findTimes, `terms ${terms.join(', ')}`);
// Text few events hold, its next match far from the row: from a fifth of the case, and then from that
// match to the next (what was read for the first is kept).
const rare = 'Administrators';
const findAll = async (text: string, start: number) => {
  let asks = 0;
  const [ms, r] = await timed(async () => {
    for (;;) {
      asks++;
      const found = await call('eventGridFind', { ...findView, text, from: start, direction: 'next' });
      if (found.progress === undefined) return found;
    }
  });
  return { ms, row: r.row, asks };
};
const farFrom = Math.floor(total / 5);
const far = await findAll(rare, farFrom);
const after = far.row === null ? null : await findAll(rare, far.row);
report(
  'find far: rare text, its next match far on',
  [far.ms, ...(after ? [after.ms] : [])],
  `${rare} from row ${farFrom}: row ${far.row} (${far.row === null ? '-' : far.row - farFrom} rows on), ` +
    `${far.asks} answers; then the next: row ${after?.row ?? '-'}`,
);
let asks = 0;
let slowest = 0;
const [scanMs] = await timed(async () => {
  for (;;) {
    asks++;
    const [ms, r] = await timed(() =>
      call('eventGridFind', { ...findView, text: 'no-such-text-anywhere', from: 0, direction: 'next' }),
    );
    slowest = Math.max(slowest, ms);
    if (r.progress === undefined) return;
  }
});
report(
  'find text that is nowhere (reads every event)',
  [scanMs],
  `${asks} answers, the slowest ${slowest.toFixed(0)} ms`,
);

// The other lists of events: a coverage cell, a finding's evidence, an account's events (first rows).
const findings = await call('listFindings', { sort: 'severity', desc: true, limit: 3 });
const account = (await call('listAccounts', {}))[0];
const scopes: GridView[] = [
  { scope: { kind: 'coverage', host: hosts[0]!, telemetry: '4624' } },
  { scope: { kind: 'coverage', host: 'Entra ID', telemetry: 'signin_noninteractive' } },
  ...findings.rows.map((f): GridView => ({ scope: { kind: 'finding', findingId: f.id } })),
  ...(account ? [{ scope: { kind: 'account' as const, key: account.key } }] : []),
];
report('open a coverage cell, a finding, an account', await samples(scopes, window));

// A user's pivot page (the entity scope): the busiest named accounts of the case, each a scope not seen
// before (its events found by the page's own query, then kept), then filters and sorts within one of them.
const named = (await call('eventGridValues', { ...CASE, column: 'user', limit: 40 })).values
  .map((v) => v.value)
  .filter(
    (v): v is string => typeof v === 'string' && /^[^\\]+\\[^$]+$/.test(v) && !/^NT AUTHORITY\\/i.test(v),
  )
  .slice(0, 3);
const userViews = named.map((key): GridView => ({ scope: { kind: 'entity', entity: 'user', key } }));
const userTotals: number[] = [];
report(
  "open a user's page timeline, first 200 rows",
  await samples(userViews, async (v) => userTotals.push((await window(v)).total)),
  `${named.join(', ')}: ${userTotals.join(', ')} events`,
);
// The page beside that timeline: the person's identities and what the case holds about them.
report(
  "open a user's pivot page (identities and summary)",
  await samples(
    named.map((key): GridView => ({ scope: { kind: 'entity', entity: 'user', key } })),
    (v) => call('entityPage', { kind: 'user', key: (v.scope as { key: string }).key }),
  ),
);
if (userViews[0]) {
  const user = userViews[0];
  const userFilters: GridFilter[] = [
    { column: 'role', op: 'in', values: ['target'] },
    { column: 'event_id', op: 'in', values: [4624, 4625] },
    { column: 'category', op: 'in', values: ['process'] },
    { column: 'command_line', op: 'contains', text: 'powershell' },
    { column: 'host', op: 'starts', text: 'WS' },
  ];
  report(
    "filter within a user's page (role, event id, category, text)",
    await samples(
      userFilters.map((f) => ({ ...user, filters: [f] })),
      window,
    ),
  );
  report(
    "sort within a user's page, first 200 rows",
    await samples(
      ['host', 'event_id', 'ip', 'command_line', 'role'].map((c): GridView => ({
        ...user,
        sort: { column: c },
      })),
      window,
    ),
  );
}

report(
  'column chooser: counts of every column and EventData field',
  await samples([CASE], (v) => call('eventGridColumns', { scope: v.scope })),
);
const [csvMs, chunk] = await timed(() =>
  call('eventGridExport', { ...CASE, columns: COLUMNS, format: 'csv', offset: 0, limit: 50_000 }),
);
report('export: 50,000 rows as CSV', [csvMs], `${(chunk.content.length / 1e6).toFixed(1)} MB`);
console.log(`  grid peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await service.close();
