// A domain controller that logs directory-service access (4662) but no process creation: LDAP enumeration of
// users and groups (CrackMapExec, SharpHound) is seen there, so Coverage must not call AN1612 blind, and the
// events written as Windows exports them are read into a finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalytics } from '../../../electron/engine/analytics/index.js';
import { computeCoverage } from '../../../electron/engine/coverage/index.js';
import { importIntoMemoryCase } from '../../support/importCase.js';
import { eventXml } from '../../support/miniEvents.js';
import { tempDir } from '../../support/paths.js';

test('a DC with 4662 only: AN1612 is partial, not blind, and an LDAP sweep is a finding', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const base = Date.parse('2024-05-02T08:00:00Z');
    const events = Array.from({ length: 12 }, (_, i) =>
      eventXml({
        eventId: 4662,
        recordId: 100 + i,
        time: new Date(base + i * 1000).toISOString(),
        host: 'DC01.corp.local',
        data: {
          SubjectUserSid: 'S-1-5-21-1-2-3-1109',
          SubjectUserName: 'mallory',
          SubjectDomainName: 'CORP',
          SubjectLogonId: '0x5a5a',
          ObjectServer: 'DS',
          ObjectType:
            i % 3 ? '%{bf967aba-0de6-11d0-a285-00aa003049e2}' : '%{bf967a9c-0de6-11d0-a285-00aa003049e2}',
          ObjectName: `%{6c1e2f0a-0000-4000-8000-${String(i).padStart(12, '0')}}`,
          OperationType: 'Object Access',
          HandleId: '0x0',
          AccessList: '%%7688',
          AccessMask: '0x10',
          Properties: '%%7688 {bf967aba-0de6-11d0-a285-00aa003049e2}',
        },
      }),
    );
    const path = join(dir, 'DC01-Security.xml');
    writeFileSync(path, events.join('\r\n'));
    const { db } = await importIntoMemoryCase([path]);
    try {
      const [dc] = await computeCoverage(db.conn);
      assert.equal(dc!.telemetry['4662'], 12);
      assert.equal(dc!.analytics.AN1612.state, 'partial', dc!.analytics.AN1612.reason);
      assert.match(dc!.analytics.AN1612.reason, /4662 present/);
      const findings = await runAnalytics(db.conn, { analytics: ['AN1612'] });
      assert.equal(findings.length, 1);
      assert.deepEqual(findings[0]!.details!['directoryClasses'], ['group', 'user']);
      assert.equal(findings[0]!.details!['directoryObjects'], 12);
    } finally {
      db.close();
    }
  } finally {
    cleanup();
  }
});
