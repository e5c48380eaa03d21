// T1589's Low tier for bursts on the real Kerberos spray of ../shared/real-logs (EVTX-ATTACK-SAMPLES'
// kerberos_pwd_spray_4771.evtx, manifest R25): nine names from 172.16.66.1 in one second, seven of them
// unknown (4768 0x6) and two with a wrong password (4771 0x18). The seeds' 15-in-an-hour rule cannot see
// it; the default profile reports it as Low, the seed profile stays silent. Skipped where ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runAnalytics } from '../../../electron/engine/analytics/index.js';
import { NEEDS_SHARED, realLogsDir } from '../../support/paths.js';
import { importIntoMemoryCase } from '../../support/importCase.js';

const RECORDING = 'sbousseaden__EVTX-ATTACK-SAMPLES/Credential Access/kerberos_pwd_spray_4771.evtx';

test(
  'the Kerberos spray of nine names in a second is a Low T1589 burst; nothing in the seed profile',
  { skip: NEEDS_SHARED },
  async () => {
    const { db } = await importIntoMemoryCase([join(realLogsDir, RECORDING)]);
    try {
      const [f, ...rest] = await runAnalytics(db.conn, { analytics: ['T1589'] });
      assert.equal(rest.length, 0);
      const d = f!.details as Record<string, unknown>;
      assert.equal(f!.severity, 'low');
      assert.equal(d['tier'], 'burst');
      assert.equal(d['distinctUsers'], 9);
      assert.equal(d['notFoundCount'], 7);
      assert.deepEqual(d['codeCounts'], { '4768:0x6': 7, '4771:0x18': 2 });
      assert.equal(f!.actor.sourceIp, '172.16.66.1');
      assert.deepEqual(await runAnalytics(db.conn, { analytics: ['T1589'], profile: 'seed' }), []);
    } finally {
      db.close();
    }
  },
);
