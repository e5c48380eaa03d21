// T1110_003 password spraying seen from the source host, on hand-made cases: 4648 for 9/10 distinct
// accounts and the 10-minute sliding window, one source per host, logon session and calling process,
// what is not counted (the subject's own account, machine accounts, Windows' own service starts), one
// finding per episode, High by breadth or by a logon that follows, the allowlist, the calling process
// linked to its start only as issue 14 ruled, the triage answers and the account stories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import {
  accountStories,
  accountStory,
  analyticInfos,
  runAnalytics,
  triageSteps,
} from '../../../electron/engine/analytics/index.js';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';
import { allowlistOf, at, findingsFor, type CaseInput, type RunInput } from '../../support/runOnCase.js';

const T0 = '2024-06-03T08:00:00Z';
const SESSION = '0x5a3f1';
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const run = (input: CaseInput, opts: RunInput = {}): Promise<Finding[]> =>
  findingsFor(input, { analytics: ['T1110_003'], ...opts });
const d = (f: Finding | undefined) => f!.details as Record<string, unknown>;

/** A 4648 on WS07: CORP\mallory in logon session 0x5a3f1, through powershell.exe, to DC01 over LDAP. */
const use = (s: number, target: string, extra: Partial<WinInput> = {}): WinInput => ({
  eventId: 4648,
  ts: at(T0, s),
  host: 'WS07',
  subjectUser: 'mallory',
  subjectDomain: 'CORP',
  subjectSid: 'S-1-5-21-1-2-3-1107',
  subjectLogonId: SESSION,
  targetUser: target,
  targetDomain: 'CORP',
  ip: '10.0.0.10',
  ...extra,
  data: {
    ProcessId: '0x1a2c',
    ProcessName: POWERSHELL,
    TargetServerName: 'DC01.corp.local',
    TargetInfo: 'DC01.corp.local',
    ...extra.data,
  },
});
const user = (i: number) => `user${String(i + 1).padStart(2, '0')}`;
/** One attempt for each of n accounts, `step` seconds apart from `from` on. */
const spray = (n: number, step = 5, from = 0, extra: Partial<WinInput> = {}) =>
  Array.from({ length: n }, (_, i) => use(from + i * step, user(i), extra));
/** A 4624 of `account` on DC01 whose workstation is WS07 (a network logon from the spraying host). */
const logon = (s: number, account: string, extra: Partial<WinInput> = {}): WinInput => ({
  eventId: 4624,
  ts: at(T0, s),
  host: 'DC01',
  targetUser: account,
  targetDomain: 'CORP',
  targetLogonId: '0x77001',
  logonType: 3,
  ip: '10.0.0.27',
  workstation: 'WS07',
  ...extra,
});

test('explicit credentials for 9 accounts in 10 minutes do not fire; 10 do (Medium)', async () => {
  assert.deepEqual(await run({ win: spray(9) }), []);
  const [f, ...rest] = await run({ win: spray(10) });
  assert.equal(rest.length, 0);
  assert.equal(f!.analytic, 'T1110_003');
  assert.equal(f!.severity, 'medium');
  assert.equal(f!.confidence, 'high');
  assert.deepEqual(f!.hosts, ['WS07']);
  assert.deepEqual(f!.actor, { user: 'CORP\\mallory', logonId: SESSION });
  assert.deepEqual(
    f!.accounts,
    Array.from({ length: 10 }, (_, i) => user(i)),
  );
  assert.equal(d(f)['distinctAccounts'], 10);
  assert.equal(d(f)['attempts'], 10);
  assert.equal(d(f)['peakAccounts'], 10);
  assert.deepEqual(d(f)['caller'], { image: POWERSHELL, pid: 0x1a2c, pids: [0x1a2c], linked: false });
  assert.deepEqual(d(f)['targets'], [
    { address: '10.0.0.10', server: 'DC01.corp.local', port: null, attempts: 10 },
  ]);
  assert.equal(f!.evidence.length, 10);
  assert.ok(f!.evidence.every((e) => e.eventId === 4648 && e.role === 'attempt'));
  assert.equal(f!.title, 'Password spraying of 10 accounts from WS07 (CORP\\mallory) against 10.0.0.10');
  assert.match(
    f!.explanation,
    /^CORP\\mallory \(logon session 0x5a3f1\) used explicit credentials \(4648\) on WS07 for 10 accounts over 45 s: 10 attempts, at most 10 accounts in 10 minutes, each tried once\./,
  );
  assert.match(
    f!.explanation,
    /The calling process is powershell\.exe \(pid 6700\); its start in this logon session is not in the logs\./,
  );
  assert.match(f!.explanation, /The logon that opened session 0x5a3f1 is not in the logs\./);
  assert.match(f!.explanation, /No logon of a sprayed account from WS07 followed in the logs\./);
  // Both thresholds are parameters.
  assert.deepEqual(await run({ win: spray(10) }, { params: { t1110_003_min_accounts: 11 } }), []);
  assert.equal((await run({ win: spray(5) }, { params: { t1110_003_min_accounts: 5 } })).length, 1);
});

test('the window slides over log time: the 10th account exactly 10 minutes after the first is outside', async () => {
  const spread = (last: number) => [...spray(9, 1), use(last, user(9))];
  assert.deepEqual(await run({ win: spread(600) }), []);
  assert.equal((await run({ win: spread(599) })).length, 1);
  assert.equal(
    (await run({ win: spread(600) }, { params: { t1110_003_window_minutes: 11 } })).length,
    1,
    'the window is a parameter',
  );
});

test('accounts count once each, by name: rounds of passwords against 9 accounts are not 10 accounts', async () => {
  const rounds = [0, 120, 240, 360].flatMap((from) => spray(9, 5, from));
  assert.deepEqual(await run({ win: rounds }), [], '36 attempts against 9 accounts');
  const spelled = spray(10).map((e, i) => (i === 9 ? { ...e, targetUser: 'USER01' } : e));
  assert.deepEqual(await run({ win: spelled }), [], 'USER01 is user01');
  const qualified = spray(10).map((e, i) => (i === 9 ? { ...e, targetUser: 'OTHER\\user01' } : e));
  assert.deepEqual(await run({ win: qualified }), [], 'an account counts by its name part');
  const [f] = await run({ win: [...rounds, ...spray(10, 5, 480)] });
  assert.equal(d(f)['distinctAccounts'], 10);
  assert.match(f!.explanation, /each tried 5 times \(user10 1\)/);
});

test('the subject’s own account, machine accounts, blank and excluded names are not counted', async () => {
  const nine = spray(9);
  for (const [why, target] of [
    ['its own account', 'mallory'],
    ['its own account, spelled otherwise', 'CORP\\MALLORY'],
    ['a machine account', 'WS12$'],
    ['a blank name', '-'],
    ['an excluded name', 'ANONYMOUS LOGON'],
  ] as const) {
    assert.deepEqual(await run({ win: [...nine, use(60, target)] }), [], why);
  }
  assert.equal(
    (await run({ win: [...nine, use(60, 'WS12$')] }, { params: { t1110_003_machine_accounts: true } }))
      .length,
    1,
    'machine accounts count when the parameter says so',
  );
});

test('a source is one host, logon session and calling process: not the pid, not the target', async () => {
  const half = (extra: Partial<WinInput>) =>
    spray(10).map((e, i) => (i % 2 ? { ...use(i * 5, user(i), extra) } : e));
  assert.deepEqual(await run({ win: half({ subjectLogonId: '0x5a3f2' }) }), [], 'two logon sessions');
  assert.deepEqual(await run({ win: half({ host: 'WS08' }) }), [], 'two hosts');
  assert.deepEqual(
    await run({ win: half({ data: { ProcessName: 'C:\\Windows\\System32\\runas.exe' } }) }),
    [],
    'two calling processes',
  );
  const [pids] = await run({ win: half({ data: { ProcessId: '0x2b00' } }) });
  assert.deepEqual(d(pids)['caller'], {
    image: POWERSHELL,
    pid: 0x1a2c,
    pids: [0x1a2c, 0x2b00],
    linked: false,
  });
  const [servers] = await run({ win: half({ ip: '10.0.0.11', data: { TargetServerName: 'DC02' } }) });
  assert.equal((d(servers)['targets'] as unknown[]).length, 2);
  assert.match(servers!.title, /against 2 servers/);
  const [smb] = await run({ win: spray(10, 5, 0, { ip: '-', data: { ProcessName: '', ProcessId: '0x4' } }) });
  assert.match(smb!.explanation, /The calling process is System \(pid 4\), the kernel's SMB client/);
  assert.deepEqual(
    smb!.lineage.map((n) => [n.pid, n.image, n.stub]),
    [[4, null, true]],
  );
  assert.equal(
    smb!.title,
    'Password spraying of 10 accounts from WS07 (CORP\\mallory) against DC01.corp.local',
  );
});

test("Windows' own callers under the machine's account are not a spray; the same under a user, or another caller, is", async () => {
  const system = { subjectUser: 'WS07$', subjectDomain: 'CORP', subjectLogonId: '0x3e7' };
  const services = spray(12, 5, 0, {
    ...system,
    data: { ProcessName: 'C:\\Windows\\System32\\services.exe' },
  });
  assert.deepEqual(await run({ win: services }), [], 'services started under their accounts');
  const [tool] = await run({ win: spray(12, 5, 0, system) });
  assert.equal(tool!.confidence, 'medium', 'powershell.exe as SYSTEM');
  assert.match(tool!.explanation, /The subject is the machine itself \(CORP\\WS07\$\)/);
  const runas = spray(12, 5, 0, { data: { ProcessName: 'C:\\Windows\\System32\\svchost.exe' } });
  assert.equal((await run({ win: runas })).length, 1, 'runas from a user session goes through svchost.exe');
  assert.equal(
    (await run({ win: services }, { params: { t1110_003_machine_callers: [] } })).length,
    1,
    'the callers are a parameter',
  );
});

test('one finding per episode: a long spray is one finding; sprays an hour apart are two', async () => {
  const long = spray(60, 30); // 30 minutes, 20 accounts in any 10 minutes
  const [f, ...rest] = await run({ win: long });
  assert.equal(rest.length, 0);
  assert.equal(d(f)['distinctAccounts'], 60);
  assert.equal(d(f)['peakAccounts'], 20);
  assert.equal(f!.evidence.length, 60);
  const apart = await run({ win: [...spray(10), ...spray(10, 5, 3600)] });
  assert.equal(apart.length, 2);
  assert.deepEqual(apart.map((x) => x.first).sort(), [
    '2024-06-03T08:00:00.000000Z',
    '2024-06-03T09:00:00.000000Z',
  ]);
  // A few stray uses before the spray starts are not part of it.
  const [g] = await run({ win: [use(0, 'helpdesk'), ...spray(10, 5, 3600)] });
  assert.equal(d(g)['attempts'], 10);
  assert.ok(!g!.accounts.includes('helpdesk'));
});

test('High at 30 accounts, or when a sprayed account then logs on from the source host', async () => {
  const [wide] = await run({ win: spray(30, 2) });
  assert.equal(wide!.severity, 'high');
  assert.match(wide!.explanation, /High: 30 accounts is at least 30 \(t1110_003_high_accounts\)\./);
  assert.equal((await run({ win: spray(29, 2) }))[0]!.severity, 'medium');
  assert.equal(
    (await run({ win: spray(30, 2) }, { params: { t1110_003_high_accounts: 31 } }))[0]!.severity,
    'medium',
  );

  const [hit] = await run({ win: [...spray(12), logon(300, 'user07')] });
  assert.equal(hit!.severity, 'high');
  assert.equal(d(hit)['succeeded'], true);
  assert.equal(d(hit)['successAccount'], 'user07');
  assert.equal(d(hit)['successHost'], 'DC01');
  assert.equal(d(hit)['successTime'], '2024-06-03T08:05:00.000000Z');
  assert.equal(hit!.evidence.at(-1)!.role, 'success');
  assert.equal(hit!.evidence.at(-1)!.eventId, 4624);
  assert.match(hit!.title, /, then a logon$/);
  assert.match(
    hit!.explanation,
    /Then user07 logged on from WS07 at 2024-06-03 08:05:00 UTC on DC01 \(a network logon\)/,
  );

  const severity = async (win: WinInput[]) => (await run({ win }))[0]!.severity;
  assert.equal(
    await severity([...spray(12), logon(300, 'user07', { workstation: 'WS99' })]),
    'medium',
    'from elsewhere',
  );
  assert.equal(await severity([...spray(12), logon(300, 'bob')]), 'medium', 'an account not sprayed');
  assert.equal(await severity([logon(-5, 'user07'), ...spray(12)]), 'medium', 'a logon before the spray');
  assert.equal(await severity([...spray(12), logon(55 + 3601, 'user07')]), 'medium', 'over 60 minutes after');
  assert.equal(
    (
      await run(
        { win: [...spray(12), logon(55 + 3601, 'user07')] },
        { params: { t1110_003_success_minutes: 70 } },
      )
    )[0]!.severity,
    'high',
  );
});

test('an allowlisted host, subject, session source address or calling process is lowered to Low, never dropped', async () => {
  const session: WinInput = {
    eventId: 4624,
    ts: at(T0, -600),
    host: 'WS07',
    targetUser: 'mallory',
    targetDomain: 'CORP',
    targetLogonId: SESSION,
    logonType: 10,
    ip: '10.9.9.9',
    workstation: 'JUMP01',
  };
  const win = [session, ...spray(30, 2)];
  const [plain] = await run({ win });
  assert.equal(plain!.severity, 'high');
  assert.equal(plain!.actor.sourceIp, '10.9.9.9');
  assert.deepEqual(d(plain)['session'], {
    logonType: 10,
    ip: '10.9.9.9',
    workstation: 'JUMP01',
    start: '2024-06-03T07:50:00.000000Z',
  });
  assert.match(
    plain!.explanation,
    /The session is an RDP session from 10\.9\.9\.9, opened at 2024-06-03 07:50:00 UTC\./,
  );
  const cases: Array<[RunInput['allowlist'], string, string]> = [
    [{ hosts: [{ value: 'ws07', reason: 'password vault server' }] }, 'host', 'ws07'],
    [{ accounts: [{ value: 'CORP\\mallory', reason: 'vault service account' }] }, 'account', 'CORP\\mallory'],
    [{ sourceIps: [{ value: '10.9.9.9', reason: 'PAM jump host' }] }, 'sourceIp', '10.9.9.9'],
    [{ tools: [{ value: 'powershell.exe', reason: 'rotation script' }] }, 'tool', 'powershell.exe'],
  ];
  for (const [allowlist, kind, value] of cases) {
    const [f] = await run({ win }, { allowlist });
    assert.equal(f!.severity, 'low', kind);
    assert.equal(f!.allowlisted?.kind, kind);
    assert.equal(f!.allowlisted?.value, value);
    assert.match(f!.explanation, /Lowered to low/);
  }
  const [other] = await run(
    { win },
    { allowlist: { accounts: [{ value: 'user01', reason: 'a sprayed account' }] } },
  );
  assert.equal(other!.severity, 'high', 'a sprayed account on the allowlist does not lower the spray');
});

test('the calling process is its own start: same host, logon session and image, not too old; else not in the logs', async () => {
  const started = (s: number, extra: Partial<WinInput> = {}): WinInput[] => [
    {
      eventId: 4688,
      ts: at(T0, s - 1),
      host: 'WS07',
      pid: 0x1100,
      parentPid: 0x900,
      image: 'C:\\Windows\\explorer.exe',
      commandLine: 'C:\\Windows\\Explorer.EXE',
      subjectUser: 'mallory',
      subjectDomain: 'CORP',
      subjectLogonId: SESSION,
      ...extra,
    },
    {
      eventId: 4688,
      ts: at(T0, s),
      host: 'WS07',
      pid: 0x1a2c,
      parentPid: 0x1100,
      image: POWERSHELL,
      commandLine: 'powershell.exe -ep bypass -f C:\\Users\\mallory\\spray.ps1',
      subjectUser: 'mallory',
      subjectDomain: 'CORP',
      subjectLogonId: SESSION,
      ...extra,
    },
  ];
  const chainOf = (f: Finding | undefined) =>
    f!.lineage.map((n) => `${n.image?.split('\\').pop() ?? n.pid}${n.stub ? ' (stub)' : ''}`);
  const [ok] = await run({ win: [...started(-60), ...spray(10)] });
  assert.deepEqual(chainOf(ok), ['2304 (stub)', 'explorer.exe', 'powershell.exe']);
  assert.equal((d(ok)['caller'] as Record<string, unknown>)['linked'], true);
  assert.match(
    ok!.explanation,
    /The calling process is powershell\.exe \(pid 6700\): explorer\.exe → powershell\.exe, “powershell\.exe -ep bypass -f C:\\Users\\mallory\\spray\.ps1”\./,
  );

  const cases: Array<[string, WinInput[]]> = [
    ['another logon session', started(-60, { subjectLogonId: '0x9999' })],
    ['another host', started(-60, { host: 'WS08' })],
    ['another image', started(-60, { image: 'C:\\Windows\\System32\\cmd.exe' })],
    ['2 days before', started(-2 * 86400)],
    ['a start after the spray began', started(20)],
  ];
  for (const [why, starts] of cases) {
    const [f] = await run({ win: [...starts, ...spray(10)] });
    assert.deepEqual(chainOf(f), ['powershell.exe (stub)'], why);
    assert.equal((d(f)['caller'] as Record<string, unknown>)['linked'], false, why);
  }
  const [wider] = await run(
    { win: [...started(-2 * 86400), ...spray(10)] },
    { params: { t1110_003_caller_max_age_s: 3 * 86400 } },
  );
  assert.deepEqual(
    chainOf(wider),
    ['2304 (stub)', 'explorer.exe', 'powershell.exe'],
    'the age is a parameter',
  );
});

async function analyzed(win: WinInput[], check: (b: CaseBuilder, f: Finding) => Promise<void>) {
  const b = await CaseBuilder.create();
  try {
    await b.add('security.xml', { win });
    const [f] = await runAnalytics(b.conn, { analytics: ['T1110_003'], allowlist: allowlistOf() });
    await check(b, f!);
  } finally {
    b.close();
  }
}

test('triage: the accounts and which are real, a later logon, the targets’ failures, the session’s processes', async () => {
  await analyzed(spray(10), async (b, f) => {
    const steps = await triageSteps(b.conn, f);
    assert.equal(steps.length, 4);
    assert.match(steps[0]!.answer!, /^10 accounts, each tried once: user01, user02/);
    assert.match(steps[0]!.answer!, /None of them logs on anywhere in the case/);
    assert.match(
      steps[1]!.answer!,
      /^No logon \(4624\) of a sprayed account in the case after 2024-06-03 08:00:00 UTC\. The case holds no logons from any host but WS07/,
    );
    assert.equal(steps[1]!.status, 'unknown');
    assert.match(
      steps[2]!.answer!,
      /^No 4625, 4771 or 4776 failure for a sprayed account in the case around the spray: the logs of 10\.0\.0\.10/,
    );
    assert.equal(steps[2]!.status, 'unknown');
    assert.match(
      steps[3]!.text,
      /^Is WS07 compromised\? What ran in the session of CORP\\mallory \(logon session 0x5a3f1\)\?/,
    );
    assert.match(steps[3]!.answer!, /^WS07 logs no process creation/);
  });

  const failure = (s: number, account: string): WinInput => ({
    eventId: 4625,
    ts: at(T0, s),
    host: 'DC01',
    targetUser: account,
    targetDomain: 'CORP',
    status: '0xc000006d',
    subStatus: '0xc000006a',
    logonType: 3,
    ip: '10.0.0.27',
    workstation: 'WS07',
  });
  const script: WinInput = {
    eventId: 4688,
    ts: at(T0, -30),
    host: 'WS07',
    pid: 0x1a2c,
    parentPid: 0x1100,
    image: POWERSHELL,
    commandLine: 'powershell.exe -f spray.ps1',
    subjectUser: 'mallory',
    subjectDomain: 'CORP',
    subjectLogonId: SESSION,
  };
  const win = [
    script,
    logon(-86400, 'user03'),
    ...spray(10),
    failure(2, 'user01'),
    failure(7, 'user02'),
    logon(120, 'user03'),
  ];
  await analyzed(win, async (b, f) => {
    const steps = await triageSteps(b.conn, f);
    assert.match(
      steps[0]!.answer!,
      /1 of them logs on somewhere in the case \(4624\), so it is a real account in use: user03; the other 9 never log on here/,
    );
    assert.match(
      steps[1]!.answer!,
      /^Yes, from WS07: 1 logon of sprayed accounts, user03 on DC01 at 2024-06-03 08:02:00 UTC \(network from 10\.0\.0\.27\)/,
    );
    assert.equal(steps[1]!.refs?.[0]?.role, 'later-logon');
    assert.match(steps[2]!.answer!, /^2 failures for sprayed accounts around the spray: 2 on DC01/);
    assert.equal(steps[2]!.refs?.length, 2);
    assert.match(
      steps[3]!.answer!,
      /^1 process start in logon session 0x5a3f1 on WS07; the last of them: 2024-06-03 07:59:30 UTC powershell\.exe -f spray\.ps1/,
    );
    assert.equal(steps[3]!.refs?.[0]?.role, 'session-process');
  });
});

test('each sprayed account’s story tells the spray, and the logon that followed for the account it was', async () => {
  await analyzed([...spray(12), logon(300, 'user07')], async (b) => {
    const stories = await accountStories(b.conn);
    assert.equal(stories.length, 12);
    assert.ok(stories.every((s) => s.kinds.includes('probed')));
    const seven = await accountStory(b.conn, 'corp\\user07');
    assert.deepEqual(
      seven!.events.map((e) => [e.kind, e.label]),
      [
        ['probed', 'credentials tried 1 time from WS07 by CORP\\mallory, among 12 sprayed accounts'],
        ['logon', 'logged on from WS07 after the spray'],
      ],
    );
    assert.equal(seven!.session, undefined, "the sprayer's session is not the account's");
    const one = await accountStory(b.conn, 'corp\\user01');
    assert.deepEqual(
      one!.events.map((e) => e.kind),
      ['probed'],
    );
  });
});

test('the registry lists it after T1110_001, reading Windows only; only T1110_001 lowers for an account it names', () => {
  const infos = analyticInfos();
  assert.deepEqual(infos.map((a) => a.id).slice(-2), ['T1110_001', 'T1110_003']);
  const spray = infos.find((a) => a.id === 'T1110_003')!;
  assert.equal(spray.name, 'Password spraying');
  assert.equal(spray.attack, 'T1110.003 Brute Force: Password Spraying');
  assert.deepEqual(spray.reads, ['windows']);
  assert.equal(spray.allowlistsNamedAccounts, undefined, 'a sprayed account on the allowlist lowers nothing');
  assert.equal(infos.find((a) => a.id === 'T1110_001')!.allowlistsNamedAccounts, 'the guessed account');
  assert.deepEqual(
    infos.filter((a) => a.allowlistsNamedAccounts).map((a) => a.id),
    ['T1110_001'],
  );
});
