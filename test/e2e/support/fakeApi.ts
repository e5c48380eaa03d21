// A fake ApiClient over the hand-written case in fakeCase.ts, for looking at the UI while the engine is not
// ready. It answers every method of the contract with plausible shapes; it is a development aid, not a test
// of the engine.
import {
  ApiError,
  type ApiClient,
  type AccountSummary,
  type CaseTaskStatus,
  type Settings,
  type SigninSource,
} from '../../../shared/api.js';
import type { EventTriage, FindingReview } from '../../../shared/report.js';
import * as fake from './fakeCase.js';

const BUCKETS_DEFAULT = 120;

export function createFakeApi(): ApiClient {
  let settings: Settings = {
    params: { creationWindowSeconds: 300, minDistinctUsers: 15 },
    allowlist: {
      accounts: [{ value: 'CORP\\provision', reason: 'HR onboarding script (ticket CHG-1182)' }],
      tools: [],
      sourceIps: [],
      hosts: [],
    },
    timeZone: 'UTC',
    profile: 'default',
  };
  let polls = 0;
  let tagSet = ['suspicious', 'benign', 'reviewed', 'follow up'];
  const reviews = new Map<string, FindingReview>();
  const eventMarks = new Map<string, EventTriage>();
  const markKey = (r: EventTriage['ref']) => `${r.table}|${r.source}|${r.recordNo}`;
  const taskPolls = new Map<string, number>();
  const accounts: AccountSummary[] = [
    { ...fake.backdoorStory, findings: undefined } as unknown as AccountSummary,
    {
      key: 'corp\\svc-backup',
      display: 'CORP\\svc-backup',
      kinds: ['created'],
      hosts: ['DC01'],
      severity: 'low',
      findingIds: ['f-an1604-svc'],
      first: fake.at(-7200),
      last: fake.at(-7200),
    },
    {
      key: 'a.lee@corp.example',
      display: 'a.lee@corp.example',
      kinds: ['probed'],
      hosts: [],
      severity: 'critical',
      findingIds: ['f-t1589-entra'],
      first: fake.at(3600),
      last: fake.at(4300),
    },
    {
      key: 'domain admins',
      display: 'Domain Admins',
      kinds: ['enumerated'],
      hosts: ['WS01'],
      severity: 'medium',
      findingIds: ['f-an1612-ws01'],
      first: fake.at(-400),
      last: fake.at(-310),
    },
  ];

  return {
    caseInfo: async () => ({
      path: '/cases/client-2026-03.duckdb',
      sources: fake.sources,
      counts: { winEvents: 57943, signins: 4120, audits: 0, findings: fake.findings.length },
      first: fake.at(-7200),
      last: fake.at(7260),
      hosts: ['WS01', 'WS02', 'DC01'],
      analyzedAt: fake.at(9000),
    }),
    startImport: async () => ((polls = 0), { importId: 'imp-1' }),
    importStatus: async ({ importId }) => {
      polls++;
      const fraction = Math.min(1, polls / 6);
      return {
        importId,
        state: fraction < 1 ? 'running' : 'done',
        files: fake.sources.map((s, i) => {
          const f = Math.max(0, Math.min(1, fraction * 1.6 - i * 0.2));
          return {
            path: s.path,
            size: s.size ?? 0,
            bytesRead: Math.round((s.size ?? 0) * f),
            events: Math.round(s.events * f),
            eventsPerSec: 48000,
            bytesPerSec: 70e6,
            state: f >= 1 ? 'done' : f > 0 ? 'reading' : 'queued',
            summary: f >= 1 ? s : undefined,
          };
        }),
      };
    },
    cancelImport: async () => ({ cancelled: true }),
    analyze: async () => ({ findings: fake.findings.length, elapsedMs: 1240 }),
    listFindings: async (q) => {
      let rows = fake.findings.filter(
        (f) =>
          (!q.analytic || q.analytic.includes(f.analytic)) &&
          (!q.severity || q.severity.includes(f.severity)),
      );
      if (q.text) rows = rows.filter((f) => JSON.stringify(f).toLowerCase().includes(q.text!.toLowerCase()));
      rows = rows.map((f) => (reviews.has(f.id) ? { ...f, review: reviews.get(f.id) } : f));
      if (q.bookmarked) rows = rows.filter((f) => f.review?.bookmarked);
      return { total: rows.length, rows: rows.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 100)) };
    },
    getFinding: async ({ id }) => {
      const f = fake.findings.find((x) => x.id === id);
      if (!f) throw new ApiError('NOT_FOUND', `no finding ${id}`);
      return f;
    },
    rawEvent: async (ref) => ({
      ...ref,
      sourcePath: '/evidence/WS01/Security.xml',
      format: ref.table === 'signins' ? 'json' : 'xml',
      text:
        ref.table === 'signins'
          ? '{"createdDateTime":"2026-03-14T10:12:03Z","userPrincipalName":"user1@corp.example","ipAddress":"203.0.113.50","status":{"errorCode":50034}}'
          : '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>4688</EventID><Computer>WS01</Computer></System>\n<EventData><Data Name="CommandLine">cmd /c echo &lt;img src=x onerror=alert(1)&gt;</Data></EventData></Event>',
    }),
    listAccounts: async () => accounts,
    accountStory: async ({ key }) => {
      if (key === fake.backdoorStory.key) return fake.backdoorStory;
      const a = accounts.find((x) => x.key === key);
      if (!a) throw new ApiError('NOT_FOUND', `no account ${key}`);
      return {
        ...a,
        findings: fake.findings.filter((f) => a.findingIds.includes(f.id)),
        lineage: [],
        events: [],
      };
    },
    timeline: async ({ from, to, buckets }) => {
      const lo = from ? Date.parse(from) : Date.parse(fake.at(-7200));
      const hi = to ? Date.parse(to) : Date.parse(fake.at(7260));
      const n = buckets ?? BUCKETS_DEFAULT;
      const step = Math.max(1, Math.ceil((hi - lo) / n / 1000));
      const count = Math.ceil((hi - lo) / 1000 / step);
      return {
        from: new Date(lo).toISOString(),
        to: new Date(hi).toISOString(),
        bucketSeconds: step,
        categories: fake.timelineCategories,
        buckets: Array.from({ length: count }, (_, i) => ({
          t: new Date(lo + i * step * 1000).toISOString(),
          counts: fake.bucketCounts(Math.floor(((lo - Date.parse(fake.at(-7200))) / 1000 + i * step) / 120)),
        })),
        markers: fake.findings
          .filter((f) => Date.parse(f.first) >= lo && Date.parse(f.first) <= hi)
          .map((f) => ({
            time: f.first,
            findingId: f.id,
            analytic: f.analytic,
            severity: f.severity,
            title: f.title,
          })),
      };
    },
    timelineEvents: async ({ from, offset, limit }) => {
      const total = 240;
      const start = offset ?? 0;
      const rows = Array.from({ length: Math.max(0, Math.min(limit ?? 50, total - start)) }, (_, i) =>
        fake.timelineEvent(start + i, Date.parse(from)),
      );
      return { total, rows };
    },
    signinSources: async (): Promise<SigninSource[]> => [
      fake.signinDetail,
      {
        ip: '198.51.100.23',
        failures: 40,
        distinctUsers: 18,
        first: fake.at(4000),
        last: fake.at(6000),
        errorCodes: { '50126': 30, '50053': 10 },
        allowlisted: false,
      },
      {
        ip: '10.0.9.15',
        failures: 22,
        distinctUsers: 16,
        first: fake.at(-3000),
        last: fake.at(-2000),
        errorCodes: { '50055': 22 },
        allowlisted: true,
      },
    ],
    signinSource: async ({ ip }) =>
      ip === fake.signinDetail.ip
        ? fake.signinDetail
        : { ...fake.signinDetail, ip, users: fake.signinDetail.users.slice(1, 5) },
    analytics: async () => fake.analytics,
    analyticSql: async () => fake.analyticSql,
    paramSpecs: async () => fake.analyticSql.flatMap((a) => a.params),
    runSql: async ({ sql }) => {
      if (/drop|delete|insert/i.test(sql))
        throw new ApiError('READ_ONLY', 'the SQL console is read-only: only SELECT and WITH are allowed');
      return {
        columns: ['host', 'time', 'new_account', 'image', 'command_line'],
        rows: [
          {
            host: 'WS01',
            time: fake.at(0),
            new_account: 'backdoor',
            image: 'C:\\Windows\\System32\\net1.exe',
            command_line: 'C:\\Windows\\system32\\net1  user backdoor P@ss /add',
          },
          { host: 'DC01', time: fake.at(-7200), new_account: 'svc-backup', image: null, command_line: null },
        ],
        truncated: false,
        elapsedMs: 38,
      };
    },
    getSettings: async () => settings,
    setSettings: async (next) => (settings = next),
    exportReport: async ({ format }) => ({
      filename: `accountscope-report.${format}`,
      mime: format === 'html' ? 'text/html' : format === 'json' ? 'application/json' : 'text/csv',
      content: format === 'html' ? '<!doctype html><title>Report</title><h1>backdoor</h1>' : '{}',
    }),
    openCase: async () => {
      throw new ApiError('NOT_FOUND', 'no such case file');
    },
    saveCaseAs: async ({ path }) => ({ path }),
    newCase: async () => {
      throw new ApiError('BAD_REQUEST', 'the fake case cannot start a new one');
    },
    // The Coverage screen is looked at against the real engine (test/e2e/coverage.test.ts).
    coverage: async () => [],
    coverageEvents: async () => ({ total: 0, rows: [] }),
    // Triage is looked at against the real engine (test/e2e/triage.test.ts); these keep it in memory.
    triageTags: async () => tagSet,
    setTriageTags: async ({ tags }) => (tagSet = tags),
    setFindingReview: async ({ id, ...change }) => {
      const old = reviews.get(id) ?? { status: 'new', tags: [], note: '', bookmarked: false, updatedAt: '' };
      const next = { ...old, ...change, updatedAt: new Date().toISOString() };
      reviews.set(id, next);
      return next;
    },
    eventTriage: async ({ refs }) => refs.flatMap((r) => eventMarks.get(markKey(r)) ?? []),
    setEventTriage: async ({ ref, ...change }) => {
      const old = eventMarks.get(markKey(ref));
      const next: EventTriage = {
        ref,
        tags: change.tags ?? old?.tags ?? [],
        note: change.note ?? old?.note ?? '',
        bookmarked: change.bookmarked ?? old?.bookmarked ?? false,
        updatedAt: new Date().toISOString(),
      };
      eventMarks.set(markKey(ref), next);
      return next;
    },
    allowlistFromFinding: async ({ id }) => ({
      finding: fake.findings.find((f) => f.id === id) ?? null,
      findings: fake.findings.length,
      settings,
    }),
    // Pivot pages and process trees too (test/e2e/pivots.test.ts).
    entityPage: async () => {
      throw new ApiError('NOT_AVAILABLE', 'pivot pages are shown against the real engine');
    },
    entityEvents: async () => ({ total: 0, rows: [] }),
    processTree: async () => {
      throw new ApiError('NOT_AVAILABLE', 'process trees are shown against the real engine');
    },
    processChildren: async () => [],
    // The grid over the fake timeline's 240 events: unfiltered and in time order, enough to look at it;
    // the bookmarks are those of its events bookmarked in the raw viewer.
    eventGrid: async ({ scope, columns, offset, limit }) => {
      const from = Date.parse(fake.at(-7200));
      const marked = [...eventMarks.values()].filter((m) => m.bookmarked).map((m) => m.ref.recordNo - 100);
      const numbers =
        scope.kind === 'bookmarks' ? marked.sort((a, b) => a - b) : Array.from({ length: 240 }, (_, i) => i);
      const total = numbers.length;
      const rows = numbers.slice(offset, offset + limit).map((n) => {
        const ev = fake.timelineEvent(n, from);
        const mark = eventMarks.get(markKey(ev));
        const cell: Record<string, string | number | null> = {
          time: ev.time,
          host: ev.host,
          category: ev.category,
          event_id: ev.eventId,
          summary: ev.summary,
          tags: mark?.tags.join(', ') || null,
          note: mark?.note || null,
        };
        return {
          ref: { table: ev.table, source: ev.source, recordNo: ev.recordNo },
          cells: columns.map((c) => cell[c] ?? null),
        };
      });
      return { total, offset, rows };
    },
    eventGridGroups: async () => ({
      total: 240,
      groups: [
        { value: 'WS01', count: 160 },
        { value: 'WS02', count: 80 },
      ],
      truncated: false,
    }),
    eventGridFind: async ({ from }) => ({ row: (from + 1) % 240, wrapped: false }),
    eventGridValues: async () => ({
      values: [
        { value: 'WS01', count: 160 },
        { value: 'WS02', count: 80 },
      ],
      truncated: false,
    }),
    eventGridColumns: async () => ({
      total: 240,
      columns: [
        { id: 'host', count: 240 },
        { id: 'event_id', count: 240 },
      ],
      dataFields: [{ id: 'data.TokenElevationType', count: 180 }],
    }),
    eventGridExport: async ({ offset }) => ({
      content: offset === 0 ? 'Time (UTC)\r\n' : '',
      rows: 0,
      total: 240,
      filename: 'accountscope-events-case.csv',
      mime: 'text/csv',
    }),
    startCaseTask: async (req) => {
      taskPolls.set(`task-${req.kind}`, 0);
      return { taskId: `task-${req.kind}` };
    },
    // A task runs for a few polls (its bar moving), then ends with a result like the engine's.
    caseTaskStatus: async ({ taskId }) => {
      const kind = /^task-(merge|parquet|timesketch)$/.exec(taskId)?.[1] as
        CaseTaskStatus['kind'] | undefined;
      if (!kind) throw new ApiError('NOT_FOUND', `task ${taskId} was not found in this case`);
      const polls = (taskPolls.get(taskId) ?? 0) + 1;
      taskPolls.set(taskId, polls);
      const total = 1_234_567;
      const running = polls < 8;
      const status: CaseTaskStatus = {
        taskId,
        kind,
        state: running ? 'running' : 'done',
        step: kind === 'merge' ? 'win_events from /cases/analyst-b.duckdb' : 'table win_events',
        done: running ? Math.round((total * polls) / 8) : total,
        total,
      };
      if (running) return status;
      if (kind === 'merge') status.merge = fake.mergeSummary;
      else if (kind === 'parquet')
        status.parquet = { dir: '/exports/client-2026-03', tables: 11, rows: total };
      else
        status.timesketch = { file: '/exports/client-2026-03.jsonl', lines: total, bytes: 1.5e9, untimed: 0 };
      return status;
    },
  };
}
