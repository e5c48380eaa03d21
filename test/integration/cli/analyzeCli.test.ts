import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzeReport } from '../../../shared/report.js';
import { analyticModules } from '../../../electron/engine/analytics/index.js';
import { NEEDS_SHARED, projectRoot, realLogsDir, tempDir } from '../../support/paths.js';

/** Every registered analytic, in run order: a report lists exactly these. */
const ANALYTIC_IDS = analyticModules().map((m) => m.id);

const cli = join(projectRoot, 'bin', 'accountscope.js');
const run = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: projectRoot });
const enumXml = join(
  realLogsDir,
  'sbousseaden__EVTX-ATTACK-SAMPLES/Discovery/discovery_local_user_or_group_windows_security_4799_4798.xml',
);
const newUserXml = join(realLogsDir, 'sans-blue-team__DeepBlueCLI/evtx/new-user-security.xml');

test(
  'analyze writes the JSON contract, a self-contained HTML report and a CSV',
  { skip: NEEDS_SHARED },
  () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = { json: join(dir, 'r.json'), html: join(dir, 'r.html'), csv: join(dir, 'r.csv') };
      const r = run([
        'analyze',
        enumXml,
        newUserXml,
        '--json',
        out.json,
        '--html',
        out.html,
        '--csv',
        out.csv,
      ]);
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(readFileSync(out.json, 'utf8')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(report).slice(0, 4), ['tool', 'sources', 'findings', 'analytics']);
      assert.deepEqual(
        (report['analytics'] as Array<{ id: string }>).map((a) => a.id),
        ANALYTIC_IDS,
      );
      assert.equal((report['tool'] as { name: string }).name, 'accountscope');
      const sources = report['sources'] as Array<Record<string, unknown>>;
      assert.equal(sources.length, 2);
      const findings = report['findings'] as Array<Record<string, unknown>>;
      assert.ok(findings.length >= 2);
      const shas = new Set(sources.map((s) => s['sha256']));
      for (const f of findings) {
        for (const k of [
          'id',
          'analytic',
          'title',
          'severity',
          'confidence',
          'first',
          'last',
          'hosts',
          'accounts',
        ]) {
          assert.ok(k in f, `finding lacks ${k}`);
        }
        for (const k of ['actor', 'explanation', 'params', 'lineage', 'evidence'])
          assert.ok(k in f, `finding lacks ${k}`);
        assert.ok(ANALYTIC_IDS.includes(String(f['analytic'])));
        assert.ok(['low', 'medium', 'high', 'critical'].includes(String(f['severity'])));
        assert.match(String(f['first']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        for (const e of f['evidence'] as Array<Record<string, unknown>>) {
          assert.ok(shas.has(e['source']), 'evidence names a listed source by its SHA-256');
        }
      }
      const created = findings.find((f) => f['analytic'] === 'AN1604')!;
      assert.ok((created['accounts'] as string[]).some((a) => /IEUser/.test(a)));
      const html = readFileSync(out.html, 'utf8');
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.doesNotMatch(html, /<script|<link|src=["']?https?:|href=["']?https?:|@import/i);
      assert.match(html, /IEUser/);
      const csv = readFileSync(out.csv, 'utf8').split(/\r?\n/);
      assert.ok(csv.length >= findings.length + 1);
    } finally {
      cleanup();
    }
  },
);

test(
  'analyze: --param and --allowlist are applied and recorded; bad ones are usage errors',
  { skip: NEEDS_SHARED },
  () => {
    const { dir, cleanup } = tempDir();
    try {
      const allow = join(dir, 'allow.json');
      writeFileSync(allow, JSON.stringify({ hosts: [{ value: 'MSEDGEWIN10', reason: 'lab machine' }] }));
      const json = join(dir, 'r.json');
      const r = run(['analyze', enumXml, '--json', json, '--allowlist', allow]);
      assert.equal(r.status, 0, r.stderr);
      const findings = (
        JSON.parse(readFileSync(json, 'utf8')) as { findings: Array<Record<string, unknown>> }
      ).findings;
      const enumeration = findings.find((f) => f['analytic'] === 'AN1612')!;
      assert.equal(enumeration['severity'], 'low', 'an allowlisted finding is lowered, not dropped');
      assert.ok(enumeration['allowlisted']);

      assert.equal(run(['analyze', enumXml, '--json', json, '--param', 'no_such_param=3']).status, 2);
      writeFileSync(allow, '{"hosts": "not a list"}');
      assert.equal(run(['analyze', enumXml, '--json', json, '--allowlist', allow]).status, 2);
      assert.equal(run(['analyze', enumXml]).status, 2, 'no output named');
    } finally {
      cleanup();
    }
  },
);

test(
  'a password-guessing finding reaches the JSON, HTML and CSV reports and every coverage verdict, through the registry alone',
  { skip: NEEDS_SHARED },
  () => {
    const { dir, cleanup } = tempDir();
    try {
      const guessing = join(
        realLogsDir,
        'sans-blue-team__DeepBlueCLI/evtx/smb-password-guessing-security.evtx',
      );
      const out = { json: join(dir, 'r.json'), html: join(dir, 'r.html'), csv: join(dir, 'r.csv') };
      const r = run(['analyze', guessing, '--json', out.json, '--html', out.html, '--csv', out.csv]);
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(readFileSync(out.json, 'utf8')) as AnalyzeReport;
      const info = report.analytics!.find((a) => a.id === 'T1110_001');
      assert.equal(info?.name, 'Password guessing');
      assert.equal(info?.attack, 'T1110.001 Brute Force: Password Guessing');
      const [f, ...rest] = report.findings;
      assert.equal(rest.length, 0);
      assert.equal(f!.analytic, 'T1110_001');
      assert.equal(f!.severity, 'high');
      assert.ok((f!.triage ?? []).length === 3, 'the report carries its triage steps');
      const host = report.coverage!.find((h) => h.host === 'DESKTOP-M5SN04R')!;
      assert.deepEqual(Object.keys(host.analytics), ANALYTIC_IDS);
      assert.equal(host.analytics['T1110_001']!.state, 'partial', 'failures but no 4624 in the recording');
      const html = readFileSync(out.html, 'utf8');
      assert.ok(html.includes('Password guessing against Administrator from 192.168.198.149'));
      assert.match(html, /T1110_001/);
      assert.match(html, /4625 failures but no successful logon/);
      const csv = readFileSync(out.csv, 'utf8').split(/\r?\n/);
      assert.ok(
        csv.some((l) => l.includes('T1110_001') && l.includes('Administrator') && l.includes('high')),
      );
    } finally {
      cleanup();
    }
  },
);

test(
  'a password spray seen from its source host reaches the JSON, HTML and CSV reports and every coverage verdict, through the registry alone',
  { skip: NEEDS_SHARED },
  () => {
    const { dir, cleanup } = tempDir();
    try {
      const spray = join(realLogsDir, 'sans-blue-team__DeepBlueCLI/evtx/password-spray.evtx');
      const out = { json: join(dir, 'r.json'), html: join(dir, 'r.html'), csv: join(dir, 'r.csv') };
      const r = run(['analyze', spray, '--json', out.json, '--html', out.html, '--csv', out.csv]);
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(readFileSync(out.json, 'utf8')) as AnalyzeReport;
      const info = report.analytics!.find((a) => a.id === 'T1110_003');
      assert.equal(info?.name, 'Password spraying');
      assert.equal(info?.attack, 'T1110.003 Brute Force: Password Spraying');
      const [f, ...rest] = report.findings;
      assert.equal(rest.length, 0);
      assert.equal(f!.analytic, 'T1110_003');
      assert.equal(f!.severity, 'high', '41 accounts: at least t1110_003_high_accounts');
      assert.equal(f!.accounts.length, 41);
      assert.deepEqual(f!.actor, { user: 'DESKTOP-JR78RLP\\jwrig', logonId: '0x3069d' });
      assert.equal(f!.first, '2019-04-30T19:27:02.847284Z');
      assert.equal(f!.last, '2019-04-30T19:32:17.474995Z');
      assert.equal(f!.evidence.length, 294);
      assert.ok((f!.triage ?? []).length === 4, 'the report carries its triage steps');
      assert.match(
        f!.triage![3]!.answer!,
        /the Security log was cleared at 2019-04-30 19:27:00 UTC by DESKTOP-JR78RLP\\jwrig/,
      );
      const host = report.coverage!.find((h) => h.host === 'DESKTOP-JR78RLP')!;
      assert.deepEqual(Object.keys(host.analytics), ANALYTIC_IDS);
      assert.equal(host.telemetry['4648'], 294);
      assert.equal(host.analytics['T1110_003']!.state, 'partial', '4648 but no process creation');
      const html = readFileSync(out.html, 'utf8');
      assert.ok(
        html.includes(
          'Password spraying of 41 accounts from DESKTOP-JR78RLP (DESKTOP-JR78RLP\\jwrig) against 172.16.144.128 port 445 (SMB)',
        ),
      );
      assert.match(html, /T1110_003/);
      assert.match(html, /4648 present but no process creation/);
      const csv = readFileSync(out.csv, 'utf8').split(/\r?\n/);
      assert.ok(csv.some((l) => l.includes('T1110_003') && l.includes('jwrig') && l.includes('high')));
    } finally {
      cleanup();
    }
  },
);
