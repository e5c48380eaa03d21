// Which event values land in which columns, for the events the analytics are built on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WinEventRow } from '../../../../electron/engine/model.js';
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

describe('common fields', () => {
  it('4688: new process is pid/image, creator is parent, both pids hex', async () => {
    const row = await one(
      securityEvent(4688, {
        SubjectUserSid: 'S-1-5-21-1-2-3-1104',
        SubjectUserName: 'jdoe',
        SubjectDomainName: 'CORP',
        SubjectLogonId: '0x3E7',
        NewProcessId: '0x1a2c',
        NewProcessName: 'C:\\Windows\\System32\\net.exe',
        TokenElevationType: '%%1936',
        ProcessId: '0x0000000000000ff0',
        CommandLine: 'net user backdoor /add',
        TargetUserSid: 'S-1-0-0',
        TargetLogonId: '0x0',
        ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
      }),
    );
    assert.equal(row.pid, 0x1a2cn);
    assert.equal(row.parentPid, 0xff0n);
    assert.equal(row.image, 'C:\\Windows\\System32\\net.exe');
    assert.equal(row.parentImage, 'C:\\Windows\\System32\\cmd.exe');
    assert.equal(row.commandLine, 'net user backdoor /add');
    assert.equal(row.subjectLogonId, 999n);
    assert.equal(row.targetLogonId, 0n);
    assert.deepEqual({ ...row.data }, { TokenElevationType: '%%1936' });
  });

  it('ProcessId outside 4688 is not a parent: it stays in data', async () => {
    const row = await one(securityEvent(4624, { ProcessId: '0x25c', ProcessName: 'C:\\Windows\\System32\\services.exe' }));
    assert.equal(row.parentPid, null);
    assert.equal(row.pid, null);
    assert.equal(row.data.ProcessId, '0x25c');
  });

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
    const row = await one(sysmonEvent(3, { User: 'SYSTEM', DestinationIp: '10.0.0.5', DestinationPort: '445' }));
    assert.equal(row.subjectUser, 'SYSTEM');
    assert.equal(row.subjectDomain, null);
    assert.equal(row.ip, null);
    assert.deepEqual({ ...row.data }, { DestinationIp: '10.0.0.5', DestinationPort: '445' });
  });

  it('4624/4625: logon type, address (::ffff: stripped, - is none), port, workstation, packages, status', async () => {
    const logon = await one(
      securityEvent(4624, {
        LogonType: '10',
        IpAddress: '::ffff:10.0.4.7',
        IpPort: '51234',
        WorkstationName: 'WS02',
        LogonProcessName: 'User32 ',
        AuthenticationPackageName: 'Negotiate',
        TargetUserName: 'jdoe',
        TargetDomainName: 'CORP',
        TargetUserSid: 'S-1-5-21-1-2-3-1104',
        TargetLogonId: '0x8a3f1',
      }),
    );
    assert.equal(logon.logonType, 10);
    assert.equal(logon.ip, '10.0.4.7');
    assert.equal(logon.ipPort, 51234);
    assert.equal(logon.workstation, 'WS02');
    assert.equal(logon.logonProcess, 'User32 ');
    assert.equal(logon.authPackage, 'Negotiate');
    assert.equal(logon.targetSid, 'S-1-5-21-1-2-3-1104');
    assert.equal(logon.targetLogonId, 0x8a3f1n);

    const failed = await one(
      securityEvent(4625, { IpAddress: '-', IpPort: '-', Status: '0XC000006D', SubStatus: '0x00000000C0000064' }),
    );
    assert.equal(failed.ip, null);
    assert.equal(failed.ipPort, null);
    assert.equal(failed.status, '0xc000006d');
    assert.equal(failed.subStatus, '0xc0000064');
    assert.deepEqual({ ...failed.data }, {});
  });

  it('hex codes are canonical: lower case, 0x prefix, no leading zeros', async () => {
    for (const [written, canonical] of [
      ['0xC000006D', '0xc000006d'],
      ['0x00000006', '0x6'],
      ['0X6', '0x6'],
      ['0x0', '0x0'],
      ['0x00000000', '0x0'],
    ]) {
      assert.equal((await one(securityEvent(4768, { Status: written! }))).status, canonical);
    }
  });

  it('4768, 4771 and 4776: Kerberos and NTLM results', async () => {
    const tgt = await one(securityEvent(4768, { TargetUserName: 'svc', Status: '0x12', IpAddress: '::ffff:10.1.1.9' }));
    assert.deepEqual([tgt.targetUser, tgt.status, tgt.ip, tgt.failureCode], ['svc', '0x12', '10.1.1.9', null]);
    const preauth = await one(securityEvent(4771, { TargetUserName: 'admin', Status: '0x00000018', IpAddress: '10.1.1.9' }));
    assert.deepEqual([preauth.failureCode, preauth.status], ['0x18', null]);
    const named = await one(securityEvent(4771, { FailureCode: '0x18' }));
    assert.equal(named.failureCode, '0x18');
    const ntlm = await one(
      securityEvent(4776, { PackageName: 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0', TargetUserName: 'bob', Workstation: 'KALI', Status: '0xc0000064' }),
    );
    assert.deepEqual([ntlm.targetUser, ntlm.workstation, ntlm.status], ['bob', 'KALI', '0xc0000064']);
  });

  it('4798/4799 caller, 4728/4732/4756 member and group, 4661 object, 4104 script text', async () => {
    const enumeration = await one(securityEvent(4799, { CallerProcessId: '0x10b4', CallerProcessName: 'C:\\Windows\\System32\\net1.exe' }));
    assert.deepEqual([enumeration.callerPid, enumeration.callerImage], [0x10b4n, 'C:\\Windows\\System32\\net1.exe']);
    for (const eventId of [4728, 4732, 4756]) {
      const added = await one(
        securityEvent(eventId, { MemberName: 'CN=bob,DC=corp', MemberSid: 'S-1-5-21-1-2-3-1105', TargetUserName: 'Domain Admins', TargetSid: 'S-1-5-21-1-2-3-512' }),
      );
      assert.deepEqual(
        [added.memberName, added.memberSid, added.targetUser, added.targetSid],
        ['CN=bob,DC=corp', 'S-1-5-21-1-2-3-1105', 'Domain Admins', 'S-1-5-21-1-2-3-512'],
      );
    }
    const sam = await one(securityEvent(4661, { ObjectType: 'SAM_GROUP', ObjectName: 'CN=Domain Admins,CN=Users,DC=corp' }));
    assert.deepEqual([sam.objectType, sam.objectName], ['SAM_GROUP', 'CN=Domain Admins,CN=Users,DC=corp']);
    const script = await one(
      securityEvent(4104, { MessageNumber: '1', ScriptBlockText: 'Get-LocalUser | ? { $_.Enabled -eq $true } &amp;&amp; whoami' }),
    );
    assert.equal(script.scriptText, 'Get-LocalUser | ? { $_.Enabled -eq $true } && whoami');
  });

  it('TargetUserSid wins over TargetSid whatever the order; the loser stays in data', async () => {
    for (const data of [
      { TargetSid: 'S-1-5-32-544', TargetUserSid: 'S-1-5-18' },
      { TargetUserSid: 'S-1-5-18', TargetSid: 'S-1-5-32-544' },
    ]) {
      const row = await one(securityEvent(4624, data));
      assert.equal(row.targetSid, 'S-1-5-18');
      assert.deepEqual({ ...row.data }, { TargetSid: 'S-1-5-32-544' });
    }
  });

  it('a value that does not convert stays in data under its own name', async () => {
    const row = await one(securityEvent(4624, { SubjectLogonId: 'not-a-number', LogonType: 'ten', Status: '%%2313' }));
    assert.equal(row.subjectLogonId, null);
    assert.equal(row.logonType, null);
    assert.equal(row.status, null);
    assert.deepEqual({ ...row.data }, { SubjectLogonId: 'not-a-number', LogonType: 'ten', Status: '%%2313' });
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
      { 'EventXML@Kind': 'rdp', Param1: 'bob', Param3: '10.0.4.7', 'Client/Name@Lang': 'en', 'Client/Name': 'laptop' },
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
      securityEvent(4624, { ['__proto__']: 'polluted', constructor: 'c', toString: 't', hasOwnProperty: 'h' }),
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
});
