// Sysmon fields, UserData payloads, unnamed Data, repeated names and hostile names, System values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WinEventRow } from '../../../../electron/engine/rowContract.js';
import { readText, securityEvent } from './readerHarness.js';

async function one(xml: string): Promise<WinEventRow> {
  const { rows, errors } = await readText(xml);
  assert.deepEqual(errors, []);
  assert.equal(rows.length, 1);
  return rows[0]!;
}

function sysmonEvent(eventId: number, data: Record<string, string>): string {
  const fields = Object.entries(data)
    .map(([name, value]) => `<Data Name='${name}'>${value}</Data>`)
    .join('');
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>` +
    `<EventID>${eventId}</EventID><Version>5</Version><Level>4</Level><Task>${eventId}</Task>` +
    `<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-03-01T10:00:00.5000000Z'/>` +
    `<EventRecordID>77</EventRecordID><Execution ProcessID='2032' ThreadID='2092'/>` +
    `<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS01</Computer>` +
    `<Security UserID='S-1-5-18'/></System><EventData>${fields}</EventData></Event>`
  );
}

describe('Sysmon, UserData and payload fields', () => {
  it('Sysmon 1: decimal pids, GUIDs lower-cased with braces, User split, LogonId hex', async () => {
    const row = await one(
      sysmonEvent(1, {
        ProcessGuid: '{365ABB72-4A01-5CE7-0000-0010EE9DAC00}',
        ProcessId: '2404',
        Image: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'cmd.exe /c whoami',
        User: 'NT AUTHORITY\\SYSTEM',
        LogonId: '0x3e7',
        ParentProcessGuid: '{365abb72-49d6-5ce7-0000-001020a7a700}',
        ParentProcessId: '2580',
        ParentImage: 'C:\\Windows\\System32\\inetsrv\\w3wp.exe',
        ParentCommandLine: 'w3wp.exe -ap "DefaultAppPool"',
      }),
    );
    assert.equal(row.pid, 2404n);
    assert.equal(row.parentPid, 2580n);
    assert.equal(row.processGuid, '{365abb72-4a01-5ce7-0000-0010ee9dac00}');
    assert.equal(row.parentProcessGuid, '{365abb72-49d6-5ce7-0000-001020a7a700}');
    assert.equal(row.subjectDomain, 'NT AUTHORITY');
    assert.equal(row.subjectUser, 'SYSTEM');
    assert.equal(row.subjectLogonId, 999n);
    assert.equal(row.image, 'C:\\Windows\\System32\\cmd.exe');
    assert.equal(row.parentImage, 'C:\\Windows\\System32\\inetsrv\\w3wp.exe');
    assert.equal(row.commandLine, 'cmd.exe /c whoami');
    assert.equal(row.parentCommandLine, 'w3wp.exe -ap "DefaultAppPool"');
    assert.equal(row.execPid, 2032n);
    assert.deepEqual({ ...row.data }, {});
  });

  it('Sysmon 11: the writing process and the file written', async () => {
    const row = await one(
      sysmonEvent(11, {
        ProcessId: '3912',
        Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        TargetFilename: 'C:\\Users\\Public\\evil.dll',
      }),
    );
    assert.equal(row.pid, 3912n);
    assert.equal(row.image, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    assert.equal(row.objectName, 'C:\\Users\\Public\\evil.dll');
  });

  it('Sysmon 3: network fields stay in data; a User without a domain is just a name', async () => {
    const row = await one(
      sysmonEvent(3, { User: 'SYSTEM', DestinationIp: '10.0.0.5', DestinationPort: '445' }),
    );
    assert.equal(row.subjectUser, 'SYSTEM');
    assert.equal(row.subjectDomain, null);
    assert.equal(row.ip, null);
    assert.deepEqual({ ...row.data }, { DestinationIp: '10.0.0.5', DestinationPort: '445' });
  });

  it('UserData: Security 1102 and System 104 log clears give the subject', async () => {
    const cleared = await one(
      `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
        `<Provider Name='Microsoft-Windows-Eventlog' Guid='{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}'/>` +
        `<EventID>104</EventID><Version>0</Version><Level>4</Level><Task>104</Task>` +
        `<TimeCreated SystemTime='2024-03-01T10:00:00Z'/><EventRecordID>9</EventRecordID>` +
        `<Channel>System</Channel><Computer>WS01</Computer><Security UserID='S-1-5-21-1-2-3-500'/></System>` +
        `<UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'>` +
        `<SubjectUserName>admin</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName>` +
        `<Channel>System</Channel><BackupPath></BackupPath></LogFileCleared></UserData></Event>`,
    );
    assert.equal(cleared.eventId, 104);
    assert.equal(cleared.subjectUser, 'admin');
    assert.equal(cleared.subjectDomain, 'CORP');
    assert.equal(cleared.channel, 'System');
    assert.deepEqual({ ...cleared.data }, { Channel: 'System', BackupPath: '' });
  });

  it('UserData deeper than one level keys leaves by path and attributes by path@name', async () => {
    const row = await one(
      `<Event><System><EventID>1149</EventID></System><UserData><EventXML xmlns='Event_NS' Kind='rdp'>` +
        `<Param1>bob</Param1><Param3>10.0.4.7</Param3><Client><Name Lang='en'>laptop</Name></Client>` +
        `</EventXML></UserData></Event>`,
    );
    assert.deepEqual(
      { ...row.data },
      {
        'EventXML@Kind': 'rdp',
        Param1: 'bob',
        Param3: '10.0.4.7',
        'Client/Name@Lang': 'en',
        'Client/Name': 'laptop',
      },
    );
  });

  it('unnamed Data become Data1, Data2 in order; Binary is kept; repeated names are both kept', async () => {
    const row = await one(
      `<Event><System><EventID>7036</EventID><Channel>System</Channel></System><EventData>` +
        `<Data>Windows Update</Data><Data/><Data>running</Data><Data Name='X'>1</Data><Data Name='X'>2</Data>` +
        `<Binary>770075006100750073007600630000000000</Binary></EventData></Event>`,
    );
    assert.deepEqual(
      { ...row.data },
      {
        Data1: 'Windows Update',
        Data2: '',
        Data3: 'running',
        X: '1',
        'X#2': '2',
        Binary: '770075006100750073007600630000000000',
      },
    );
  });

  it('a Data or attribute named __proto__ is a value, not a prototype', async () => {
    const row = await one(
      // A computed key: `{ __proto__: ... }` in a literal would set the literal's prototype instead.
      securityEvent(4624, {
        ['__proto__']: 'polluted',
        constructor: 'c',
        toString: 't',
        hasOwnProperty: 'h',
      }),
    );
    const userData = await one(
      `<Event><System><EventID>1</EventID></System><UserData><R __proto__='a'><__proto__>b</__proto__></R></UserData></Event>`,
    );
    assert.equal(Object.getPrototypeOf(row.data), null);
    assert.ok(Object.hasOwn(row.data, '__proto__'));
    assert.equal(row.data['__proto__'], 'polluted');
    assert.deepEqual(Object.keys(row.data), ['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    assert.deepEqual(Object.entries(userData.data), [
      ['R@__proto__', 'a'],
      ['__proto__', 'b'],
    ]);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.prototype.toString.call({}), '[object Object]');
    assert.equal((Object.prototype as unknown as Record<string, unknown>)['0'], undefined);
  });

  it('System values: empty ones are null, keywords canonical, event id without its qualifiers', async () => {
    const row = await one(
      `<Event><System><Provider Name='P'/><EventID Qualifiers='16384'>7045</EventID><Version></Version>` +
        `<Keywords>0x0080000000000000</Keywords><EventRecordID>18446744073709551615</EventRecordID>` +
        `<Execution ProcessID=''/><Channel> System </Channel><Computer></Computer><Security UserID=''/></System></Event>`,
    );
    assert.equal(row.eventId, 7045);
    assert.equal(row.version, null);
    assert.equal(row.keywords, '0x80000000000000');
    assert.equal(row.recordId, 18446744073709551615n);
    assert.equal(row.execPid, null);
    assert.equal(row.channel, 'System');
    assert.equal(row.host, null);
    assert.equal(row.userSid, null);
    assert.equal(row.ts, null);
  });

  it('CDATA, comments and processing instructions inside values are read by the conformant parser', async () => {
    const row = await one(
      securityEvent(4688, {
        CommandLine: '<![CDATA[cmd /c "echo a<b & c"]]>',
        NewProcessName: 'C:\\Windows\\<!-- note -->System32\\cmd.exe',
        ParentProcessName: 'x<?pi data?>y',
      }),
    );
    assert.equal(row.commandLine, 'cmd /c "echo a<b & c"');
    assert.equal(row.image, 'C:\\Windows\\System32\\cmd.exe');
    assert.equal(row.parentImage, 'xy');
  });
});
