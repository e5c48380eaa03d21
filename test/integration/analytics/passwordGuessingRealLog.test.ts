// T1110_001 on the real SMB password-guessing recording of ../shared/real-logs (DeepBlueCLI's
// smb-password-guessing-security.evtx, manifest R30): 3,558 wrong passwords and 2 "account disabled"
// answers for Administrator from 192.168.198.149 in under three minutes. Read from the original .evtx
// (realLogs.test.ts reads its XML export). Skipped, saying why, where ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runAnalytics, triageSteps } from '../../../electron/engine/analytics/index.js';
import { NEEDS_SHARED, realLogsDir } from '../../support/paths.js';
import { importIntoMemoryCase } from '../../support/importCase.js';

const RECORDING = 'sans-blue-team__DeepBlueCLI/evtx/smb-password-guessing-security.evtx';

test(
  'SMB password guessing against Administrator is one High T1110_001 finding',
  { skip: NEEDS_SHARED },
  async () => {
    const { db, sources } = await importIntoMemoryCase([join(realLogsDir, RECORDING)]);
    try {
      assert.deepEqual(sources[0]!.errors, []);
      const all = await runAnalytics(db.conn);
      const found = all.filter((f) => f.analytic === 'T1110_001');
      assert.equal(found.length, 1, 'one account, one source, one run');
      const [f] = found;
      const d = f!.details as Record<string, unknown>;
      assert.deepEqual(f!.hosts, ['DESKTOP-M5SN04R']);
      assert.deepEqual(f!.accounts, ['Administrator']);
      assert.equal(f!.actor.sourceIp, '192.168.198.149');
      assert.deepEqual(d['codeCounts'], { '4625:0xc000006a': 3558, '4625:0xc0000072': 2 });
      assert.equal(d['totalFailures'], 3560);
      assert.equal(f!.evidence.length, 3560);
      assert.equal(f!.first.slice(0, 19), '2016-09-19T16:50:06');
      assert.equal(f!.last.slice(0, 19), '2016-09-19T16:52:49');
      // "Account disabled" comes back only once the name and password are valid: the password was found.
      assert.equal(d['passwordRightCount'], 2);
      assert.equal(f!.severity, 'high');
      assert.equal(d['succeeded'], false, 'the recording holds no 4624');
      const steps = await triageSteps(db.conn, f!);
      assert.match(steps[0]!.answer!, /No success for the account in the case/);
      assert.match(
        steps[0]!.answer!,
        /2 answers from 2016-09-19 16:50:08 UTC on said the name and password were valid/,
      );
      assert.match(steps[2]!.answer!, /192\.168\.198\.149 is a private address/);
      // Without the new analytic the recording gives nothing: no other analytic reads it.
      assert.deepEqual(
        all.filter((x) => x.analytic !== 'T1110_001').map((x) => x.analytic),
        [],
      );
    } finally {
      db.close();
    }
  },
);
