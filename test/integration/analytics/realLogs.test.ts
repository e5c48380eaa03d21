// The analytics over real, public attack recordings (../shared/real-logs): every expected detection
// of kind enumeration, account_creation, creation_sequence, username_enumeration or password_guessing in
// manifest.json is found by its analytic on the same host (and account, and number of distinct accounts,
// where the manifest names them) with default parameters, and the negative recordings give nothing. Each
// recording is its own case. Prints the recall.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyticId, Finding } from '../../../shared/report.js';
import { runAnalytics } from '../../../electron/engine/analytics/index.js';
import { NEEDS_SHARED, realLogsDir, sharedAvailable } from '../../support/paths.js';
import { importIntoMemoryCase } from '../../support/importCase.js';

interface Expected {
  kind: string;
  host: string;
  actor?: string;
  logon_id?: string;
  account?: string;
  accounts?: string[];
  subject?: string;
  source_ip?: string;
  codes?: Record<string, number>;
  time?: string;
  first?: string;
  event_ids?: number[];
  distinct_users?: number;
}

interface Entry {
  id: string;
  kind: string;
  expected_detections: Expected[];
  files: Array<{ role: string; path: string }>;
}

const manifest = sharedAvailable
  ? (JSON.parse(readFileSync(join(realLogsDir, 'manifest.json'), 'utf8')) as { entries: Entry[] })
  : { entries: [] as Entry[] };

const ANALYTICS_FOR: Record<string, AnalyticId[]> = {
  enumeration: ['AN1612'],
  account_creation: ['AN1604'],
  creation_sequence: ['AN1604', 'AN1235'],
  username_enumeration: ['T1589'],
  password_guessing: ['T1110_001'],
};

/**
 * Where one kind is seen in different places, the events the manifest says a detection is in decide
 * which analytic finds it: password guessing on the target (4625, 4771, 4776) is T1110_001's; a spray
 * seen only on the machine it came from, as explicit-credential logons (4648), is T1110_003's.
 */
const ANALYTICS_BY_EVENTS: Array<{ kind: string; eventIds: number[]; analytics: AnalyticId[] }> = [
  { kind: 'password_guessing', eventIds: [4648], analytics: ['T1110_003'] },
];

function analyticsFor(e: Expected): AnalyticId[] | undefined {
  const ids = e.event_ids ?? [];
  const bySignal = ANALYTICS_BY_EVENTS.find(
    (x) => x.kind === e.kind && ids.length > 0 && ids.every((id) => x.eventIds.includes(id)),
  );
  return bySignal?.analytics ?? ANALYTICS_FOR[e.kind];
}

/**
 * Codes the manifest counts for a detection that belong to another account than the one it names: a
 * password-guessing finding is about one account, so they are not in its counts.
 */
const OTHER_ACCOUNTS_CODES: Record<string, { codes: string[]; why: string }> = {
  R30: {
    codes: ['4625:0xC0000064'],
    why: "the one failure for the random name JcDfcZTc (the tool's first probe), not for Administrator",
  },
};

/**
 * Entries a default parameter cannot reach, with the parameter that shows the analytic still finds them,
 * and why. (R22 is not here: nothing the stated rules read is in it. R25, the Kerberos spray of nine
 * names in a second, was here until T1589's Low tier for bursts: it is found with the defaults now.)
 */
const LOWERED: Record<string, { params: Record<string, number>; why: string }> = {};

const UNDETECTABLE: Record<string, string> = {
  R22: 'accounts are created only as Sysmon 12/13 registry writes under HKLM\\SAM by lsass.exe; there is no 4720, 4688 or 4732 for the stated rules to read',
};

const namePart = (s: string) => s.slice(s.lastIndexOf('\\') + 1).toLowerCase();
const sameHost = (a: string, b: string) =>
  a.toLowerCase() === b.toLowerCase() || a.toLowerCase().split('.')[0] === b.toLowerCase().split('.')[0];
const seconds = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 1000;
const hexEq = (a: string, b: string) => BigInt(a) === BigInt(b);

/** Why a finding does not match the expected detection, or null when it does. */
function mismatch(e: Expected, f: Finding, otherAccounts: string[] = []): string | null {
  if (!f.hosts.some((h) => sameHost(h, e.host))) return `host ${f.hosts.join(',')}`;
  const d = (f.details ?? {}) as Record<string, unknown>;
  if (e.actor && namePart(f.actor.user ?? '') !== namePart(e.actor)) return `actor ${f.actor.user}`;
  if (e.subject && namePart(f.actor.user ?? '') !== namePart(e.subject)) return `creator ${f.actor.user}`;
  if (e.logon_id) {
    const ids = [f.actor.logonId, ...((d['logonIds'] as string[] | undefined) ?? [])].filter(
      Boolean,
    ) as string[];
    if (!ids.some((id) => hexEq(id, e.logon_id!))) return `logon ids ${ids.join(',')}`;
  }
  const named = new Set(f.accounts.map(namePart));
  for (const a of [...(e.accounts ?? []), ...(e.account ? [e.account] : [])]) {
    if (!named.has(namePart(a))) return `accounts ${f.accounts.join(', ')} lack ${a}`;
  }
  if (e.source_ip && f.actor.sourceIp !== e.source_ip) return `source ${f.actor.sourceIp}`;
  if (e.time && seconds(f.first, e.time) > 1) return `time ${f.first}`;
  if (e.first && seconds(f.first, e.first) > 1) return `first ${f.first}`;
  if (e.distinct_users !== undefined && new Set(f.accounts.map(namePart)).size !== e.distinct_users)
    return `${f.accounts.length} distinct accounts`;
  if (e.event_ids && !f.evidence.some((r) => e.event_ids!.includes(r.eventId ?? -1)))
    return `evidence of events ${[...new Set(f.evidence.map((r) => r.eventId))].join(',')}`;
  if (e.codes) {
    const counts = (d['codeCounts'] ?? {}) as Record<string, number>;
    for (const [k, n] of Object.entries(e.codes)) {
      if (otherAccounts.includes(k)) continue;
      const [eventId, code] = k.split(':');
      const got = Object.entries(counts).find(
        ([ck]) => ck.split(':')[0] === eventId && hexEq(ck.split(':')[1]!, code!),
      );
      if (!got || got[1] !== n) return `codes ${JSON.stringify(counts)}`;
    }
  }
  return null;
}

let expectedTotal = 0;
let foundTotal = 0;

for (const entry of manifest.entries) {
  const xml = entry.files.find((f) => f.role.startsWith('xml'))!;
  test(`${entry.id} ${entry.kind}: ${xml.path.split('/').pop()}`, async (t) => {
    const { db, sources } = await importIntoMemoryCase([join(realLogsDir, xml.path)]);
    try {
      assert.equal(sources[0]!.errors.length, 0, 'the recording imports cleanly');
      const findings = await runAnalytics(db.conn);
      const summary = findings.map(
        (f) => `${f.analytic} ${f.severity} ${f.hosts.join(',')} ${f.accounts.slice(0, 5).join(' ')}`,
      );
      t.diagnostic(`findings: ${summary.length ? summary.join(' | ') : 'none'}`);

      if (entry.kind === 'negative') {
        assert.deepEqual(summary, [], 'a negative recording gives no finding');
        return;
      }
      for (const e of entry.expected_detections) {
        const analytics = analyticsFor(e);
        if (!analytics) throw new Error(`${entry.id}: no analytic for kind ${e.kind}`);
        const others = OTHER_ACCOUNTS_CODES[entry.id];
        if (others) t.diagnostic(`codes not of the named account: ${others.codes.join(', ')}: ${others.why}`);
        expectedTotal++;
        if (UNDETECTABLE[entry.id]) {
          t.diagnostic(`not detectable by the stated rules: ${UNDETECTABLE[entry.id]}`);
          assert.deepEqual(findings, [], 'and indeed nothing fires');
          continue;
        }
        let pool = findings;
        const lowered = LOWERED[entry.id];
        if (lowered) {
          const atDefault = findings.filter(
            (f) => analytics.includes(f.analytic) && !mismatch(e, f, others?.codes),
          );
          assert.deepEqual(atDefault, [], `${entry.id} is not expected at the default threshold`);
          t.diagnostic(`found only with ${JSON.stringify(lowered.params)}: ${lowered.why}`);
          pool = await runAnalytics(db.conn, { params: lowered.params });
        }
        for (const analytic of analytics) {
          const candidates = pool.filter((f) => f.analytic === analytic);
          const reasons = candidates.map((f) => mismatch(e, f, others?.codes));
          assert.ok(
            reasons.includes(null),
            `${entry.id}: no ${analytic} finding matches ${JSON.stringify(e)}; candidates: ${reasons.join(' / ') || 'none'}`,
          );
        }
        foundTotal++;
      }
    } finally {
      db.close();
    }
  });
}

test('recall over the real recordings', { skip: NEEDS_SHARED }, () => {
  console.log(
    `real-logs recall: ${foundTotal}/${expectedTotal} expected detections found ` +
      `(not found: ${Object.keys(UNDETECTABLE).join(', ')}, undetectable by the stated rules; ` +
      `${Object.keys(LOWERED).length} needed a lowered threshold: ${Object.keys(LOWERED).join(', ')})`,
  );
  assert.ok(expectedTotal > 0);
});
