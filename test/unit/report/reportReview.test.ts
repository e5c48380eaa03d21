// The HTML report a client reads: the responder's review of each finding (escaped like evidence), long
// evidence lists folded to their first rows and a count, each row naming the user, code and time, times in
// the case's display time zone, an aligned summary, and no local path unless asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzeReport, EvidenceRef, Finding } from '../../../shared/report.js';
import { EVIDENCE_SHOWN } from '../../../electron/engine/report/htmlFinding.js';
import { buildAnalyzeReport } from '../../../electron/engine/report/jsonReport.js';
import { caseReportFile } from '../../../electron/engine/usecases/caseReport.js';

const SHA = 'b'.repeat(64);
const EVIL = `<img src=x onerror=alert(1)>`;

const failure = (i: number): EvidenceRef => ({
  source: SHA,
  recordId: 1000 + i,
  eventId: 4625,
  time: `2026-03-10T02:${String(5 + i).padStart(2, '0')}:11.000000Z`,
  table: 'win_events',
  recordNo: i + 1,
  role: 'failure',
  user: `user${i}@contoso.example`,
  code: '0xc0000064',
});

const spray: Finding = {
  id: 'T1589-aaaa',
  analytic: 'T1589',
  title: 'Username enumeration from 203.0.113.77',
  severity: 'critical',
  confidence: 'high',
  first: '2026-03-10T02:05:11.000000Z',
  last: '2026-03-10T02:40:10.000000Z',
  hosts: ['DC01'],
  accounts: ['a', 'b'],
  actor: { sourceIp: '203.0.113.77' },
  explanation: 'Many usernames tried.',
  params: {},
  lineage: [],
  evidence: Array.from({ length: 30 }, (_, i) => failure(i)),
  details: {
    userAccountControl: { value: '0x15', flags: '%%2080 %%2082 %%2084' },
    users: ['a', 'b'],
  },
  review: {
    status: 'confirmed',
    statusAt: '2026-03-14T09:00:00.000000Z',
    statusBy: 'alice',
    tags: ['suspicious', EVIL],
    note: `Escalated. ${EVIL}`,
    bookmarked: true,
    updatedAt: '2026-03-14T09:00:00.000000Z',
  },
};

const quiet: Finding = {
  ...spray,
  id: 'AN1612-bbbb',
  analytic: 'AN1612',
  title: 'Account enumeration',
  severity: 'medium',
  evidence: [failure(0)],
  review: undefined,
};

function report(): AnalyzeReport {
  const r = buildAnalyzeReport(
    [
      {
        path: '/home/responder/cases/acme/evidence/DC01-Security.xml',
        sha256: SHA,
        format: 'windows-xml',
        events: 30,
        skipped: 0,
        errors: [],
      },
    ],
    [spray, quiet],
  );
  r.events = [
    {
      ref: { table: 'win_events', source: SHA, recordNo: 3 },
      tags: ['follow up'],
      note: EVIL,
      bookmarked: true,
      updatedAt: '2026-03-14T09:00:00.000000Z',
      time: '2026-03-10T02:07:11.000000Z',
      host: 'DC01',
      eventId: 4625,
      user: 'user2@contoso.example',
      code: '0xc0000064',
    },
  ];
  return r;
}

const SETTINGS = {
  params: {},
  allowlist: { accounts: [], tools: [], sourceIps: [], hosts: [] },
  timeZone: 'Asia/Tokyo',
  profile: 'default' as const,
};
const CTX = {
  casePath: '/home/responder/cases/acme/case.duckdb',
  settings: SETTINGS,
  now: new Date('2026-03-14T00:00:00Z'),
};

test('each finding shows its review, escaped; the summary counts statuses', () => {
  const html = caseReportFile('html', report(), CTX).content;
  assert.match(
    html,
    /<span class="status confirmed">confirmed<\/span> · set 2026-03-14 18:00:00 GMT\+9 by alice/,
  );
  assert.match(html, /<span class="tag">suspicious<\/span>/);
  assert.ok(html.includes('Escalated. &lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!html.includes(EVIL));
  assert.match(html, /★ bookmarked/);
  assert.match(html, /<span class="status new">not reviewed<\/span>/, 'an untouched finding says so');
  // The review summary: one not reviewed, one confirmed, in the columns of their headings.
  const review = /<th>review<\/th>(.*?)<\/tr>.*?<th>findings<\/th>(.*?)<\/tr>/s.exec(html)!;
  const heads = [...review[1]!.matchAll(/<th class="num">([^<]+)<\/th>/g)].map((m) => m[1]);
  const cells = [...review[2]!.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(heads, ['not reviewed', 'reviewed', 'false positive', 'confirmed']);
  assert.deepEqual(cells, ['1', '0', '0', '1']);
});

test('long evidence lists show their first rows with user, code and time, and fold the rest with a count', () => {
  const html = caseReportFile('html', report(), CTX).content;
  const section = html.slice(html.indexOf('id="finding-1"'), html.indexOf('id="finding-2"'));
  assert.match(section, /<h4>Evidence \(30 events\)<\/h4>/);
  const [shown, folded] = section.split('<details class="more">');
  assert.equal([...shown!.matchAll(/user\d+@contoso\.example/g)].length, EVIDENCE_SHOWN);
  assert.match(folded!, new RegExp(`^<summary>${30 - EVIDENCE_SHOWN} more evidence event\\(s\\)</summary>`));
  assert.equal([...folded!.matchAll(/user\d+@contoso\.example/g)].length, 30 - EVIDENCE_SHOWN);
  // 02:05:11 UTC is 11:05:11 in Tokyo; the heading names the zone once.
  assert.match(
    shown!,
    /<td class="nowrap">2026-03-10 11:05:11<\/td><td class="num">4625<\/td><td>user0@contoso\.example<\/td>\s*<td class="mono">0xc0000064<\/td>/,
  );
  assert.match(shown!, /<th>time \(Asia\/Tokyo\)<\/th>/);
  // A one-event finding has nothing to fold.
  const second = html.slice(html.indexOf('id="finding-2"'));
  assert.ok(!second.slice(0, second.indexOf('<h4>Evidence')).includes('more evidence'));
});

test('times follow the display time zone, details read as fields, tagged events are listed', () => {
  const html = caseReportFile('html', report(), CTX).content;
  assert.match(html, /generated 2026-03-14 09:00:00 GMT\+9/);
  assert.match(html, /times are in Asia\/Tokyo/);
  assert.match(html, /2026-03-10 11:05:11 GMT\+9 → 2026-03-10 11:40:10 GMT\+9/);
  assert.match(
    html,
    /<th>Account control flags \(UAC\)<\/th><td><ul><li>account disabled<\/li><li>password not required<\/li><li>normal account<\/li>/,
  );
  assert.match(html, /<h2 id="events">Tagged and bookmarked events<\/h2>/);
  const events = html.slice(html.indexOf('id="events"'));
  assert.match(events, /2026-03-10 11:07:11<\/td><td>DC01<\/td>/);
  assert.ok(events.includes('&lt;img src=x'));
  const utc = caseReportFile('html', report(), {
    ...CTX,
    settings: { ...SETTINGS, timeZone: 'UTC' },
  }).content;
  assert.match(utc, /2026-03-10 02:05:11 UTC → 2026-03-10 02:40:10 UTC/);
});

test('the summary puts every count under its heading, right-aligned', () => {
  const html = caseReportFile('html', report(), CTX).content;
  const table = /<table class="summary">(.*?)<\/table>/s.exec(html)![1]!;
  const heads = [...table.matchAll(/<th( class="num")?>([^<]+)<\/th>/g)].map((m) => [m[2], Boolean(m[1])]);
  assert.deepEqual(heads.slice(0, 6), [
    ['analytic', false],
    ['critical', true],
    ['high', true],
    ['medium', true],
    ['low', true],
    ['total', true],
  ]);
  for (const row of table.split('<tr>').slice(2)) {
    assert.equal([...row.matchAll(/<td class="num">/g)].length, 5, row);
  }
  assert.match(
    table,
    /<tfoot><tr><th>all findings<\/th><td class="num">1<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">2<\/td>/,
  );
});

test('no local path leaves the machine unless asked for, in any format', () => {
  for (const format of ['html', 'json', 'csv'] as const) {
    const content = caseReportFile(format, report(), CTX).content;
    assert.ok(!content.includes('/home/responder'), `${format} names a local folder`);
  }
  const html = caseReportFile('html', report(), CTX).content;
  assert.match(html, /Case case\.duckdb/);
  assert.match(html, /<td class="mono">DC01-Security\.xml<\/td>/);
  const full = caseReportFile('html', report(), { ...CTX, includePaths: true }).content;
  assert.match(full, /Case \/home\/responder\/cases\/acme\/case\.duckdb/);
  assert.match(full, /\/home\/responder\/cases\/acme\/evidence\/DC01-Security\.xml/);
  const json = JSON.parse(caseReportFile('json', report(), { ...CTX, includePaths: true }).content);
  assert.equal(json.sources[0].path, '/home/responder/cases/acme/evidence/DC01-Security.xml');
});

test('the CSV carries each finding’s review in its last columns', () => {
  const csv = renderCsv();
  const [head, first, second] = csv.slice(1).split('\r\n');
  assert.ok(
    head!.endsWith(',review_status,review_status_at,review_status_by,review_tags,review_note,bookmarked'),
  );
  assert.ok(
    first!.endsWith(
      `"confirmed","2026-03-14T09:00:00.000000Z","alice","suspicious; ${EVIL}","Escalated. ${EVIL}","yes"`,
    ),
  );
  assert.ok(second!.endsWith('"new","","","","",""'));
});

function renderCsv(): string {
  return caseReportFile('csv', report(), CTX).content;
}
