// Tiny hand-written Windows events and Entra records for pipeline tests. The full synthetic generator
// lives in tools/synth; these stay small so a failing test shows its whole input.

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface MiniEvent {
  eventId: number;
  recordId: number;
  time: string; // ISO with Z
  host?: string;
  data: Record<string, string>;
  channel?: string;
  provider?: string;
}

export function eventXml(e: MiniEvent): string {
  const data = Object.entries(e.data)
    .map(([k, v]) => `<Data Name='${k}'>${escapeXml(v)}</Data>`)
    .join('');
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='${e.provider ?? 'Microsoft-Windows-Security-Auditing'}' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>` +
    `<EventID>${e.eventId}</EventID><Version>0</Version><Level>0</Level><Task>13824</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='${e.time}'/>` +
    `<EventRecordID>${e.recordId}</EventRecordID><Correlation/><Execution ProcessID='4' ThreadID='8'/>` +
    `<Channel>${e.channel ?? 'Security'}</Channel><Computer>${e.host ?? 'WS01.corp.local'}</Computer><Security/>` +
    `</System><EventData>${data}</EventData></Event>`
  );
}

/** A 4688 process start; pids are hex as Windows writes them. */
export function processStart(
  recordId: number,
  time: string,
  pid: number,
  ppid: number,
  image: string,
  cmd: string,
) {
  return eventXml({
    eventId: 4688,
    recordId,
    time,
    data: {
      SubjectUserSid: 'S-1-5-21-1-2-3-1104',
      SubjectUserName: 'jdoe',
      SubjectDomainName: 'CORP',
      SubjectLogonId: '0x5a3f1',
      NewProcessId: `0x${pid.toString(16)}`,
      NewProcessName: image,
      TokenElevationType: '%%1936',
      ProcessId: `0x${ppid.toString(16)}`,
      CommandLine: cmd,
      TargetUserSid: 'S-1-0-0',
      TargetUserName: '-',
      TargetDomainName: '-',
      TargetLogonId: '0x0',
      ParentProcessName: 'C:\\Windows\\explorer.exe',
      MandatoryLabel: 'S-1-16-12288',
    },
  });
}

/** A wevtutil-style stream: events back to back, no root, UTF-8. */
export function wevtutilFile(n: number, startRecord = 1): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const sec = String(i % 60).padStart(2, '0');
    out.push(
      processStart(
        startRecord + i,
        `2026-03-14T09:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${sec}.1234567Z`,
        0x1000 + i,
        0x900,
        'C:\\Windows\\System32\\cmd.exe',
        `cmd.exe /c echo ${i}`,
      ),
    );
  }
  return out.join('\r\n') + '\r\n';
}

export function graphSignins(n: number, ip = '203.0.113.10'): string {
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      id: `id-${i}`,
      createdDateTime: `2026-03-14T10:${String(i % 60).padStart(2, '0')}:00Z`,
      userPrincipalName: `user${i}@contoso.com`,
      ipAddress: ip,
      appDisplayName: 'Azure Portal',
      status: { errorCode: 50034, failureReason: 'User account not found' },
      isInteractive: true,
    });
  }
  return JSON.stringify({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns',
    value: rows,
  });
}
