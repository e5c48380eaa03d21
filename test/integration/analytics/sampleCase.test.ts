// The bundled sample case (sample-logs/) gives exactly sample-logs/expected-findings.json with default
// parameters and sample-logs/allowlist.json: every expected finding is found once, nothing else is found
// (except the entries the file lists as tolerated), and nothing listed as absent appears.
//
// How an expected entry matches a finding: same analytic; `host` is one of the finding's hosts (by first
// label); `sourceIp` is the actor's source IP; `actorUser` is the actor; `accounts` are the finding's
// accounts compared by account name (the file writes `backdoor` for WS01\backdoor); same severity;
// `allowlisted` true exactly when the finding was lowered by the allowlist; `first` within 10 s (the file
// gives the second of the story's anchor event; an AN1235 finding begins at its process, a few seconds
// before the 4720 the file names); and the details the file states (link, tie, counts, remote host …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Allowlist, Finding } from '../../../shared/report.js';
import { accountStory, runAnalytics } from '../../../electron/engine/analytics/index.js';
import { sampleLogsDir } from '../../support/paths.js';
import { detail } from '../../support/runOnCase.js';
import { importIntoMemoryCase } from '../../support/importCase.js';

interface ExpectedFinding {
  analytic: string;
  host?: string;
  sourceIp?: string;
  actorUser?: string;
  accounts?: string[];
  severity: string;
  allowlisted?: boolean;
  first?: string;
  story: string;
  details?: Record<string, unknown>;
}

const expectedPath = join(sampleLogsDir, 'expected-findings.json');
const present = existsSync(expectedPath);

const namePart = (s: string) => s.slice(s.lastIndexOf('\\') + 1).toLowerCase();
const sameHost = (a: string, b: string) => a.toLowerCase().split('.')[0] === b.toLowerCase().split('.')[0];

/** The details an expected entry states, checked against the finding's own details. */
function detailMismatch(e: ExpectedFinding, f: Finding): string | null {
  const want = e.details ?? {};
  const d = (path: string) => detail(f, path);
  const checks: Array<[unknown, unknown, string]> = [];
  if ('tie' in want) checks.push([d('tie'), want['tie'], 'tie']);
  if ('link' in want) checks.push([d('link.method'), want['link'], 'link']);
  if ('local' in want) checks.push([d('account.local'), want['local'], 'local']);
  if ('creatorLogonId' in want) checks.push([f.actor.logonId, want['creatorLogonId'], 'creator logon']);
  if ('logonId' in want) checks.push([f.actor.logonId, want['logonId'], 'logon']);
  if (typeof want['session'] === 'object' && want['session']) {
    const s = want['session'] as Record<string, unknown>;
    for (const k of ['logonType', 'ip', 'workstation'])
      if (k in s) checks.push([d(`session.${k}`), s[k], `session ${k}`]);
  }
  if (want['session'] === 'unknown (cleared)') checks.push([d('session') ?? null, null, 'session']);
  if ('crossHostLineage' in want) {
    const c = want['crossHostLineage'] as { host: string };
    checks.push([sameHost(String(d('remote.host') ?? ''), c.host), true, 'remote host']);
  }
  if ('groupAdd' in want) {
    const g = want['groupAdd'] as { group: string };
    checks.push([(d('privilegedGroups') as string[]).includes(g.group), true, 'privileged group']);
  }
  if ('distinctUsernames' in want) checks.push([d('distinctUsers'), want['distinctUsernames'], 'distinct']);
  if ('distinctTargets' in want) checks.push([d('distinctUsers'), want['distinctTargets'], 'targets']);
  if ('notFoundFailures' in want) checks.push([d('notFoundCount'), want['notFoundFailures'], 'not found']);
  if ('errorCodes' in want) checks.push([String(d('errorCodes')), String(want['errorCodes']), 'codes']);
  if ('app' in want)
    checks.push([(d('apps') as string[] | undefined)?.includes(String(want['app'])), true, 'app']);
  if ('sourceIp' in want) checks.push([f.actor.sourceIp, want['sourceIp'], 'source ip']);
  if ('sourceWorkstation' in want)
    checks.push([d('sourceWorkstation'), want['sourceWorkstation'], 'source workstation']);
  if ('artifact' in want) {
    checks.push([
      (d('artifacts') as Array<{ path: string }>).some((a) => a.path === want['artifact']),
      true,
      'artifact',
    ]);
  }
  if ('confidence' in want) checks.push([f.confidence, want['confidence'], 'confidence']);
  if ('source' in want) {
    const kind = { 'entra-signins': 'entra-signin', 'entra-sspr': 'entra-sspr', windows: 'windows-ip' }[
      String(want['source'])
    ];
    checks.push([d('source'), kind, 'source']);
  }
  const bad = checks.find(([got, exp]) => got !== exp);
  return bad ? `${bad[2]}: ${JSON.stringify(bad[0])} ≠ ${JSON.stringify(bad[1])}` : null;
}

function mismatch(e: ExpectedFinding, f: Finding): string | null {
  if (f.analytic !== e.analytic) return 'analytic';
  if (e.host && !f.hosts.some((h) => sameHost(h, e.host!))) return `host ${f.hosts}`;
  if (e.sourceIp && f.actor.sourceIp !== e.sourceIp && detail(f, 'sourceIp') !== e.sourceIp) return 'source';
  if (e.actorUser && (f.actor.user ?? '').toLowerCase() !== e.actorUser.toLowerCase())
    return `actor ${f.actor.user}`;
  if (e.accounts) {
    const got = [...new Set(f.accounts.map(namePart))].sort();
    const want = [...new Set(e.accounts.map(namePart))].sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) return `accounts ${got.slice(0, 8)}`;
  }
  if (f.severity !== e.severity) return `severity ${f.severity}`;
  if (Boolean(f.allowlisted) !== Boolean(e.allowlisted)) return `allowlisted ${Boolean(f.allowlisted)}`;
  if (e.first && Math.abs(Date.parse(f.first) - Date.parse(e.first)) > 10_000) return `first ${f.first}`;
  return detailMismatch(e, f);
}

test(
  'the sample case gives exactly sample-logs/expected-findings.json',
  { skip: !present && 'sample-logs/ not written yet' },
  async (t) => {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as {
      findings: ExpectedFinding[];
      absent: Array<{ analytic: string; host?: string; sourceIp?: string; why: string }>;
      tolerated: ExpectedFinding[];
    };
    const allowlist = JSON.parse(readFileSync(join(sampleLogsDir, 'allowlist.json'), 'utf8')) as Allowlist;
    const { db } = await importIntoMemoryCase([join(sampleLogsDir, 'evidence')]);
    try {
      const findings = await runAnalytics(db.conn, { allowlist });
      const unclaimed = new Set(findings);
      for (const e of expected.findings) {
        const matches = findings.filter((f) => unclaimed.has(f) && mismatch(e, f) === null);
        const near = findings
          .filter((f) => f.analytic === e.analytic && (!e.host || f.hosts.some((h) => sameHost(h, e.host!))))
          .map((f) => mismatch(e, f));
        assert.ok(
          matches.length >= 1,
          `not found: ${e.analytic} ${e.story} (${e.host ?? e.sourceIp}); near misses: ${near.join(' / ')}`,
        );
        unclaimed.delete(matches[0]!);
      }
      for (const tol of expected.tolerated) {
        for (const f of [...unclaimed])
          if (mismatch({ ...tol, accounts: undefined }, f) === null) unclaimed.delete(f);
      }
      assert.deepEqual(
        [...unclaimed].map(
          (f) =>
            `${f.analytic} ${f.severity} ${f.hosts} ${f.actor.user ?? f.actor.sourceIp}: ${f.explanation}`,
        ),
        [],
        'every finding is expected or tolerated',
      );
      for (const a of expected.absent) {
        const hit = findings.find(
          (f) =>
            f.analytic === a.analytic &&
            (!a.host || f.hosts.some((h) => sameHost(h, a.host!))) &&
            (!a.sourceIp || f.actor.sourceIp === a.sourceIp),
        );
        assert.equal(hit, undefined, `should be absent (${a.why})`);
      }
      t.diagnostic(
        `${findings.length} findings: ${expected.findings.length} expected, ${findings.length - expected.findings.length} tolerated`,
      );

      // The story the design describes: backdoor on WS01, created and enumerated, one story.
      const story = (await accountStory(db.conn, 'ws01\\backdoor'))!;
      assert.deepEqual(story.kinds, ['created', 'enumerated']);
      assert.deepEqual(story.findings.map((f) => f.analytic).sort(), ['AN1235', 'AN1604', 'AN1612']);
      t.diagnostic(story.findings.find((f) => f.analytic === 'AN1604')!.explanation);
    } finally {
      db.close();
    }
  },
);
