// AN1612 account enumeration on hand-made cases: what is and is not enumeration, artifacts and their
// window, bursts, actors, severity and confidence rules, and allowlist lowering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import type { WinInput } from '../../support/caseBuilder.js';
import { at, findingsFor, type RunInput } from '../../support/runOnCase.js';

const T0 = '2024-03-01T10:00:00Z';
const JDOE = { subjectUser: 'jdoe', subjectDomain: 'CORP', subjectLogonId: '0x1234', host: 'WS01' };

let nextPid = 0x1000;
function proc(seconds: number, image: string, commandLine: string, extra: Partial<WinInput> = {}): WinInput {
  nextPid += 4;
  return {
    eventId: 4688,
    ts: at(T0, seconds),
    pid: nextPid,
    parentPid: 0x800,
    image,
    commandLine,
    ...JDOE,
    ...extra,
  };
}

const run = (win: WinInput[], opts: RunInput = {}): Promise<Finding[]> =>
  findingsFor({ win }, { analytics: ['AN1612'], ...opts });

test('net user /domain redirected to a file: domain-wide with an artifact is High, High', async () => {
  const [f, ...rest] = await run([
    proc(0, 'C:\\Windows\\System32\\cmd.exe', 'cmd.exe /c net user /domain > C:\\Users\\Public\\u.txt'),
  ]);
  assert.equal(rest.length, 0);
  assert.equal(f!.analytic, 'AN1612');
  assert.equal(f!.severity, 'high');
  assert.equal(f!.confidence, 'high');
  assert.deepEqual(f!.hosts, ['WS01']);
  assert.deepEqual(f!.actor, { user: 'CORP\\jdoe', logonId: '0x1234' });
  assert.deepEqual(
    (f!.details!['artifacts'] as Array<{ path: string }>).map((a) => a.path),
    ['C:\\Users\\Public\\u.txt'],
  );
  assert.match(f!.explanation, /u\.txt/);
  assert.equal(f!.evidence.length, 1);
  assert.equal(f!.evidence[0]!.eventId, 4688);
  assert.match(f!.evidence[0]!.source, /^[0-9a-f]{64}$/);
});

test('a local net user with no output is Medium, Medium; 2>&1 and >nul are not output', async () => {
  const [f] = await run([proc(0, 'C:\\Windows\\System32\\net.exe', 'net user 2>&1 >nul')]);
  assert.equal(f!.severity, 'medium');
  assert.equal(f!.confidence, 'medium');
  assert.deepEqual(f!.details!['artifacts'], []);
});

test('not enumeration: net accounts, creating or deleting a user, setting a password, net use/view', async () => {
  const findings = await run([
    proc(0, 'C:\\Windows\\System32\\net.exe', 'net accounts'),
    proc(10, 'C:\\Windows\\System32\\net.exe', 'net user backdoor P@ss /add'),
    proc(20, 'C:\\Windows\\System32\\net.exe', 'net localgroup administrators backdoor /add'),
    proc(30, 'C:\\Windows\\System32\\net.exe', 'net user olduser /delete'),
    proc(40, 'C:\\Windows\\System32\\net.exe', 'net user bob NewPassw0rd!'),
    proc(50, 'C:\\Windows\\System32\\net.exe', 'net use \\\\fs01\\c$ /user:corp\\bob'),
    proc(60, 'C:\\Windows\\System32\\net.exe', 'net view /domain'),
    proc(70, 'C:\\Windows\\System32\\dotnet.exe', 'dotnet user-secrets list'),
  ]);
  assert.deepEqual(findings, []);
});

test('the tools detections.md names are all enumeration, and name what they list', async () => {
  const commands = [
    'net user bob /domain',
    'net group "Domain Admins" /domain',
    'net localgroup "Remote Desktop Users"',
    'wmic useraccount get name,sid',
    'powershell -c Get-LocalGroupMember -Group Administrators',
    'powershell Get-ADUser -Filter *',
    'powershell "Get-WmiObject Win32_UserAccount"',
    'powershell ([adsisearcher]"(objectCategory=user)").FindAll()',
    'powershell Get-DomainUser -SPN',
    'dsquery user -limit 0',
    'csvde -f users.csv',
    'adfind.exe -f objectcategory=person',
    'query user',
    'quser',
  ];
  const users = commands.map((c, i) =>
    proc(0, 'C:\\Windows\\System32\\cmd.exe', c, { subjectUser: `u${i}`, subjectLogonId: 0x100 + i }),
  );
  const findings = await run(users);
  assert.equal(findings.length, commands.length, 'one finding per actor, each command detected');
  const named = findings.flatMap((f) => f.accounts).sort();
  assert.deepEqual(named, ['Administrators', 'Domain Admins', 'Remote Desktop Users', 'bob']);
});

test('a Sysmon 11 list file by the process or its parent shell counts within 120 s, not after', async () => {
  const sysmon = (
    s: number,
    guid: string,
    parentGuid: string,
    image: string,
    cmd: string,
    parentImage: string,
  ): WinInput => ({
    eventId: 1,
    ts: at(T0, s),
    processGuid: guid,
    parentProcessGuid: parentGuid,
    pid: Number.parseInt(guid.slice(1, 5), 16),
    parentPid: 1,
    image,
    parentImage,
    commandLine: cmd,
    ...JDOE,
  });
  const file = (s: number, guid: string, path: string): WinInput => ({
    eventId: 11,
    ts: at(T0, s),
    processGuid: guid,
    pid: Number.parseInt(guid.slice(1, 5), 16),
    objectName: path,
    host: 'WS01',
  });
  const events = (delay: number, path = 'C:\\Temp\\users.csv') => [
    sysmon(0, '{aaaa}', '{root}', 'C:\\Windows\\System32\\cmd.exe', 'cmd.exe', 'C:\\Windows\\explorer.exe'),
    sysmon(
      1,
      '{bbbb}',
      '{aaaa}',
      'C:\\Windows\\System32\\net.exe',
      'net localgroup administrators',
      'C:\\Windows\\System32\\cmd.exe',
    ),
    file(1 + delay, '{aaaa}', path),
  ];
  const [inside] = await run(events(120));
  assert.equal(inside!.confidence, 'high');
  assert.deepEqual(
    (inside!.details!['artifacts'] as Array<{ path: string }>).map((a) => a.path),
    ['C:\\Temp\\users.csv'],
  );
  assert.ok(inside!.evidence.some((e) => e.role === 'artifact' && e.eventId === 11));
  assert.equal(
    inside!.lineage.map((n) => n.image?.split('\\').pop()).join(' → '),
    'explorer.exe → cmd.exe → net.exe',
  );
  assert.deepEqual(inside!.details!['processChains'], ['explorer.exe → cmd.exe → net.exe']);

  const [late] = await run(events(121));
  assert.equal(late!.confidence, 'medium', '121 s is outside the artifact window');
  const [binary] = await run(events(5, 'C:\\Temp\\tool.exe'));
  assert.equal(binary!.confidence, 'medium', 'an .exe is not a list');
  const [wider] = await run(events(121), { params: { an1612_artifact_window_s: 180 } });
  assert.equal(wider!.confidence, 'high', 'the window is a parameter');
});

test('a webshell chain (w3wp.exe above) is High even without output', async () => {
  const w3wp = proc(0, 'C:\\Windows\\System32\\inetsrv\\w3wp.exe', 'w3wp.exe -ap DefaultAppPool');
  const cmd = proc(1, 'C:\\Windows\\System32\\cmd.exe', 'cmd.exe /c net user', { parentPid: w3wp.pid });
  const [f] = await run([w3wp, cmd]);
  assert.equal(f!.severity, 'high');
  assert.equal(f!.details!['unusualLauncher'], 'w3wp.exe');
  assert.match(f!.explanation, /w3wp\.exe → cmd\.exe/);
});

test('4798/4799 alone: Low confidence, named accounts; a user reading their own groups is ignored', async () => {
  const lookup = (
    eventId: number,
    s: number,
    target: string,
    targetDomain: string,
    targetSid: string,
  ): WinInput => ({
    eventId,
    ts: at(T0, s),
    ...JDOE,
    subjectSid: 'S-1-5-21-1-1105',
    targetUser: target,
    targetDomain,
    targetSid,
    callerPid: 0x10b4,
    callerImage: 'C:\\Windows\\System32\\net1.exe',
  });
  const findings = await run([
    lookup(4798, 0, 'Administrator', 'WS01', 'S-1-5-21-1-500'),
    lookup(4799, 7, 'Administrators', 'Builtin', 'S-1-5-32-544'),
  ]);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.confidence, 'low');
  assert.equal(findings[0]!.severity, 'medium');
  assert.deepEqual(findings[0]!.accounts.sort(), ['Builtin\\Administrators', 'WS01\\Administrator']);
  assert.deepEqual(findings[0]!.details!['tools'], ['net1.exe']);

  const self = await run([lookup(4798, 0, 'jdoe', 'CORP', 'S-1-5-21-1-1105')]);
  assert.deepEqual(self, [], 'the caller looked up its own account');
  const kept = await run([lookup(4798, 0, 'jdoe', 'CORP', 'S-1-5-21-1-1105')], {
    params: { an1612_ignore_self_lookups: false },
  });
  assert.equal(kept.length, 1);
});

test('a 4798/4799 caller is its own start: same host, logon session and image, not too old; else not in the logs', async () => {
  const net1 = 'C:\\Windows\\System32\\net1.exe';
  const lookup = (s: number, callerPid: number, extra: Partial<WinInput> = {}): WinInput => ({
    eventId: 4799,
    ts: at(T0, s),
    ...JDOE,
    subjectSid: 'S-1-5-21-1-1105',
    targetUser: 'Administrators',
    targetDomain: 'Builtin',
    targetSid: 'S-1-5-32-544',
    callerPid,
    callerImage: net1,
    ...extra,
  });
  const started = (s: number, pid: number, image: string, extra: Partial<WinInput> = {}): WinInput => ({
    eventId: 4688,
    ts: at(T0, s),
    pid,
    parentPid: 0x800,
    image,
    commandLine: image.split('\\').pop(), // not a command the analytic reads: only the lookup links to it
    ...JDOE,
    ...extra,
  });
  const chainOf = (f: Finding | undefined) =>
    f!.lineage.map((n) => `${n.image?.split('\\').pop() ?? '?'}${n.stub ? ' (stub)' : ''}`);

  const [ok] = await run([started(-1, 0x10b4, net1), lookup(0, 0x10b4)]);
  assert.deepEqual(chainOf(ok), ['? (stub)', 'net1.exe'], 'the right start is linked');
  assert.deepEqual(ok!.details!['unresolvedCallers'], []);

  const cases: Array<[string, WinInput[], Record<string, unknown>?]> = [
    [
      'another program with that pid',
      [started(-1, 0x10b4, 'C:\\Windows\\System32\\reg.exe'), lookup(0, 0x10b4)],
    ],
    ['another logon session', [started(-1, 0x10b4, net1, { subjectLogonId: '0x9999' }), lookup(0, 0x10b4)]],
    ['another host', [started(-1, 0x10b4, net1, { host: 'WS02' }), lookup(0, 0x10b4)]],
    ['17 days before', [started(-17 * 86400, 0x10b4, net1), lookup(0, 0x10b4)]],
    ['a start after the event', [started(5, 0x10b4, net1), lookup(0, 0x10b4)]],
  ];
  for (const [why, events] of cases) {
    const findings = await run(events);
    const f = findings.find(
      (x) =>
        x.details!['signalKinds'] !== undefined &&
        x.hosts[0] === 'WS01' &&
        (x.details!['signalKinds'] as string[]).includes('group-lookup'),
    );
    assert.ok(f, why);
    assert.deepEqual(chainOf(f), ['net1.exe (stub)'], `${why}: the caller is a stub, not that process`);
    assert.deepEqual(f.details!['unresolvedCallers'], [{ image: net1, pid: 0x10b4 }], why);
    assert.match(f.explanation, /net1\.exe, pid 4276\), but the starting process is not in the logs\./, why);
    assert.equal(f.details!['hasProcess'], false, why);
  }

  const [wider] = await run([started(-2 * 86400, 0x10b4, net1), lookup(0, 0x10b4)], {
    params: { an1612_caller_max_age_s: 3 * 86400 },
  });
  assert.deepEqual(chainOf(wider), ['? (stub)', 'net1.exe'], 'the window is a parameter');
});

test('a 4104 links to a PowerShell start of its pid only within the caller window', async () => {
  const ps = proc(
    -17 * 86400,
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'powershell.exe',
  );
  const [f] = await run([
    ps,
    {
      eventId: 4104,
      ts: at(T0, 5),
      host: 'WS01',
      execPid: ps.pid,
      userSid: 'S-1-5-21-1-1105',
      scriptText: 'Get-LocalGroupMember Administrators',
    },
  ]);
  assert.equal(f!.actor.user, 'S-1-5-21-1-1105', 'not the user of a process 17 days older');
  assert.deepEqual(f!.details!['unresolvedCallers'], [{ image: null, pid: ps.pid }]);
  assert.match(f!.explanation, /pid \d+\), but the starting process is not in the logs/);
});

test('one actor is host + user: logon ids are listed, a quiet gap over 10 min starts a new finding', async () => {
  const findings = await run([
    proc(0, 'C:\\Windows\\System32\\net.exe', 'net user', { subjectLogonId: '0x1' }),
    proc(300, 'C:\\Windows\\System32\\net.exe', 'net localgroup', { subjectLogonId: '0x2' }),
    proc(900, 'C:\\Windows\\System32\\net.exe', 'net group /domain', { subjectLogonId: '0x3' }), // 600 s after
    proc(1501, 'C:\\Windows\\System32\\net.exe', 'net user', { subjectLogonId: '0x4' }), // 601 s after
    proc(10, 'C:\\Windows\\System32\\net.exe', 'net user', { subjectUser: 'mallory' }),
  ]);
  const jdoe = findings.filter((f) => f.actor.user === 'CORP\\jdoe');
  assert.equal(jdoe.length, 2);
  assert.deepEqual(jdoe[0]!.details!['logonIds'], ['0x1', '0x2', '0x3']);
  assert.equal(jdoe[0]!.details!['signalCount'], 3);
  assert.equal(findings.filter((f) => f.actor.user === 'CORP\\mallory').length, 1);
  const merged = await run(
    [
      proc(0, 'C:\\Windows\\System32\\net.exe', 'net user'),
      proc(1501, 'C:\\Windows\\System32\\net.exe', 'net user'),
    ],
    { params: { an1612_burst_window_s: 1800 } },
  );
  assert.equal(merged.length, 1, 'the burst window is a parameter');
});

test('a 4104 script block links to its PowerShell process through the event’s process id', async () => {
  const ps = proc(0, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell.exe');
  const [f] = await run([
    ps,
    {
      eventId: 4104,
      ts: at(T0, 5),
      host: 'WS01',
      execPid: ps.pid,
      userSid: 'S-1-5-21-1-1105',
      scriptText: 'Get-LocalGroupMember Administrators | Export-Csv a.csv',
    },
  ]);
  assert.deepEqual(f!.details!['signalKinds'], ['script-block']);
  assert.equal(f!.actor.user, 'CORP\\jdoe');
  assert.equal(f!.confidence, 'medium');
});

test('4661 on SAM objects is domain-wide; machine accounts opening SAM are ignored', async () => {
  const sam = (user: string, objectType: string, objectName: string): WinInput => ({
    eventId: 4661,
    ts: T0,
    host: 'DC01',
    subjectUser: user,
    subjectDomain: 'CORP',
    subjectLogonId: '0x15e1a7',
    objectType,
    objectName,
  });
  const findings = await run([
    {
      eventId: 4624,
      ts: at(T0, -1),
      host: 'DC01',
      targetUser: 'user01',
      targetDomain: 'CORP',
      targetLogonId: '0x15e1a7',
      logonType: 3,
      ip: '10.0.2.17',
    },
    sam('user01', 'SAM_DOMAIN', 'DC=corp,DC=local'),
    sam('user01', 'SAM_GROUP', 'S-1-5-21-1-2-3-512'),
    sam('DC01$', 'SAM_USER', 'S-1-5-21-1-2-3-500'),
  ]);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f!.title, 'Domain account enumeration');
  assert.deepEqual(f!.accounts, ['Domain Admins (RID 512)']);
  assert.equal(f!.actor.sourceIp, '10.0.2.17', 'the session tells where the actor came from');
  assert.equal(f!.confidence, 'low');
});

test('allowlisted actor and tool lower the finding to low; the actor alone does not; a host alone does', async () => {
  const events = [proc(0, 'C:\\Windows\\System32\\cmd.exe', 'cmd /c net user /domain > u.txt')];
  const lowered = await run(events, {
    allowlist: {
      accounts: [{ value: 'jdoe', reason: 'inventory script owner' }],
      tools: [{ value: 'cmd.exe', reason: 'approved script host' }],
    },
  });
  assert.equal(lowered.length, 1, 'lowered, never dropped');
  assert.equal(lowered[0]!.severity, 'low');
  assert.deepEqual(lowered[0]!.allowlisted, {
    kind: 'account+tool',
    value: 'jdoe + cmd.exe',
    reason: 'inventory script owner; approved script host',
  });
  const actorOnly = await run(events, { allowlist: { accounts: [{ value: 'CORP\\jdoe', reason: 'x' }] } });
  assert.equal(actorOnly[0]!.severity, 'high');
  assert.equal(actorOnly[0]!.allowlisted, undefined);
  const host = await run(events, { allowlist: { hosts: [{ value: 'ws01.corp.local', reason: 'lab' }] } });
  assert.equal(host[0]!.severity, 'low');
  assert.equal(host[0]!.allowlisted!.kind, 'host');
});

test('the machine’s own 4799 (HOST$, logon 0x3e7: WinRM, Group Policy) is ignored by default, kept by the seed', async () => {
  const check = (image: string, extra: Partial<WinInput> = {}): WinInput => ({
    eventId: 4799,
    ts: T0,
    host: 'SRV01',
    subjectUser: 'SRV01$',
    subjectDomain: 'CORP',
    subjectSid: 'S-1-5-18',
    subjectLogonId: '0x3e7',
    targetUser: 'Administrators',
    targetDomain: 'Builtin',
    targetSid: 'S-1-5-32-544',
    callerPid: 0x4d0,
    callerImage: image,
    ...extra,
  });
  const events = [
    check('C:\\Windows\\System32\\wsmprovhost.exe'),
    check('C:\\Windows\\System32\\svchost.exe', {
      ts: at(T0, 3600),
      subjectUser: 'SYSTEM',
      subjectDomain: 'NT AUTHORITY',
    }),
  ];
  assert.deepEqual(await run(events), []);
  assert.equal((await run(events, { profile: 'seed' })).length, 2, 'the seed counts every 4799');
  assert.equal(
    (await run(events, { params: { an1612_ignore_machine_account_lookups: false } })).length,
    2,
    'a parameter',
  );
  const user = await run([
    check('C:\\Windows\\System32\\net1.exe', { subjectUser: 'jdoe', subjectLogonId: '0x1234' }),
  ]);
  assert.equal(user.length, 1, 'a user’s lookup still counts');
});

test('4661 of only SAM_SERVER/SAM_DOMAIN is a password-policy read, not enumeration (the seed counts SAM_DOMAIN)', async () => {
  const sam = (s: number, objectType: string, objectName: string): WinInput => ({
    eventId: 4661,
    ts: at(T0, s),
    host: 'DC01',
    subjectUser: 'user01',
    subjectDomain: 'CORP',
    subjectLogonId: '0x15e1a7',
    objectType,
    objectName,
  });
  const policy = [
    sam(0, 'SAM_SERVER', 'CN=Server,CN=System,DC=corp,DC=local'),
    sam(1, 'SAM_DOMAIN', 'DC=corp,DC=local'),
  ];
  assert.deepEqual(await run(policy), [], '`net accounts` opens the server and the domain only');
  const [seed] = await run(policy, { profile: 'seed' });
  assert.equal(seed?.details!['signalCount'], 1, 'the seed counts the SAM_DOMAIN open');
  const [f] = await run([...policy, sam(2, 'SAM_ALIAS', 'S-1-5-32-544')]);
  assert.deepEqual(f!.details!['signalKinds'], ['sam-object']);
  assert.equal(f!.details!['signalCount'], 2, 'with an alias it is enumeration (SAM_SERVER is not a signal)');
});

test('query tools fire only when the query names users, people, groups or members', async () => {
  const enumerating = [
    'adfind.exe -f "(objectcategory=person)" samaccountname',
    'AdFind.exe -sc u:*',
    'dsquery * -filter "(&(objectClass=user)(adminCount=1))" -attr sAMAccountName',
    'ldapsearch -x -H ldap://dc01 -b "dc=corp,dc=local" "(objectClass=group)" member',
    'powershell Get-ADObject -LDAPFilter "(objectClass=user)"',
  ];
  const policyReads = [
    'adfind.exe -default -s base lockoutduration lockoutthreshold minpwdlength',
    'dsquery * -filter "(objectClass=domainDNS)" -attr minPwdLength lockoutThreshold',
    'ldapsearch -x -H ldap://dc01 -s base -b "dc=corp,dc=local" maxPwdAge',
    'powershell Get-ADObject -LDAPFilter "(objectClass=domainDNS)" -Properties lockoutThreshold',
    'AdFind.exe -sc trustdmp',
  ];
  const as = (cmds: string[]) =>
    cmds.map((c, i) =>
      proc(i * 1000, 'C:\\Tools\\tool.exe', c, { subjectUser: `q${i}`, subjectLogonId: 0x200 + i }),
    );
  assert.equal((await run(as(enumerating))).length, enumerating.length);
  assert.deepEqual(
    (await run(as(policyReads))).map((f) => f.details!['commands']),
    [],
    'a domain-policy or trust read is not account enumeration',
  );
  const seed = await run(as(policyReads), { profile: 'seed' });
  assert.deepEqual(
    seed.map((f) => (f.details!['commands'] as string[])[0]),
    [policyReads[0], policyReads[1], policyReads[4]],
    'the seed fires on every adfind and dsquery *, and knows no ldapsearch or Get-ADObject',
  );
});

test('4662 LDAP reads of user and group objects: one finding per actor and burst, domain-wide', async () => {
  const USER = '%{bf967aba-0de6-11d0-a285-00aa003049e2}';
  const GROUP = '%{bf967a9c-0de6-11d0-a285-00aa003049e2}';
  const DOMAIN = '%{19195a5b-6da0-11d0-afd3-00c04fd930c9}';
  const read = (s: number, objectType: string, n: number, extra: Partial<WinInput> = {}): WinInput => ({
    eventId: 4662,
    ts: at(T0, s),
    host: 'DC01',
    subjectUser: 'mallory',
    subjectDomain: 'CORP',
    subjectLogonId: '0x5a5a',
    objectType,
    objectName: `%{00000000-0000-0000-0000-${String(n).padStart(12, '0')}}`,
    ...extra,
  });
  const logon: WinInput = {
    eventId: 4624,
    ts: at(T0, -2),
    host: 'DC01',
    targetUser: 'mallory',
    targetDomain: 'CORP',
    targetLogonId: '0x5a5a',
    logonType: 3,
    ip: '10.0.0.9',
  };
  const sweep = [
    logon,
    read(0, DOMAIN, 1),
    ...Array.from({ length: 8 }, (_, i) => read(1 + i, USER, 10 + i)),
    read(20, GROUP, 30),
    read(21, GROUP, 31),
    read(21, GROUP, 31), // the same object twice counts once
  ];
  const findings = await run(sweep);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f!.title, 'Domain account enumeration');
  assert.deepEqual(f!.details!['signalKinds'], ['ds-object']);
  assert.equal(f!.details!['directoryObjects'], 11);
  assert.deepEqual(f!.details!['directoryClasses'], ['domainDNS', 'group', 'user']);
  assert.equal(f!.details!['signalCount'], 12);
  assert.equal(f!.actor.user, 'CORP\\mallory');
  assert.equal(f!.actor.sourceIp, '10.0.0.9');
  assert.match(f!.explanation, /read 11 directory objects \(domainDNS, group and user\) over LDAP \(4662\)/);
  assert.equal(f!.evidence.length, 12);

  assert.deepEqual(await run(sweep, { profile: 'seed' }), [], 'the seed does not read 4662');
  const machine = sweep.slice(1).map((e) => ({ ...e, subjectUser: 'DC02$' }));
  assert.deepEqual(await run(machine), [], 'machine accounts read the directory all day');
  assert.deepEqual(
    await run([logon, read(0, DOMAIN, 1), read(1, DOMAIN, 2), read(2, DOMAIN, 3)]),
    [],
    'reading only the domain object is a policy read',
  );
  const few = [logon, read(0, USER, 1), read(1, USER, 2), read(2, GROUP, 3), read(3, USER, 4)];
  assert.deepEqual(await run(few), [], 'four objects: an admin opening accounts, not a sweep');
  assert.equal((await run(few, { params: { an1612_ds_min_objects: 4 } })).length, 1, 'a parameter');
  const byName = await run([logon, ...[1, 2, 3, 4, 5].map((n) => read(n, 'user', n))]);
  assert.equal(byName.length, 1, 'a class written by name counts too');
});

test('SIDs where a name should be are named from the rest of the case, or said to be unresolved', async () => {
  const [script] = await run([
    {
      eventId: 4624,
      ts: at(T0, -3600),
      host: 'WS01',
      targetUser: 'jdoe',
      targetDomain: 'CORP',
      targetSid: 'S-1-5-21-1-1105',
      targetLogonId: '0x1234',
      logonType: 2,
    },
    proc(0, 'C:\\Windows\\System32\\net.exe', 'net user /domain'),
    // a 4104 whose PowerShell start is not in the logs: its event names the user by SID only
    {
      eventId: 4104,
      ts: at(T0, 30),
      host: 'WS01',
      execPid: 0x7777,
      userSid: 'S-1-5-21-1-1105',
      scriptText: 'Get-ADUser -Filter *',
    },
  ]);
  assert.equal(script!.actor.user, 'CORP\\jdoe', 'the 4624 pairs the SID with jdoe');
  assert.deepEqual(
    script!.details!['signalKinds'],
    ['process-start', 'script-block'],
    'one actor, one finding',
  );
  assert.deepEqual(script!.details!['sidNames'], [{ sid: 'S-1-5-21-1-1105', name: 'CORP\\jdoe' }]);
  assert.match(script!.explanation, /S-1-5-21-1-1105 is CORP\\jdoe/);

  const sam = (s: number, objectName: string): WinInput => ({
    eventId: 4661,
    ts: at(T0, s),
    host: 'DC01',
    subjectUser: 'user01',
    subjectDomain: 'CORP',
    subjectLogonId: '0x15e1a7',
    objectType: 'SAM_USER',
    objectName,
  });
  const [f] = await run([
    {
      eventId: 4720,
      ts: at(T0, -86400),
      host: 'DC01',
      subjectUser: 'admin',
      subjectDomain: 'CORP',
      targetUser: 'bob',
      targetDomain: 'CORP',
      targetSid: 'S-1-5-21-1-2-3-1107',
    },
    sam(0, 'S-1-5-21-1-2-3-1107'),
    sam(1, 'S-1-5-21-1-2-3-1999'),
    sam(2, 'S-1-5-21-1-2-3-512'),
  ]);
  assert.deepEqual(
    [...f!.accounts].sort(),
    ['CORP\\bob', 'Domain Admins (RID 512)', 'S-1-5-21-1-2-3-1999'],
    'named from the 4720; a well-known RID keeps its label; an unknown SID stays a SID',
  );
  assert.deepEqual(f!.details!['sidNames'], [
    { sid: 'S-1-5-21-1-2-3-1107', name: 'CORP\\bob' },
    { sid: 'S-1-5-21-1-2-3-1999', name: null },
  ]);
  assert.match(f!.explanation, /S-1-5-21-1-2-3-1107 is CORP\\bob/);
  assert.match(
    f!.explanation,
    /S-1-5-21-1-2-3-1999 could not be resolved to a name: no event in the case pairs it with one\./,
  );
});
