// A real recording of Windows setup creating its first user (../shared/real-logs R21: IEUser created by
// SYSTEM on IE8Win7 and added to Administrators as the log begins) reads as "created during setup", and the
// allowlist property created-during-setup lowers it; the fake computer accounts SYSTEM creates in R19 (a
// domain account, never made an administrator) do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runAnalytics } from '../../../electron/engine/analytics/index.js';
import { NEEDS_SHARED, realLogsDir } from '../../support/paths.js';
import { importIntoMemoryCase } from '../../support/importCase.js';
import { allowlistOf } from '../../support/runOnCase.js';

test(
  'R21: the account Windows setup created says so, and the property allowlists it',
  { skip: NEEDS_SHARED },
  async () => {
    const { db } = await importIntoMemoryCase([
      join(realLogsDir, 'sans-blue-team__DeepBlueCLI/evtx/new-user-security.xml'),
      join(realLogsDir, 'sbousseaden__EVTX-ATTACK-SAMPLES/Defense Evasion/DE_Fake_ComputerAccount_4720.xml'),
    ]);
    try {
      const findings = await runAnalytics(db.conn, { analytics: ['AN1604'] });
      const ieuser = findings.find((f) => f.accounts.includes('IE8Win7\\IEUser'));
      assert.ok(ieuser);
      assert.equal(ieuser.severity, 'high');
      assert.match(ieuser.explanation, /Created during setup/);
      const fakes = findings.filter((f) => f !== ieuser);
      assert.equal(fakes.length, 2);
      for (const f of fakes) assert.doesNotMatch(f.explanation, /during setup/);

      const lowered = await runAnalytics(db.conn, {
        analytics: ['AN1604'],
        allowlist: allowlistOf({ properties: [{ value: 'created-during-setup', reason: 'VM images' }] }),
      });
      assert.deepEqual(
        lowered.map((f) => [f.accounts[0], f.severity, f.allowlisted?.kind ?? null]),
        findings.map((f) => [
          f.accounts[0],
          f === ieuser ? 'low' : f.severity,
          f === ieuser ? 'property' : null,
        ]),
      );
    } finally {
      db.close();
    }
  },
);
