// A varied set of Windows events (Security with and without ActivityID, Sysmon, UserData, qualifiers
// and Binary, script blocks with line breaks, non-ASCII text), built with the synthetic corpus's own
// event builders: for tests of the .evtx writer and reader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvtxFileWriter } from '../../tools/synth/evtx/evtxFileWriter.js';
import { tempDir } from './paths.js';
import { utcMicros } from '../../tools/synth/timeFormat.js';
import { userCreated4720, memberAdded } from '../../tools/synth/windows/accountEvents.js';
import { logonSuccess4624 } from '../../tools/synth/windows/logonEvents.js';
import {
  logCleared104,
  scriptBlockLogged4104,
  securityLogCleared1102,
  serviceStateChanged7036,
} from '../../tools/synth/windows/miscEvents.js';
import { processCreated4688, sysmonProcessCreate } from '../../tools/synth/windows/processEvents.js';
import type { ProcessInfo } from '../../tools/synth/windows/processEvents.js';
import type { WinEvent } from '../../tools/synth/windows/winEvent.js';

export const T0 = utcMicros(2026, 3, 11, 13, 47, 12) + 345_678;
const jdoe = { sid: 'S-1-5-21-1111-2222-3333-1104', name: 'jdoe', domain: 'CORP' };
const admins = { sid: 'S-1-5-32-544', name: 'Administrators', domain: 'Builtin' };
const actor = { account: jdoe, logonId: 0x46701a };

function proc(pid: number, image: string, commandLine: string, t: number): ProcessInfo {
  return {
    pid,
    guid: `{11111111-72dc-69b1-0000-0010${pid.toString(16).padStart(8, '0')}}`,
    image,
    commandLine,
    currentDirectory: 'C:\\Users\\jdoe\\',
    user: jdoe,
    logonId: 0x46701a,
    logonGuid: '{11111111-72dc-69b1-0000-00201a704600}',
    terminalSession: 2,
    integrity: 'High',
    elevation: '%%1937',
    start: t,
  };
}

/** One of each shape: Security with and without ActivityID, Sysmon, UserData, qualifiers and Binary. */
export function eventOfKind(kind: number, i: number): WinEvent {
  const time = T0 + i * 1_234_567;
  const ctx = { computer: 'WS01.corp.local', time, execPid: 4 + (i % 3), execTid: 8812 + i };
  const parent = proc(0x264c, 'C:\\Windows\\System32\\cmd.exe', 'cmd.exe', time);
  const child = proc(0x1a2c + i, 'C:\\Windows\\System32\\net.exe', `net user x${i} /add & "é€😀" <a>`, time);
  switch (kind % 9) {
    case 0:
      return logonSuccess4624(ctx, {
        subject: { sid: 'S-1-5-18', name: 'WS01$', domain: 'CORP' },
        ...{ subjectLogonId: 0x3e7, target: jdoe, targetLogonId: 0x46701a + i, logonType: 10 },
        ...{ logonProcess: 'User32 ', authPackage: 'Negotiate', workstation: 'WS01' },
        ...{ logonGuid: '{00000000-0000-0000-0000-000000000000}', lmPackage: '-', keyLength: 0 },
        ...{ processId: 0x2f4, processName: 'C:\\Windows\\System32\\svchost.exe', ip: '10.0.0.5' },
        ...{ port: '0', restrictedAdmin: '-', virtualAccount: false, linkedLogonId: 0 },
        ...{ elevatedToken: true, activityId: `{F1C4D8B6-0A5E-4C3A-9E33-${String(i).padStart(12, '0')}}` },
      });
    case 1:
      return processCreated4688(ctx, actor, child, parent);
    case 2:
      return userCreated4720(ctx, actor, {
        account: { sid: `S-1-5-21-1111-2222-3333-${1200 + i}`, name: `svc${i}`, domain: 'WS01' },
        ...{ displayName: '%%1793', userPrincipalName: '-' },
      });
    case 3:
      return memberAdded(ctx, 4732, actor, admins, { memberName: '-', memberSid: `S-1-5-21-1-2-3-${i}` });
    case 4:
      return sysmonProcessCreate(ctx, child, parent);
    case 5:
      return securityLogCleared1102(ctx, jdoe, 0x46701a);
    case 6:
      return logCleared104(ctx, jdoe, 'Windows PowerShell');
    case 7:
      return serviceStateChanged7036(ctx, 'Windows Update', 'wuauserv', i % 2 ? 'running' : 'stopped');
    default:
      return scriptBlockLogged4104(ctx, jdoe.sid, {
        ...{ text: `Write-Host ${i}\r\n\t'done'`, path: '' },
        scriptBlockId: `b5a4f3e2-1111-2222-3333-${String(i).padStart(12, '0')}`,
      });
  }
}

/** `n` events cycling through every kind, with record ids from 48,000. */
export function varietyEvents(n: number): WinEvent[] {
  return Array.from({ length: n }, (_, i) => ({ ...eventOfKind(i, i), recordId: 48_000 + i }));
}

/** The bytes of an .evtx file of `varietyEvents(n)`, written by the synthetic writer (in a temp folder, removed). */
export function varietyEvtx(n: number): Buffer {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'variety.evtx');
    const writer = new EvtxFileWriter(path);
    for (const ev of varietyEvents(n)) writer.write(ev);
    writer.close();
    return readFileSync(path);
  } finally {
    cleanup();
  }
}
