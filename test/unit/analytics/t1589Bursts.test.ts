// T1589 probes the seeds' 15-in-an-hour rule cannot see (issue 14 item 4), on hand-made cases: the Low
// tier for bursts (5 distinct usernames from one source within 5 minutes, or 3 when most do not exist),
// 4625 with no source address grouped by host, workstation name and calling process, and 4776 wrong
// passwords across many users from one workstation. The `seed` profile stays exactly the seeds' rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import type { SigninInput, WinInput } from '../../support/caseBuilder.js';
import { at, findingsFor, type CaseInput, type RunInput } from '../../support/runOnCase.js';

const T0 = '2020-07-22T20:29:36Z';
const run = (input: CaseInput, opts: RunInput = {}): Promise<Finding[]> =>
  findingsFor(input, { analytics: ['T1589'], ...opts });
const d = (f: Finding | undefined) => f!.details as Record<string, unknown>;

const kerberos = (s: number, user: string, eventId: 4768 | 4771, code: string): WinInput => ({
  eventId,
  ts: at(T0, s),
  host: '01566s-win16-ir.threebeesco.com',
  targetUser: user,
  targetDomain: 'THREEBEESCO',
  ip: '::ffff:172.16.66.1',
  ...(eventId === 4771 ? { failureCode: code } : { status: code }),
});

/** The shape of the real Kerberos spray (manifest R25): 7 unknown names and 2 bad passwords in a second. */
const spray = (): WinInput[] => [
  ...['HD01', 'admin', 'svc-02', 'HD02', 'svc-01', 'bob', 'admin02'].map((u, i) =>
    kerberos(i * 0.1, u, 4768, '0x6'),
  ),
  kerberos(0.8, 'Administrator', 4771, '0x18'),
  kerberos(0.9, 'backdoor', 4771, '0x18'),
];

test('a Kerberos spray of nine users in one second from one IP is a Low burst; not in the seed profile', async () => {
  const [f, ...rest] = await run({ win: spray() });
  assert.equal(rest.length, 0);
  assert.equal(f!.severity, 'low');
  assert.equal(d(f)['tier'], 'burst');
  assert.equal(d(f)['windowMinutes'], 5);
  assert.equal(d(f)['distinctUsers'], 9);
  assert.equal(d(f)['notFoundCount'], 7);
  assert.equal(f!.actor.sourceIp, '172.16.66.1');
  assert.match(
    f!.explanation,
    /as a short burst: 9 distinct usernames within 5 minutes, below the 15 in 60 minutes/,
  );
  assert.deepEqual(await run({ win: spray() }, { profile: 'seed' }), []);
  assert.deepEqual(await run({ win: spray() }, { params: { t1589_bursts: false } }), []);
});

const wrongPassword = (s: number, user: string, extra: Partial<WinInput> = {}): WinInput => ({
  eventId: 4625,
  ts: at(T0, s),
  host: 'SRV01',
  targetUser: user,
  targetDomain: 'CORP',
  status: '0xc000006d',
  subStatus: '0xc000006a',
  logonType: 3,
  ip: '10.9.9.9',
  ...extra,
});
const seven = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus'];

test('5 distinct existing users within 5 minutes from one source fire Low; 4, or 5 over more than 5 minutes, do not', async () => {
  const [f] = await run({ win: seven.slice(0, 5).map((u, i) => wrongPassword(i * 60, u)) });
  assert.equal(f!.severity, 'low');
  assert.equal(d(f)['distinctUsers'], 5);
  assert.deepEqual(await run({ win: seven.slice(0, 4).map((u, i) => wrongPassword(i * 10, u)) }), []);
  assert.deepEqual(await run({ win: seven.slice(0, 5).map((u, i) => wrongPassword(i * 75, u)) }), []);
  const params = { t1589_burst_min_distinct_users: 4, t1589_burst_minutes: 6 };
  assert.equal(
    (await run({ win: seven.slice(0, 4).map((u, i) => wrongPassword(i * 10, u)) }, { params })).length,
    1,
  );
  assert.equal(
    (await run({ win: seven.slice(0, 5).map((u, i) => wrongPassword(i * 75, u)) }, { params })).length,
    1,
  );
  // Seven users failing in one minute from one workstation (NTLM 4776, wrong password).
  const ntlm = seven.map((u, i): WinInput => ({
    eventId: 4776,
    ts: at(T0, i * 8),
    host: 'DC01',
    targetUser: u,
    status: '0xc000006a',
    workstation: 'WS-31',
  }));
  const [w] = await run({ win: ntlm });
  assert.equal(w!.severity, 'low');
  assert.equal(d(w)['sourceWorkstation'], 'WS-31');
  assert.deepEqual(await run({ win: ntlm }, { profile: 'seed' }), []);
});

test('3 distinct users fire Low when most of them do not exist; not when most do', async () => {
  const unknown = (s: number, user: string) => wrongPassword(s, user, { subStatus: '0xc0000064' });
  const [f] = await run({ win: [unknown(0, 'x1'), unknown(20, 'x2'), wrongPassword(40, 'ann')] });
  assert.equal(f!.severity, 'low');
  assert.equal(d(f)['notFoundCount'], 2);
  assert.deepEqual(
    await run({ win: [unknown(0, 'x1'), wrongPassword(20, 'bob'), wrongPassword(40, 'ann')] }),
    [],
  );
  assert.deepEqual(await run({ win: [unknown(0, 'x1'), unknown(20, 'x2')] }), [], 'two names are not enough');
  assert.deepEqual(
    await run(
      { win: [unknown(0, 'x1'), unknown(20, 'x2'), wrongPassword(40, 'ann')] },
      { params: { t1589_burst_min_not_found_users: 4 } },
    ),
    [],
  );
});

test('a burst inside a window-tier episode is part of that finding, not a Low finding of its own', async () => {
  const many = Array.from({ length: 20 }, (_, i) => wrongPassword(i * 150, `user${i}`));
  const findings = await run({ win: many });
  assert.deepEqual(
    findings.map((f) => [f.severity, d(f)['tier'], d(f)['distinctUsers']]),
    [['medium', 'window', 20]],
  );
  // A burst an hour and more after the episode is a finding of its own.
  const later = seven.slice(0, 5).map((u, i) => wrongPassword(20 * 150 + 3600 + i, `late-${u}`));
  const two = await run({ win: [...many, ...later] });
  assert.deepEqual(
    two.map((f) => [f.severity, d(f)['tier']]),
    [
      ['medium', 'window'],
      ['low', 'burst'],
    ],
  );
});

test('4625 with no source address is grouped by host, workstation and calling process, not dropped', async () => {
  // OWA or another application calling LogonUser: logon type 8, no IP, the server's own process.
  const owa = (s: number, user: string, process = 'C:\\Windows\\System32\\inetsrv\\w3wp.exe', ip = '-') =>
    wrongPassword(s, user, {
      ip,
      logonType: 8,
      workstation: 'MAIL01',
      subStatus: '0xc0000064',
      data: { ProcessName: process },
    });
  const events = Array.from({ length: 15 }, (_, i) => owa(i * 120, `name${i}`));
  const [f, ...rest] = await run({ win: events });
  assert.equal(rest.length, 0);
  assert.equal(f!.severity, 'medium');
  assert.equal(d(f)['source'], 'windows-local');
  assert.equal(d(f)['sourceWorkstation'], 'MAIL01');
  assert.equal(d(f)['callingProcess'], 'C:\\Windows\\System32\\inetsrv\\w3wp.exe');
  assert.equal(f!.actor.sourceIp, undefined);
  assert.equal(
    f!.title,
    'Username enumeration on SRV01 from a local caller (workstation MAIL01, process w3wp.exe)',
  );
  assert.deepEqual(await run({ win: events }, { profile: 'seed' }), [], 'the seed groups by source IP only');
  // Loopback is no source either; two calling processes are two callers.
  assert.equal((await run({ win: events.map((e, i) => (i % 2 ? { ...e, ip: '::1' } : e)) })).length, 1);
  const split = events.map((e, i) => (i % 2 ? owa(i * 120, `name${i}`, 'C:\\Tools\\probe.exe') : e));
  assert.deepEqual(
    (await run({ win: split }, { params: { t1589_bursts: false } })).map((x) => d(x)['callingProcess']),
    [],
    '8 and 7 names from two processes stay below 15',
  );
});

test('4776 wrong passwords across many users from one workstation are a spray in the default profile only', async () => {
  const ntlm = Array.from({ length: 15 }, (_, i): WinInput => ({
    eventId: 4776,
    ts: at(T0, i * 60),
    host: 'DC01',
    targetUser: `staff${i}`,
    status: '0xc000006a',
    workstation: 'KIOSK-3',
  }));
  const [f] = await run({ win: ntlm });
  assert.equal(f!.severity, 'medium');
  assert.equal(d(f)['sourceWorkstation'], 'KIOSK-3');
  assert.deepEqual(d(f)['codeCounts'], { '4776:0xc000006a': 15 });
  assert.deepEqual(await run({ win: ntlm }, { profile: 'seed' }), []);
});

test('Entra ID bursts: 5 users failing within 5 minutes from one IP; the seed profile stays silent', async () => {
  const signins: SigninInput[] = ['a', 'b', 'c', 'd', 'e'].map((u, i) => ({
    ts: at(T0, i * 30),
    userPrincipalName: `${u}@contoso.com`,
    ip: '203.0.113.9',
    errorCode: 50126,
    appDisplayName: 'Azure Portal',
    failureReason: 'Invalid username or password',
  }));
  const [f] = await run({ signins });
  assert.equal(f!.severity, 'low');
  assert.equal(d(f)['source'], 'entra-signin');
  assert.deepEqual(await run({ signins }, { profile: 'seed' }), []);
});
