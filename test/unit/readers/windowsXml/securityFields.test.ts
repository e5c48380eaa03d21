// Which values of Security events land in which columns: the fields the account analytics are built on.
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

describe('Security event fields', () => {
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
    const row = await one(
      securityEvent(4624, { ProcessId: '0x25c', ProcessName: 'C:\\Windows\\System32\\services.exe' }),
    );
    assert.equal(row.parentPid, null);
    assert.equal(row.pid, null);
    assert.equal(row.data.ProcessId, '0x25c');
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
      securityEvent(4625, {
        IpAddress: '-',
        IpPort: '-',
        Status: '0XC000006D',
        SubStatus: '0x00000000C0000064',
      }),
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
    const tgt = await one(
      securityEvent(4768, { TargetUserName: 'svc', Status: '0x12', IpAddress: '::ffff:10.1.1.9' }),
    );
    assert.deepEqual(
      [tgt.targetUser, tgt.status, tgt.ip, tgt.failureCode],
      ['svc', '0x12', '10.1.1.9', null],
    );
    const preauth = await one(
      securityEvent(4771, { TargetUserName: 'admin', Status: '0x00000018', IpAddress: '10.1.1.9' }),
    );
    assert.deepEqual([preauth.failureCode, preauth.status], ['0x18', null]);
    const named = await one(securityEvent(4771, { FailureCode: '0x18' }));
    assert.equal(named.failureCode, '0x18');
    const ntlm = await one(
      securityEvent(4776, {
        PackageName: 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0',
        TargetUserName: 'bob',
        Workstation: 'KALI',
        Status: '0xc0000064',
      }),
    );
    assert.deepEqual([ntlm.targetUser, ntlm.workstation, ntlm.status], ['bob', 'KALI', '0xc0000064']);
  });

  it('4798/4799 caller, 4728/4732/4756 member and group, 4661 object, 4104 script text', async () => {
    const enumeration = await one(
      securityEvent(4799, {
        CallerProcessId: '0x10b4',
        CallerProcessName: 'C:\\Windows\\System32\\net1.exe',
      }),
    );
    assert.deepEqual(
      [enumeration.callerPid, enumeration.callerImage],
      [0x10b4n, 'C:\\Windows\\System32\\net1.exe'],
    );
    for (const eventId of [4728, 4732, 4756]) {
      const added = await one(
        securityEvent(eventId, {
          MemberName: 'CN=bob,DC=corp',
          MemberSid: 'S-1-5-21-1-2-3-1105',
          TargetUserName: 'Domain Admins',
          TargetSid: 'S-1-5-21-1-2-3-512',
        }),
      );
      assert.deepEqual(
        [added.memberName, added.memberSid, added.targetUser, added.targetSid],
        ['CN=bob,DC=corp', 'S-1-5-21-1-2-3-1105', 'Domain Admins', 'S-1-5-21-1-2-3-512'],
      );
    }
    const sam = await one(
      securityEvent(4661, { ObjectType: 'SAM_GROUP', ObjectName: 'CN=Domain Admins,CN=Users,DC=corp' }),
    );
    assert.deepEqual([sam.objectType, sam.objectName], ['SAM_GROUP', 'CN=Domain Admins,CN=Users,DC=corp']);
    const script = await one(
      securityEvent(4104, {
        MessageNumber: '1',
        ScriptBlockText: 'Get-LocalUser | ? { $_.Enabled -eq $true } &amp;&amp; whoami',
      }),
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
    const row = await one(
      securityEvent(4624, { SubjectLogonId: 'not-a-number', LogonType: 'ten', Status: '%%2313' }),
    );
    assert.equal(row.subjectLogonId, null);
    assert.equal(row.logonType, null);
    assert.equal(row.status, null);
    assert.deepEqual({ ...row.data }, { SubjectLogonId: 'not-a-number', LogonType: 'ten', Status: '%%2313' });
  });
});
