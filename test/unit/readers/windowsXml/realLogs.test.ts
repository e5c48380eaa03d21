// Golden tests over the shared real recordings (python-evtx renderings of public attack samples):
// exact event counts per channel and id, no errors, and chosen field values an analyst relies on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WinEventRow } from '../../../../electron/engine/rowContract.js';
import { readFile, type ReadResult } from './readerHarness.js';
import { NEEDS_SHARED, realLog, realLogEntries } from './realLogs.js';

const iso = (ts: bigint | null): string | null =>
  ts === null
    ? null
    : `${new Date(Number(ts / 1000n)).toISOString().slice(0, 19)}.${String(ts % 1_000_000n).padStart(6, '0')}Z`;

function countsByChannelAndId(rows: WinEventRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const key = `${row.channel}:${row.eventId}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const cache = new Map<string, Promise<ReadResult>>();
function read(id: string): Promise<ReadResult> {
  if (!cache.has(id)) cache.set(id, readFile(realLog(id).xmlPath));
  return cache.get(id)!;
}

describe('real recordings (python-evtx XML)', { skip: NEEDS_SHARED }, () => {
  for (const entry of realLogEntries()) {
    it(`${entry.id}: ${entry.events} events, as the manifest counts them, and no errors`, async () => {
      const { rows, errors, summary } = await read(entry.id);
      assert.deepEqual(errors, []);
      assert.equal(rows.length, entry.events);
      assert.deepEqual(summary, {
        format: 'windows-xml',
        variant: 'python-evtx',
        records: entry.events,
        skipped: 0,
      });
      assert.deepEqual(countsByChannelAndId(rows), entry.event_counts);
      assert.deepEqual(
        rows.map((r) => r.recordNo),
        rows.map((_r, i) => i + 1),
      );
      for (const row of rows) {
        assert.ok(
          row.ts !== null && row.recordId !== null && row.host !== null,
          `event ${row.recordNo} lacks System values`,
        );
        assert.ok(row.xml?.startsWith('<Event') && row.xml.endsWith('</Event>'));
      }
    });
  }

  it('R01: 4798 by IEUser through net1.exe, logon id and caller pid from zero-padded hex', async () => {
    const [first, , third] = (await read('R01')).rows as [WinEventRow, WinEventRow, WinEventRow];
    assert.equal(first.eventId, 4798);
    assert.equal(first.subjectLogonId, 189562n); // 0x000000000002e47a
    assert.equal(first.callerImage, 'C:\\Windows\\System32\\net1.exe');
    assert.equal(first.callerPid, 0x10b4n);
    assert.equal(iso(first.ts), '2019-08-05T09:24:56.740217Z');
    assert.equal(first.ts, 1564997096740217n);
    assert.equal(first.subjectUser, 'IEUser');
    assert.equal(first.subjectDomain, 'MSEDGEWIN10');
    assert.equal(first.targetUser, 'Administrator');
    assert.equal(first.targetSid, 'S-1-5-21-3461203602-4096304019-2269080069-500');
    assert.equal(first.host, 'MSEDGEWIN10');
    assert.equal(first.recordId, 10089n);
    assert.equal(first.execPid, 620n);
    assert.equal(first.keywords, '0x8020000000000000');
    assert.equal(first.userSid, null); // UserID=""
    assert.deepEqual({ ...first.data }, {}); // everything in 4798 maps to a column
    assert.equal(third.eventId, 4799);
    assert.equal(third.targetUser, 'Administrators');
    assert.equal(third.callerPid, 0x5c0n);
    assert.equal(iso(third.ts), '2019-08-05T09:25:03.867962Z');
  });

  it('R04: Sysmon 1 process creation with decimal pids, lower-case GUIDs and the split User', async () => {
    const row = (await read('R04')).rows.find((r) => r.eventId === 1)!;
    assert.equal(row.pid, 2404n);
    assert.equal(row.parentPid, 2580n);
    assert.equal(row.image, 'C:\\Windows\\System32\\cmd.exe');
    assert.equal(row.parentImage, 'C:\\Windows\\System32\\inetsrv\\w3wp.exe');
    assert.equal(row.commandLine, '"c:\\windows\\system32\\cmd.exe" /c net user');
    assert.match(row.parentCommandLine!, /^c:\\windows\\system32\\inetsrv\\w3wp\.exe -ap "DefaultAppPool"/);
    assert.equal(row.processGuid, '{365abb72-4a01-5ce7-0000-0010ee9dac00}');
    assert.equal(row.parentProcessGuid, '{365abb72-49d6-5ce7-0000-001020a7a700}');
    assert.equal(row.subjectDomain, 'IIS APPPOOL');
    assert.equal(row.subjectUser, 'DefaultAppPool');
    assert.equal(row.subjectLogonId, 0x9cf992n);
    assert.equal(row.data.Product, 'Microsoft\u00ae Windows\u00ae Operating System'); // &#174;
    assert.equal(row.data.RuleName, '');
    assert.equal(row.data.ProcessId, undefined, 'mapped values are not repeated in data');
  });

  it('R33: 4625 status codes canonical, logon type, process and package (trailing spaces kept)', async () => {
    const rows = (await read('R33')).rows;
    const failed = rows.find((r) => r.eventId === 4625)!;
    assert.equal(failed.status, '0xc000006d');
    assert.equal(failed.subStatus, '0xc000006a');
    assert.equal(failed.logonType, 2);
    assert.equal(failed.logonProcess, 'Chrome');
    assert.equal(failed.workstation, 'MSEDGEWIN10');
    assert.equal(failed.targetUser, 'IEUser');
    const logon = rows.find((r) => r.eventId === 4624)!;
    assert.equal(logon.logonProcess, 'Advapi  ');
    assert.equal(logon.targetLogonId, 999n);
  });

  it('R25: 4768 and 4771 from the Kerberos spray: client address, port, status and failure code', async () => {
    const rows = (await read('R25')).rows;
    const tgt = rows.find((r) => r.eventId === 4768)!;
    assert.equal(tgt.ip, '172.16.66.1');
    assert.equal(tgt.ipPort, 55961);
    assert.equal(tgt.status, '0x6');
    assert.equal(tgt.targetUser, 'HD01');
    const preauth = rows.find((r) => r.eventId === 4771)!;
    // Windows names 4771's failure code "Status" in the XML; it belongs in failureCode, not status.
    assert.equal(preauth.failureCode, '0x18');
    assert.equal(preauth.status, null);
    assert.equal(preauth.targetUser, 'Administrator');
    assert.equal(preauth.ip, '172.16.66.1');
  });

  it('R03: 1102 from UserData, 4776 workstation and status, 4661 object, CRLF values normalised', async () => {
    const rows = (await read('R03')).rows;
    const cleared = rows.find((r) => r.eventId === 1102)!;
    assert.equal(cleared.subjectUser, 'administrator');
    assert.equal(cleared.subjectDomain, 'EXAMPLE');
    assert.equal(cleared.subjectSid, 'S-1-5-21-1587066498-1489273250-1035260531-500');
    assert.equal(cleared.subjectLogonId, 0x4fd77n);
    assert.equal(cleared.provider, 'Microsoft-Windows-Eventlog');
    const ntlm = rows.find((r) => r.eventId === 4776)!;
    assert.equal(ntlm.workstation, 'WIN-77LTAPHIQ1R');
    assert.equal(ntlm.status, '0x0');
    assert.equal(ntlm.targetUser, 'Administrator');
    const sam = rows.find((r) => r.eventId === 4661)!;
    assert.equal(sam.objectType, 'SAM_DOMAIN');
    assert.equal(sam.objectName, 'DC=example,DC=corp');
    assert.equal(sam.data.AccessList, '%%1538\n\t\t\t\t%%5394\n\t\t\t\t%%5396\n\t\t\t\t%%5399\n\t\t\t\t');
    assert.ok(rows.every((r) => Object.values(r.data).every((v) => !v.includes('\r'))));
  });

  it('R21: 4720 target is the new account, 4732 target is the group and the member is by SID', async () => {
    const rows = (await read('R21')).rows;
    const created = rows.find((r) => r.eventId === 4720)!;
    assert.equal(created.targetUser, 'IEUser');
    assert.equal(created.subjectUser, 'WIN-QALA5Q3KJ43$');
    assert.equal(created.data.UserAccountControl, '\n\t\t%%2080\n\t\t%%2082\n\t\t%%2084');
    const added = rows.find((r) => r.eventId === 4732)!;
    assert.equal(added.targetUser, 'Users');
    assert.equal(added.targetSid, 'S-1-5-32-545');
    assert.equal(added.memberSid, 'S-1-5-21-3463664321-2923530833-3546627382-1000');
    assert.equal(added.memberName, '-');
  });

  it('R12: Sysmon 11 names the file written and the writing process', async () => {
    const row = (await read('R12')).rows.find((r) => r.eventId === 11)!;
    assert.equal(row.objectName, 'C:\\Users\\IEUser\\AppData\\Local\\Temp\\phvj2yfb\\phvj2yfb.dll');
    assert.equal(row.pid, 3912n);
    assert.equal(row.image, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });
});
