// T1110_001 password guessing on hand-made cases: the 19/20 threshold and the 10-minute sliding window,
// per account and per source, one finding per episode, High when a success from the same source follows
// (Windows 4624, Kerberos 4768, NTLM 4776, Entra ID error 0) or an answer says the password was right,
// Entra ID 50126, a 4625 with no source address grouped by host, workstation and process, the allowlist,
// and the triage answers (did it succeed, was the account locked, is the source internal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import { runAnalytics, triageSteps } from '../../../electron/engine/analytics/index.js';
import { CaseBuilder, type SigninInput, type WinInput } from '../../support/caseBuilder.js';
import { allowlistOf, at, findingsFor, type CaseInput, type RunInput } from '../../support/runOnCase.js';

const T0 = '2024-06-03T08:00:00Z';
const IP = '198.51.100.23';
const run = (input: CaseInput, opts: RunInput = {}): Promise<Finding[]> =>
  findingsFor(input, { analytics: ['T1110_001'], ...opts });
const d = (f: Finding | undefined) => f!.details as Record<string, unknown>;

/** A 4625 wrong password (Status 0xC000006D, SubStatus 0xC000006A), network logon from IP. */
const fail = (s: number, user = 'Administrator', extra: Partial<WinInput> = {}): WinInput => ({
  eventId: 4625,
  ts: at(T0, s),
  host: 'SRV01',
  targetUser: user,
  targetDomain: 'SRV01',
  status: '0xc000006d',
  subStatus: '0xc000006a',
  logonType: 3,
  ip: IP,
  workstation: 'KALI',
  ...extra,
});
const logon = (s: number, user = 'Administrator', extra: Partial<WinInput> = {}): WinInput => ({
  eventId: 4624,
  ts: at(T0, s),
  host: 'SRV01',
  targetUser: user,
  targetDomain: 'SRV01',
  logonType: 3,
  ip: IP,
  workstation: 'KALI',
  ...extra,
});
const fails = (n: number, step = 10, from = 0, extra: Partial<WinInput> = {}) =>
  Array.from({ length: n }, (_, i) => fail(from + i * step, 'Administrator', extra));

test('19 wrong passwords against one account from one IP in 10 minutes do not fire; 20 do (Medium)', async () => {
  assert.deepEqual(await run({ win: fails(19) }), []);
  const [f, ...rest] = await run({ win: fails(20) });
  assert.equal(rest.length, 0);
  assert.equal(f!.severity, 'medium');
  assert.equal(f!.analytic, 'T1110_001');
  assert.equal(f!.actor.sourceIp, IP);
  assert.deepEqual(f!.accounts, ['Administrator']);
  assert.deepEqual(f!.hosts, ['SRV01']);
  assert.equal(d(f)['totalFailures'], 20);
  assert.equal(d(f)['peakFailures'], 20);
  assert.equal(d(f)['succeeded'], false);
  assert.deepEqual(d(f)['codeCounts'], { '4625:0xc000006a': 20 });
  assert.equal(f!.evidence.length, 20);
  assert.ok(f!.evidence.every((e) => e.role === 'failure' && e.eventId === 4625));
  assert.equal(f!.title, `Password guessing against Administrator from ${IP}`);
  assert.match(f!.explanation, /failed logons on SRV01 as Administrator as a network logon 20 times/);
  assert.match(f!.explanation, /No success for the account from this source followed/);
  // Both thresholds are parameters.
  assert.deepEqual(await run({ win: fails(20) }, { params: { t1110_001_min_failures: 21 } }), []);
  assert.equal((await run({ win: fails(19) }, { params: { t1110_001_min_failures: 19 } })).length, 1);
});

test('the window slides over log time: the 20th failure exactly 10 minutes after the first is outside', async () => {
  const spread = (last: number) => [...fails(19, 1), fail(last)];
  assert.deepEqual(await run({ win: spread(600) }), []);
  assert.equal((await run({ win: spread(599) })).length, 1);
  assert.equal(
    (await run({ win: spread(600) }, { params: { t1110_001_window_minutes: 11 } })).length,
    1,
    'the window is a parameter',
  );
});

test('failures count per account and per source', async () => {
  const twoAccounts = [...fails(10), ...Array.from({ length: 10 }, (_, i) => fail(i * 10 + 5, 'backup'))];
  assert.deepEqual(await run({ win: twoAccounts }), [], '10 + 10 against two accounts is not 20 against one');
  const twoSources = [...fails(10), ...fails(10, 10, 5, { ip: '198.51.100.24' })];
  assert.deepEqual(await run({ win: twoSources }), [], '10 + 10 from two IPs is not 20 from one');
  const spelled = fails(20).map((e, i) => ({ ...e, targetUser: i % 2 ? 'ADMINISTRATOR' : 'Administrator' }));
  assert.equal((await run({ win: spelled })).length, 1, 'the account compares case-insensitively');
  const machine = Array.from({ length: 20 }, (_, i) => fail(i * 10, 'WS17$'));
  assert.deepEqual(
    await run({ win: machine }),
    [],
    'a machine account with a stale password is not guessing',
  );
  assert.equal((await run({ win: machine }, { params: { t1110_001_machine_accounts: true } })).length, 1);
  const mapped = fails(20).map((e, i) => ({ ...e, ip: i % 2 ? `::ffff:${IP}` : IP }));
  assert.equal((await run({ win: mapped })).length, 1, 'an IPv4-mapped address is the same source');
});

test('one finding per episode: a long run is one finding with every failure; runs far apart are two', async () => {
  const long = fails(120, 15); // 30 minutes, 40 failures in any 10 minutes
  const [f, ...rest] = await run({ win: long });
  assert.equal(rest.length, 0);
  assert.equal(d(f)['totalFailures'], 120);
  assert.equal(d(f)['peakFailures'], 40);
  assert.equal(f!.evidence.length, 120);
  const apart = [...fails(20), ...fails(20, 10, 86400)];
  assert.equal((await run({ win: apart })).length, 2);
  // A few stray failures before the run starts are not part of it.
  const [g] = await run({ win: [fail(0), ...fails(20, 10, 3600)] });
  assert.equal(d(g)['totalFailures'], 20);
});

test('High when a success for the account from the same source follows, not from elsewhere or much later', async () => {
  const [hit] = await run({ win: [...fails(25), logon(260)] });
  assert.equal(hit!.severity, 'high');
  assert.equal(d(hit)['succeeded'], true);
  assert.equal(d(hit)['successEventId'], 4624);
  assert.equal(d(hit)['successTime'], '2024-06-03T08:04:20.000000Z');
  assert.equal(hit!.evidence.at(-1)!.role, 'success');
  assert.equal(hit!.title, `Password guessing against Administrator from ${IP}, then a success`);
  assert.match(
    hit!.explanation,
    /Then a success for the account from the same source at 2024-06-03 08:04:20 UTC \(event 4624, a network logon\)/,
  );

  const medium = async (win: WinInput[]) => (await run({ win }))[0]!.severity;
  assert.equal(await medium([...fails(25), logon(260, 'Administrator', { ip: '10.0.0.5' })]), 'medium');
  assert.equal(await medium([...fails(25), logon(260, 'backup')]), 'medium', 'another account');
  assert.equal(await medium([...fails(25), logon(240 + 3601)]), 'medium', 'more than 60 minutes after');
  assert.equal(await medium([logon(-5), ...fails(25)]), 'medium', 'a success before the guessing');
  assert.equal(
    (await run({ win: [...fails(25), logon(240 + 3601)] }, { params: { t1110_001_success_minutes: 70 } }))[0]!
      .severity,
    'high',
  );
});

test('High when an answer says the password was right (0xC000006E / 0xC0000072: account disabled)', async () => {
  const disabled = fail(255, 'Administrator', { status: '0xc000006e', subStatus: '0xc0000072' });
  const [f] = await run({ win: [...fails(25), disabled] });
  assert.equal(f!.severity, 'high');
  assert.equal(d(f)['passwordRightCount'], 1);
  assert.equal(d(f)['totalFailures'], 26);
  assert.equal(f!.evidence.filter((e) => e.role === 'password-right').length, 1);
  assert.match(f!.explanation, /said the name and password were valid/);
  const [off] = await run(
    { win: [...fails(25), disabled] },
    { params: { t1110_001_win_password_right_codes: [] } },
  );
  assert.equal(off!.severity, 'medium', 'the codes are a parameter');
});

test('Kerberos 4771 0x18 from one IP, then a 4768 for the account: High', async () => {
  const kerb = Array.from({ length: 20 }, (_, i): WinInput => ({
    eventId: 4771,
    ts: at(T0, i * 3),
    host: 'DC01',
    targetUser: 'svc-sql',
    failureCode: '0x18',
    ip: `::ffff:${IP}`,
  }));
  const [f] = await run({ win: kerb });
  assert.equal(f!.severity, 'medium');
  assert.deepEqual(d(f)['codeCounts'], { '4771:0x18': 20 });
  assert.equal(f!.actor.sourceIp, IP);
  const tgt: WinInput = {
    eventId: 4768,
    ts: at(T0, 70),
    host: 'DC01',
    targetUser: 'svc-sql',
    status: '0x0',
    ip: IP,
  };
  assert.equal((await run({ win: [...kerb, tgt] }))[0]!.severity, 'high');
  const wrongCode = kerb.map((e) => ({ ...e, failureCode: '0x6' }));
  assert.deepEqual(await run({ win: wrongCode }), [], '0x6 is an unknown user, username enumeration');
});

test('NTLM 4776 0xC000006A from one workstation, grouped by its name; a 4776 success makes it High', async () => {
  const ntlm = Array.from({ length: 20 }, (_, i): WinInput => ({
    eventId: 4776,
    ts: at(T0, i),
    host: 'DC01',
    targetUser: 'jdoe',
    status: '0xc000006a',
    workstation: 'WS-17',
  }));
  const [f] = await run({ win: ntlm });
  assert.equal(d(f)['source'], 'windows-workstation');
  assert.equal(d(f)['sourceWorkstation'], 'WS-17');
  assert.equal(f!.actor.sourceIp, undefined);
  assert.equal(f!.title, 'Password guessing against jdoe from workstation WS-17');
  const ok: WinInput = {
    eventId: 4776,
    ts: at(T0, 30),
    host: 'DC01',
    targetUser: 'jdoe',
    status: '0x0',
    workstation: 'ws-17',
  };
  assert.equal((await run({ win: [...ntlm, ok] }))[0]!.severity, 'high');
});

test('a 4625 with no source address is grouped by host, workstation and calling process, not dropped', async () => {
  const local = (s: number, process: string) =>
    fail(s, 'alice', {
      ip: '-',
      logonType: 2,
      workstation: 'SRV01',
      data: { ProcessName: process },
    });
  const win = Array.from({ length: 20 }, (_, i) => local(i * 5, 'C:\\Windows\\System32\\svchost.exe'));
  const [f] = await run({ win });
  assert.equal(d(f)['source'], 'windows-local');
  assert.equal(d(f)['callingProcess'], 'C:\\Windows\\System32\\svchost.exe');
  assert.equal(f!.actor.sourceIp, undefined);
  assert.match(
    f!.title,
    /from a local caller \(workstation SRV01, process C:\\Windows\\System32\\svchost\.exe\)/,
  );
  const split = win.map((e, i) => (i % 2 ? local(i * 5, 'C:\\Tools\\guess.exe') : e));
  assert.deepEqual(await run({ win: split }), [], 'two calling processes are two sources');
  const after = logon(200, 'alice', {
    ip: '-',
    logonType: 2,
    workstation: 'SRV01',
    data: { ProcessName: 'C:\\Windows\\System32\\svchost.exe' },
  });
  assert.equal((await run({ win: [...win, after] }))[0]!.severity, 'high');
});

const signin = (s: number, errorCode: number, extra: Partial<SigninInput> = {}): SigninInput => ({
  ts: at(T0, s),
  userPrincipalName: 'ceo@contoso.com',
  ip: '203.0.113.77',
  errorCode,
  appDisplayName: 'Office 365 Exchange Online',
  failureReason: errorCode === 50126 ? 'Invalid username or password' : `code ${errorCode}`,
  ...extra,
});

test('Entra ID 50126: 20 from one IP against one user fire; a sign-in with error 0 from that IP makes it High', async () => {
  const guesses = Array.from({ length: 20 }, (_, i) => signin(i * 20, 50126));
  assert.deepEqual(await run({ signins: guesses.slice(1) }), []);
  const [f] = await run({ signins: guesses });
  assert.equal(f!.severity, 'medium');
  assert.equal(d(f)['source'], 'entra-signin');
  assert.equal(f!.actor.sourceIp, '203.0.113.77');
  assert.deepEqual(f!.hosts, []);
  assert.deepEqual(d(f)['codeCounts'], { '50126': 20 });
  assert.ok(f!.evidence.every((e) => e.table === 'signins'));
  assert.match(f!.explanation, /failed Entra ID sign-ins to Office 365 Exchange Online as ceo@contoso\.com/);
  const upper = guesses.map((g, i) => (i % 2 ? { ...g, userPrincipalName: 'CEO@contoso.com' } : g));
  assert.equal((await run({ signins: upper })).length, 1, 'UPNs compare case-insensitively');

  const [hit] = await run({ signins: [...guesses, signin(400, 0)] });
  assert.equal(hit!.severity, 'high');
  assert.equal(hit!.title, 'Password guessing against ceo@contoso.com from 203.0.113.77, then a success');
  const [elsewhere] = await run({ signins: [...guesses, signin(400, 0, { ip: '203.0.113.78' })] });
  assert.equal(elsewhere!.severity, 'medium');
  const [mfa] = await run({ signins: [...guesses, signin(400, 50076)] });
  assert.equal(mfa!.severity, 'high', 'MFA required comes only after a right password');
});

test('an allowlisted source, host or account is lowered to Low, never dropped', async () => {
  const win = [...fails(25), logon(260)];
  const [ip] = await run(
    { win },
    { allowlist: { sourceIps: [{ value: IP, reason: 'vulnerability scanner' }] } },
  );
  assert.equal(ip!.severity, 'low');
  assert.deepEqual(ip!.allowlisted, { kind: 'sourceIp', value: IP, reason: 'vulnerability scanner' });
  const [host] = await run({ win }, { allowlist: { hosts: [{ value: 'srv01', reason: 'honeypot' }] } });
  assert.equal(host!.severity, 'low');
  const [acct] = await run(
    { win },
    { allowlist: { accounts: [{ value: 'SRV01\\Administrator', reason: 'decoy account' }] } },
  );
  assert.equal(acct!.severity, 'low');
  assert.equal(acct!.allowlisted?.kind, 'account');
});

async function triageOf(win: WinInput[]) {
  const b = await CaseBuilder.create();
  try {
    await b.add('security.xml', { win });
    const [f] = await runAnalytics(b.conn, { analytics: ['T1110_001'], allowlist: allowlistOf() });
    return await triageSteps(b.conn, f!);
  } finally {
    b.close();
  }
}

test('triage: did it succeed, was the account locked (4740), is the source internal', async () => {
  const lockout: WinInput = {
    eventId: 4740,
    ts: at(T0, 100),
    host: 'DC01',
    targetUser: 'Administrator',
    targetDomain: 'KALI',
  };
  const quiet = await triageOf([...fails(25), lockout]);
  assert.equal(quiet.length, 3);
  assert.match(quiet[0]!.answer!, /^No success for the account in the case after 2024-06-03 08:00:00 UTC/);
  assert.equal(quiet[0]!.status, 'done');
  assert.match(quiet[1]!.answer!, /^Yes: 1 4740 lock-out, the first at 2024-06-03 08:01:40 UTC on DC01/);
  assert.equal(quiet[1]!.refs?.[0]?.eventId, 4740);
  assert.match(
    quiet[2]!.answer!,
    /198\.51\.100\.23 is a public address: the guessing came from the internet/,
  );
  assert.match(quiet[2]!.answer!, /against this account only/);

  const inside = (e: WinInput) => ({ ...e, ip: '10.1.2.3' });
  const hit = await triageOf([
    ...fails(25).map(inside),
    inside(logon(300)),
    fail(30, 'backup', { ip: '10.1.2.3' }),
  ]);
  assert.match(hit[0]!.answer!, /^Yes, from the guessing source 10\.1\.2\.3: 1 success/);
  assert.equal(hit[0]!.status, 'attention');
  assert.equal(hit[0]!.refs?.[0]?.role, 'later-success');
  assert.match(hit[1]!.answer!, /No 4740 in the case for this account/);
  assert.match(hit[2]!.answer!, /10\.1\.2\.3 is a private address/);
  assert.match(hit[2]!.answer!, /failed against 2 accounts in the case: a spray/);
});
