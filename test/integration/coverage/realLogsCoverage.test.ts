// Coverage of every real public recording in ../shared/real-logs, each imported into a case of its own
// (several recordings share a host name), checked against what reading the XML says: which telemetry is
// there, who cleared the log, and whether each analytic could have fired.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyticId, CoverageState, HostCoverage } from '../../../shared/report.js';
import { computeCoverage } from '../../../electron/engine/coverage/index.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { NEEDS_SHARED, realLogsDir, sharedAvailable, tempDir } from '../../support/paths.js';

interface ManifestEntry {
  id: string;
  computers: string[];
  files: Array<{ path: string }>;
}

type Verdicts = Partial<Record<AnalyticId, [CoverageState, RegExp?]>>;

interface Expected {
  telemetry: Record<string, number>;
  verdicts: Verdicts;
  /** The 1102 left in the file: its time and the account that cleared the log, as the XML's UserData says. */
  cleared?: { time: string; user: string };
}

// Read off each recording's XML (manifest.json's event_counts and ground_truth say the same).
const EXPECTED: Record<string, Expected> = {
  R01: {
    telemetry: { '4798_4799': 3 },
    verdicts: {
      AN1612: ['partial', /^4798\/4799 present but no process creation/],
      AN1604: ['partial', /no 4720 while account management is audited.*no process creation/],
      AN1235: ['blind', /no process creation/],
      T1589: ['blind', /no logon or authentication events/],
      T1110_001: ['blind', /no logon or authentication events/],
      T1110_003: ['blind', /^no 4648 and no 4624/],
    },
  },
  R02: {
    telemetry: { '4798_4799': 5 },
    // 4799 comes from Security Group Management: it says nothing about whether 4720 is audited.
    verdicts: { AN1612: ['partial', /4798\/4799 present/], AN1604: ['blind'], AN1235: ['blind'] },
  },
  R03: {
    telemetry: { '4661': 16, '4624': 4, '4776': 1, log_cleared: 1 },
    verdicts: {
      AN1612: ['partial', /^4661 present but no process creation/],
      T1589: ['partial', /only NTLM validation \(4776\)/],
      T1110_001: ['partial', /only NTLM validation \(4776\)/],
      // Successful logons are audited, so 4648 would have been: it is not in the recording.
      T1110_003: ['partial', /^4624 logons but no 4648: the Logon subcategory is audited/],
    },
    cleared: { time: '2019-03-18T23:23:37.147709Z', user: 'EXAMPLE\\administrator' },
  },
  R04: {
    telemetry: { sysmon_1: 3 },
    verdicts: {
      AN1612: ['partial', /no Sysmon 11.*no 4798\/4799/],
      AN1604: ['blind'],
      AN1235: ['blind', /no 4720/],
      T1589: ['blind'],
    },
  },
  R12: {
    telemetry: { sysmon_1: 511, sysmon_11: 4 },
    verdicts: { AN1612: ['partial', /^no 4798\/4799/], AN1604: ['blind'], AN1235: ['blind'] },
  },
  R13: {
    telemetry: { '4798_4799': 7, log_cleared: 1 },
    verdicts: {
      AN1612: ['partial', /4798\/4799 present but no process creation/],
      AN1604: ['partial', /no process creation/],
      AN1235: ['blind'],
    },
    cleared: { time: '2019-04-30T18:08:22.618193Z', user: 'SEC504STUDENT\\Sec504' },
  },
  R19: {
    telemetry: { '4720': 2 },
    verdicts: {
      AN1604: ['partial', /^4720 present but no process creation: account creations will have no lineage/],
      AN1235: ['blind', /no process creation/],
    },
  },
  R21: {
    telemetry: { '4720': 1, group_changes: 3 },
    verdicts: {
      AN1604: ['partial', /^4720 present but no process creation.*no 4624/],
      AN1235: ['blind'],
      AN1612: ['blind'],
    },
  },
  R22: {
    // The accounts were made, but only registry writes by lsass.exe record it: every analytic is blind.
    telemetry: {},
    verdicts: { AN1612: ['blind'], AN1604: ['blind'], AN1235: ['blind'], T1589: ['blind'] },
  },
  R25: {
    telemetry: { '4768': 9, '4771': 2, log_cleared: 1 },
    verdicts: { T1589: ['full', /Kerberos/], T1110_001: ['full', /Kerberos 4768\/4771/], AN1604: ['blind'] },
    cleared: { time: '2020-07-22T20:29:27.321770Z', user: '3B\\a-jbrown' },
  },
  R30: {
    telemetry: { '4625': 3561 },
    verdicts: {
      T1589: ['full', /4625 with source addresses/],
      // Failures only: whether the guessing then got in cannot be seen.
      T1110_001: ['partial', /^4625 failures but no successful logon \(4624\)/],
      // Only failed logons were collected: nothing shows the successes (and 4648 with them) were.
      T1110_003: ['blind', /^no 4648 and no 4624/],
      AN1612: ['blind'],
    },
  },
  R31: {
    // 294 × 4648 only: the spray seen from its source host, which only T1110_003 reads.
    telemetry: { '4648': 294, log_cleared: 1 },
    verdicts: {
      T1589: ['blind', /no logon or authentication events/],
      T1110_001: ['blind', /no logon or authentication events/],
      T1110_003: ['partial', /^4648 present but no process creation: a spray from this host is seen/],
      AN1604: ['blind'],
    },
    cleared: { time: '2019-04-30T19:27:00.297449Z', user: 'DESKTOP-JR78RLP\\jwrig' },
  },
  R33: {
    telemetry: { '4624': 3, '4625': 1 },
    verdicts: {
      T1589: ['partial', /4625 without a usable source address/],
      T1110_001: ['full', /^4625 failed logons, 4624 logons: failures and a success/],
      T1110_003: ['partial', /^4624 logons but no 4648/],
    },
  },
};

const manifest = (
  sharedAvailable ? JSON.parse(readFileSync(join(realLogsDir, 'manifest.json'), 'utf8')) : { entries: [] }
) as {
  entries: ManifestEntry[];
};
const coverageOf = new Map<string, HostCoverage[]>();
const scratch = tempDir('accountscope-coverage-');

before(async () => {
  for (const entry of manifest.entries) {
    const db = await openCase(join(scratch.dir, `${entry.id}.duckdb`));
    const importer = new Importer(db);
    try {
      const xml = entry.files.find((f) => f.path.endsWith('.xml'))!;
      await importer.importPaths([join(realLogsDir, xml.path)]);
      coverageOf.set(entry.id, await computeCoverage(db.conn));
    } finally {
      await importer.close();
      db.close();
    }
  }
});

after(() => scratch.cleanup());

test('every recording in the manifest has an expectation here', { skip: NEEDS_SHARED }, () => {
  assert.deepEqual(manifest.entries.map((e) => e.id).sort(), Object.keys(EXPECTED).sort());
});

for (const [id, expected] of Object.entries(EXPECTED)) {
  test(`${id}: telemetry, log clears and what each analytic can see`, { skip: NEEDS_SHARED }, () => {
    const entry = manifest.entries.find((e) => e.id === id)!;
    const hosts = coverageOf.get(id)!;
    assert.deepEqual(
      hosts.map((h) => h.host),
      entry.computers,
      'one row per computer, and no Entra ID row without Entra logs',
    );
    const host = hosts[0]!;
    for (const [key, count] of Object.entries(expected.telemetry)) {
      assert.equal(host.telemetry[key] ?? 0, count, `${key}: ${JSON.stringify(host.telemetry)}`);
    }
    if (!('4688' in expected.telemetry))
      assert.equal(host.telemetry['4688'] ?? 0, 0, 'no 4688 in any recording');
    for (const [analytic, [state, reason]] of Object.entries(expected.verdicts) as Array<
      [AnalyticId, [CoverageState, RegExp?]]
    >) {
      const v = host.analytics[analytic];
      assert.equal(v.state, state, `${analytic}: ${v.state} — ${v.reason}`);
      if (reason) assert.match(v.reason, reason, analytic);
    }
    assert.deepEqual(
      host.logCleared.map((c) => ({ time: c.time, user: c.user, eventId: c.eventId, channel: c.channel })),
      expected.cleared ? [{ ...expected.cleared, eventId: 1102, channel: 'Security' }] : [],
    );
    // Seconds-long recordings have no hour-long silence in them.
    assert.deepEqual(host.gaps, []);
  });
}
