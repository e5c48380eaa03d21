// AN1604 account creation on hand-made cases: one finding per 4720, how the creating process is linked,
// the creator's session, remote creation from an admin workstation, follow-up events and severity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import type { WinInput } from '../../support/caseBuilder.js';
import { at, detail, detailList, findingsFor, type RunInput } from '../../support/runOnCase.js';

const T0 = '2024-03-01T10:00:00Z';
const JDOE = { subjectUser: 'jdoe', subjectDomain: 'CORP', subjectLogonId: '0x1234', host: 'WS01' };
const NEW_SID = 'S-1-5-21-1-2-3-1001';

const run = (win: WinInput[], opts: RunInput = {}): Promise<Finding[]> =>
  findingsFor({ win }, { analytics: ['AN1604'], ...opts });

const proc = (
  s: number,
  pid: number,
  parentPid: number,
  image: string,
  commandLine: string,
  extra: Partial<WinInput> = {},
): WinInput => ({
  eventId: 4688,
  ts: at(T0, s),
  pid,
  parentPid,
  image,
  commandLine,
  ...JDOE,
  ...extra,
});

const created = (s: number, extra: Partial<WinInput> = {}): WinInput => ({
  eventId: 4720,
  ts: at(T0, s),
  targetUser: 'backdoor',
  targetDomain: 'WS01',
  targetSid: NEW_SID,
  ...JDOE,
  data: { NewUacValue: '0x15', UserAccountControl: '%%2080 %%2082 %%2084' },
  ...extra,
});

const rdpLogon: WinInput = {
  eventId: 4624,
  ts: at(T0, -600),
  host: 'WS01',
  targetUser: 'jdoe',
  targetDomain: 'CORP',
  targetLogonId: '0x1234',
  logonType: 10,
  ip: '10.0.4.7',
  workstation: 'LAPTOP7',
};

const chain = [
  proc(0, 0x100, 0x4, 'C:\\Windows\\explorer.exe', 'explorer.exe'),
  proc(5, 0x200, 0x100, 'C:\\Windows\\System32\\cmd.exe', 'cmd.exe'),
  proc(9, 0x300, 0x200, 'C:\\Windows\\System32\\net.exe', 'net user backdoor P@ss /add'),
  proc(
    9.1,
    0x310,
    0x300,
    'C:\\Windows\\System32\\net1.exe',
    'C:\\Windows\\system32\\net1 user backdoor P@ss /add',
  ),
];

test('the whole story: process chain, RDP session, added to Administrators 40 s later', async () => {
  const [f, ...rest] = await run([
    rdpLogon,
    ...chain,
    created(9.2),
    {
      eventId: 4722,
      ts: at(T0, 9.3),
      host: 'WS01',
      targetUser: 'backdoor',
      targetDomain: 'WS01',
      targetSid: NEW_SID,
    },
    {
      eventId: 4732,
      ts: at(T0, 49.2),
      ...JDOE,
      targetUser: 'Administrators',
      targetDomain: 'Builtin',
      memberSid: NEW_SID,
    },
  ]);
  assert.equal(rest.length, 0);
  assert.equal(f!.severity, 'high', 'joined a privileged group');
  assert.equal(f!.confidence, 'high');
  assert.deepEqual(f!.accounts, ['WS01\\backdoor']);
  assert.deepEqual(f!.actor, { user: 'CORP\\jdoe', logonId: '0x1234', sourceIp: '10.0.4.7' });
  assert.equal(
    f!.lineage.map((n) => (n.stub ? `(pid ${n.pid})` : n.image!.split('\\').pop())).join(' → '),
    '(pid 4) → explorer.exe → cmd.exe → net.exe → net1.exe',
  );
  assert.equal(detail(f, 'link.method'), 'cmdline+logon');
  assert.equal(detail(f, 'link.image'), 'net1.exe', 'the latest process naming the account');
  assert.deepEqual(detail(f, 'session'), {
    logonType: 10,
    ip: '10.0.4.7',
    workstation: 'LAPTOP7',
    authPackage: null,
    start: '2024-03-01T09:50:00.000000Z',
  });
  assert.deepEqual(detail(f, 'privilegedGroups'), ['Administrators']);
  assert.deepEqual(detail(f, 'account'), { name: 'backdoor', domain: 'WS01', sid: NEW_SID, local: true });
  assert.equal(detail(f, 'userAccountControl.value'), '0x15');
  assert.deepEqual(detail(f, 'userAccountControl.names'), [
    'account disabled',
    'password not required',
    'normal account',
  ]);
  assert.deepEqual(
    detailList(f, 'followUps').map((x) => [x['kind'], x['deltaSeconds']]),
    [
      ['enabled', 0.1],
      ['group-add', 40],
    ],
  );
  assert.ok(
    f!.explanation.startsWith(
      'backdoor (local account) was created on WS01 by CORP\\jdoe via explorer.exe → cmd.exe → net.exe → net1.exe ' +
        'from an RDP session out of LAPTOP7 (10.0.4.7), and added to Administrators 40 s later.',
    ),
    f!.explanation,
  );
  const roles = f!.evidence.map((e) => e.role);
  assert.deepEqual(roles, ['account-created', 'creating-process', 'creator-logon', 'follow-up', 'follow-up']);
});

test('every 4720 is one finding, even with nothing to link it to', async () => {
  const findings = await run([
    created(0, {
      targetUser: '$',
      targetDomain: '3B',
      targetSid: 'S-1-5-21-9-107103',
      host: 'DC01',
      subjectUser: 'DC01$',
      subjectDomain: '3B',
      subjectLogonId: '0x3e7',
    }),
    created(54, {
      targetUser: '$',
      targetDomain: '3B',
      targetSid: 'S-1-5-21-9-107104',
      host: 'DC01',
      subjectUser: 'DC01$',
      subjectDomain: '3B',
      subjectLogonId: '0x3e7',
    }),
  ]);
  assert.equal(findings.length, 2);
  for (const f of findings) {
    assert.deepEqual(f.accounts, ['3B\\$']);
    assert.equal(f.severity, 'medium');
    assert.equal(detail(f, 'link'), null);
    assert.equal(detail(f, 'account.local'), false, '3B is the domain, not the host');
    assert.match(f.explanation, /No process start in the logs explains it/);
  }
  assert.notEqual(findings[0]!.id, findings[1]!.id);
});

test('link confidence: cmdline+logon, then logon, then time-only; nothing past the window', async () => {
  const link = async (events: WinInput[], params: Record<string, unknown> = {}) =>
    detail((await run([...events, created(100)], { params }))[0], 'link') as Record<string, unknown> | null;
  const sameSession = proc(
    50,
    0x500,
    0x4,
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'powershell.exe',
  );
  const otherSessionNaming = proc(60, 0x600, 0x4, 'C:\\Tools\\mk.exe', 'mk.exe -u backdoor', {
    subjectLogonId: '0x9999',
  });
  const conhost = proc(99, 0x700, 0x500, 'C:\\Windows\\System32\\conhost.exe', 'conhost.exe');
  assert.equal((await link([sameSession, conhost]))!['method'], 'logon');
  assert.equal(
    (await link([sameSession, conhost]))!['image'],
    'powershell.exe',
    'conhost.exe is never the creator',
  );
  assert.equal((await link([otherSessionNaming]))!['method'], 'time-only');
  assert.equal(
    (await link([sameSession, otherSessionNaming]))!['method'],
    'logon',
    'the session tie is preferred',
  );
  const both = proc(70, 0x800, 0x4, 'C:\\Windows\\System32\\net.exe', 'net user backdoor x /add');
  assert.equal((await link([sameSession, otherSessionNaming, both]))!['method'], 'cmdline+logon');
  const tooEarly = proc(-201, 0x900, 0x4, 'C:\\Windows\\System32\\net.exe', 'net user backdoor x /add'); // 301 s before
  assert.equal(await link([tooEarly]), null);
  assert.equal((await link([tooEarly], { an1604_creation_window_s: 301 }))!['method'], 'cmdline+logon');
  const after = proc(101, 0x910, 0x4, 'C:\\Windows\\System32\\net.exe', 'net user backdoor x /add');
  assert.equal(await link([after]), null, 'a process after the creation cannot have made it');
});

test('a domain account created over a network logon points back to the admin tool on the workstation', async () => {
  const findings = await run([
    // On the admin's workstation: the AD Users and Computers console, then on the DC: the creation.
    proc(-120, 0x100, 0x4, 'C:\\Windows\\explorer.exe', 'explorer.exe', {
      host: 'ADMIN-WS.corp.local',
      subjectUser: 'admin',
    }),
    proc(
      -60,
      0x200,
      0x100,
      'C:\\Windows\\System32\\mmc.exe',
      '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\dsa.msc"',
      { host: 'ADMIN-WS.corp.local', subjectUser: 'admin' },
    ),
    {
      eventId: 4624,
      ts: at(T0, -1),
      host: 'DC01.corp.local',
      targetUser: 'admin',
      targetDomain: 'CORP',
      targetLogonId: '0x77',
      logonType: 3,
      ip: '10.0.5.5',
      workstation: 'ADMIN-WS',
    },
    created(0, {
      host: 'DC01.corp.local',
      targetUser: 'svc-new',
      targetDomain: 'CORP',
      subjectUser: 'admin',
      subjectLogonId: '0x77',
    }),
  ]);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(detail(f, 'remote.host'), 'ADMIN-WS.corp.local');
  assert.equal(detail(f, 'remote.image'), 'mmc.exe');
  assert.deepEqual(
    f.lineage.map((n) => `${n.host.split('.')[0]}:${n.image?.split('\\').pop() ?? 'stub'}`),
    ['ADMIN-WS:stub', 'ADMIN-WS:explorer.exe', 'ADMIN-WS:mmc.exe'],
  );
  assert.ok(f.evidence.some((e) => e.role === 'remote-admin-process'));
  assert.match(f.explanation, /The request came from ADMIN-WS\.corp\.local/);
  assert.equal(detail(f, 'account.local'), false);
});

test('a remote hop is found through the source IP when the logon names no workstation', async () => {
  const [f] = await run([
    proc(
      -30,
      0x200,
      0x4,
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'powershell New-ADUser -Name svc-new',
      { host: 'WS07', subjectUser: 'admin' },
    ),
    {
      eventId: 4624,
      ts: at(T0, -3600),
      host: 'FS01',
      targetUser: 'admin',
      targetDomain: 'CORP',
      targetLogonId: '0x5',
      logonType: 3,
      ip: '10.0.5.7',
      workstation: 'WS07',
    },
    {
      eventId: 4624,
      ts: at(T0, -1),
      host: 'DC01',
      targetUser: 'admin',
      targetDomain: 'CORP',
      targetLogonId: '0x77',
      logonType: 3,
      ip: '10.0.5.7',
      workstation: '-',
    },
    created(0, {
      host: 'DC01',
      targetUser: 'svc-new',
      targetDomain: 'CORP',
      subjectUser: 'admin',
      subjectLogonId: '0x77',
    }),
  ]);
  assert.equal(detail(f, 'remote.host'), 'WS07');
});

test('a logon by the new account from elsewhere within 24 h makes it High; later ones do not count', async () => {
  const logon = (s: number, host: string, ip: string): WinInput => ({
    eventId: 4624,
    ts: at(T0, s),
    host,
    targetUser: 'backdoor',
    targetDomain: 'WS01',
    targetSid: NEW_SID,
    targetLogonId: '0x99',
    logonType: 3,
    ip,
  });
  const [late] = await run([created(0), logon(86401, 'WS01', '10.9.9.9')]);
  assert.equal(late!.severity, 'medium');
  const [soon] = await run([created(0), logon(3600, 'WS01', '10.9.9.9')]);
  assert.equal(soon!.severity, 'high');
  assert.equal(detail(soon, 'loggedOnFromElsewhere'), true);
  assert.match(soon!.explanation, /logged on \(a network logon from 10\.9\.9\.9\) on WS01 1 h later/);
  const [deleted] = await run([
    created(0),
    {
      eventId: 4726,
      ts: at(T0, 7200),
      host: 'WS01',
      targetUser: 'backdoor',
      targetDomain: 'WS01',
      targetSid: NEW_SID,
    },
  ]);
  assert.deepEqual(
    detailList(deleted, 'followUps').map((x) => x['kind']),
    ['deleted'],
  );
  assert.equal(deleted!.last, '2024-03-01T12:00:00.000000Z');
});

test('an unusual launcher in the creating chain makes it High', async () => {
  const [f] = await run([
    proc(
      0,
      0x100,
      0x4,
      'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
      'winword.exe doc.docm',
    ),
    proc(1, 0x200, 0x100, 'C:\\Windows\\System32\\cmd.exe', 'cmd /c net user helper P@ss /add'),
    created(2, { targetUser: 'helper' }),
  ]);
  assert.equal(f!.severity, 'high');
  assert.equal(detail(f, 'unusualLauncher'), 'winword.exe');
});

test('creator and tool on the provisioning allowlist lower it to low, even with a privileged group', async () => {
  const events = [
    ...chain,
    created(9.2),
    {
      eventId: 4732,
      ts: at(T0, 49.2),
      ...JDOE,
      targetUser: 'Administrators',
      targetDomain: 'Builtin',
      memberSid: NEW_SID,
    },
  ];
  const [f] = await run(events, {
    allowlist: {
      accounts: [{ value: 'jdoe@corp.local', reason: 'provisioning' }],
      tools: [{ value: 'net1.exe', reason: 'provisioning script' }],
    },
  });
  assert.equal(f!.severity, 'low');
  assert.equal(f!.allowlisted!.kind, 'account+tool');
  const [wrongTool] = await run(events, {
    allowlist: {
      accounts: [{ value: 'jdoe', reason: 'p' }],
      tools: [{ value: 'powershell.exe', reason: 'p' }],
    },
  });
  assert.equal(wrongTool!.severity, 'high');
});

test('an account Windows setup created (SYSTEM, at the log’s start, then Administrators) says so and is allowlist-able', async () => {
  const SYSTEM = {
    subjectUser: 'WS01$',
    subjectDomain: 'WORKGROUP',
    subjectSid: 'S-1-5-18',
    subjectLogonId: '0x3e7',
    host: 'WS01',
  };
  const bootAt = (s: number): WinInput => ({ eventId: 4608, ts: at(T0, s), host: 'WS01' });
  const setupUser = (s: number, extra: Partial<WinInput> = {}): WinInput[] => [
    created(s, { ...SYSTEM, targetUser: 'IEUser', ...extra }),
    {
      eventId: 4732,
      ts: at(T0, s + 1),
      ...SYSTEM,
      targetUser: 'Administrators',
      targetDomain: 'Builtin',
      targetSid: 'S-1-5-32-544',
      memberSid: NEW_SID,
      ...extra,
    },
  ];
  const [setup] = await run([bootAt(0), ...setupUser(120)]);
  assert.equal(setup!.severity, 'high', 'kept visible with its usual severity');
  assert.deepEqual(detail(setup, 'createdDuringSetup'), { secondsAfterFirstEvent: 120 });
  assert.match(
    setup!.explanation,
    /Created during setup: SYSTEM created it 2 min after the first event logged on WS01/,
  );

  const allowed = await run([bootAt(0), ...setupUser(120)], {
    allowlist: {
      properties: [{ value: 'created-during-setup', reason: 'fresh installs of the lab images' }],
    },
  });
  assert.equal(allowed[0]!.severity, 'low');
  assert.deepEqual(allowed[0]!.allowlisted, {
    kind: 'property',
    value: 'created-during-setup',
    reason: 'fresh installs of the lab images',
  });

  const notSetup: Array<[string, WinInput[]]> = [
    ['two hours into the log', [bootAt(0), ...setupUser(7200)]],
    ['by a user', [bootAt(0), ...setupUser(120, { ...JDOE, subjectSid: 'S-1-5-21-1-2-3-1104' })]],
    ['never made an administrator', [bootAt(0), setupUser(120)[0]!]],
    ['a domain account', [bootAt(0), ...setupUser(120, { targetDomain: 'CORP' })]],
  ];
  for (const [why, events] of notSetup) {
    const [f] = await run(events, {
      allowlist: { properties: [{ value: 'created-during-setup', reason: 'lab' }] },
    });
    assert.equal(detail(f, 'createdDuringSetup'), null, why);
    assert.doesNotMatch(f!.explanation, /during setup/, why);
    assert.equal(f!.allowlisted, undefined, why);
  }
  const [wider] = await run([bootAt(0), ...setupUser(7200)], { params: { an1604_setup_window_s: 3 * 3600 } });
  assert.ok(detail(wider, 'createdDuringSetup'), 'the window is a parameter');
});
