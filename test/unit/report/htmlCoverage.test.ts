// The HTML report's coverage section and triage lists: present, readable without colour, and as hostile-
// proof as the rest of the report (a host name or a clearing account is attacker-chosen text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, HostCoverage } from '../../../shared/report.js';
import { telemetryState } from '../../../shared/coverageTelemetry.js';
import { renderHtmlReport } from '../../../electron/engine/report/htmlReport.js';
import { buildAnalyzeReport } from '../../../electron/engine/report/jsonReport.js';

const EVIL = `<img src=x onerror=alert(1)>"'&`;

const windowsHost: HostCoverage = {
  host: `WS-${EVIL}`,
  kind: 'windows',
  first: '2024-03-04T00:00:00.000000Z',
  last: '2024-03-06T00:00:00.000000Z',
  events: 900,
  activeHours: 40,
  telemetry: { '4688': 10, '4688_cmdline': 2, '4688_no_cmdline': 8, '4624': 300, '4720': 1, log_cleared: 1 },
  telemetryHours: {
    '4688': 2,
    '4688_cmdline': 1,
    '4688_no_cmdline': 2,
    '4624': 38,
    '4720': 1,
    log_cleared: 1,
  },
  gaps: [{ from: '2024-03-05T10:00:00.000000Z', to: '2024-03-05T13:06:00.000000Z', seconds: 11160 }],
  logCleared: [
    {
      time: '2024-03-05T19:44:10.000000Z',
      eventId: 1102,
      user: `CORP\\${EVIL}`,
      channel: 'Security',
      source: 'a'.repeat(64),
      recordNo: 1,
    },
  ],
  analytics: {
    AN1612: {
      state: 'partial',
      reason: '4688 without command lines: enumeration commands cannot be recognised',
    },
    AN1604: { state: 'partial', reason: `4720 present but no process creation ${EVIL}` },
    AN1235: {
      state: 'blind',
      reason: 'no process creation (4688 or Sysmon 1): nothing can be seen preceding a 4720',
    },
    T1589: { state: 'blind', reason: 'no logon or authentication events' },
  },
};

const finding: Finding = {
  id: 'f1',
  analytic: 'AN1604',
  title: 'Account created',
  severity: 'high',
  confidence: 'high',
  first: '2024-03-05T10:01:06Z',
  last: '2024-03-05T10:01:06Z',
  hosts: ['WS01'],
  accounts: ['WS01\\backdoor'],
  actor: { user: 'CORP\\jdoe' },
  explanation: 'created',
  params: {},
  lineage: [],
  evidence: [],
  triage: [
    { text: `Check the groups ${EVIL} was added to`, answer: `added to ${EVIL}`, status: 'attention' },
    { text: 'Confirm the process chain', answer: 'WS01 logs no process creation', status: 'unknown' },
    { text: 'Confirm the creator' },
  ],
};

function render(coverage: HostCoverage[] | undefined): string {
  return renderHtmlReport(buildAnalyzeReport([], [finding], coverage), {
    casePath: '/cases/x.duckdb',
    generatedAt: '2024-03-06T00:00:00Z',
    timeZone: 'UTC',
    params: {},
    allowlist: { accounts: [], tools: [], sourceIps: [], hosts: [] },
  });
}

test('the coverage section shows telemetry, spans, gaps, clears and verdicts in words', () => {
  const out = render([windowsHost]);
  assert.match(out, /<h2 id="coverage">Telemetry coverage and blind spots<\/h2>/);
  // Cells carry their state in text as well as in colour.
  assert.match(out, /<td class="cell present" title="present">300<\/td>/);
  assert.match(
    out,
    /<td class="cell thin" title="only 2 of 10 process creations carry a command line">2 \(thin\)<\/td>/,
  );
  assert.match(out, /<td class="cell absent" title="absent">none<\/td>/);
  assert.match(out, /1 gap\(s\), 3\.1 h silent in all; 2024-03-05 10:00:00 → 13:06:00 \(3\.1 h\)/);
  assert.match(out, /<span class="state blind">blind<\/span>/);
  assert.match(out, /nothing can be seen preceding a 4720/);
  assert.match(out, /win_events:a{64}:1/);
  assert.match(out, /No Entra ID sign-ins or audits in the case/);
});

test('every value from evidence is escaped in the coverage section and the triage list', () => {
  const out = render([windowsHost]);
  assert.doesNotMatch(out, /<img/);
  assert.doesNotMatch(out, /<script/i);
  assert.ok(out.includes('WS-&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;'));
  assert.ok(out.includes('CORP\\&lt;img src=x onerror=alert(1)&gt;'));
  assert.match(out, /<h4>Next steps<\/h4><ol class="triage">/);
  assert.match(out, /<span class="status attention">needs attention<\/span>/);
  assert.match(out, /<span class="status unknown">the logs cannot say<\/span>/);
});

test('a report built without coverage has no coverage section', () => {
  assert.doesNotMatch(render(undefined), /id="coverage"/);
});

test('thin: continuous telemetry in under a quarter of the active hours, or mostly without command lines', () => {
  assert.equal(telemetryState(windowsHost, '4624'), 'present');
  assert.equal(telemetryState(windowsHost, '4688'), 'thin'); // 2 of 40 hours
  assert.equal(telemetryState(windowsHost, '4688_cmdline'), 'thin'); // 2 of 10
  assert.equal(telemetryState(windowsHost, '4720'), 'present'); // event-driven: never thin
  assert.equal(telemetryState(windowsHost, 'sysmon_1'), 'absent');
  // A recording a few hours long is too short to call anything thin.
  assert.equal(telemetryState({ ...windowsHost, activeHours: 3 }, '4688'), 'present');
  assert.equal(telemetryState({ ...windowsHost, activeHours: 3 }, '4688_cmdline'), 'thin'); // command lines still
});
