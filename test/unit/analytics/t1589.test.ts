// T1589 username enumeration on hand-made cases: Entra sign-ins (default and `seed` profiles, the latter
// checked against a hand-worked run of seed 002's KQL), SSPR audits, Windows failures, thresholds at
// 14/15, sliding windows, scoring and allowlisted sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import type { AuditInput, SigninInput, WinInput } from '../../support/caseBuilder.js';
import { at, findingsFor, type CaseInput, type RunInput } from '../../support/runOnCase.js';

const T0 = '2024-05-01T10:00:00Z';
const run = (input: CaseInput, opts: RunInput = {}): Promise<Finding[]> =>
  findingsFor(input, { analytics: ['T1589'], ...opts });
const d = (f: Finding | undefined) => f!.details as Record<string, unknown>;
/** The seeds' window tier alone: without the Low tier for short bursts (t1589Bursts.test.ts tests it). */
const WINDOW_TIER: RunInput = { params: { t1589_bursts: false } };

const signin = (
  s: number,
  user: string,
  errorCode: number,
  extra: Partial<SigninInput> = {},
): SigninInput => ({
  ts: at(T0, s),
  userPrincipalName: user,
  ip: '203.0.113.10',
  errorCode,
  appDisplayName: 'Azure Portal',
  failureReason: errorCode === 50034 ? 'Invalid username' : `code ${errorCode}`,
  ...extra,
});

const names = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `u${String(from + i).padStart(2, '0')}@contoso.com`);

test('14 distinct usernames from one IP in an hour do not fire; 15 do (Medium)', async () => {
  const fourteen = names(14).map((u, i) => signin(i * 60, u, 50034));
  assert.deepEqual(await run({ signins: fourteen }, WINDOW_TIER), []);
  assert.deepEqual(
    (await run({ signins: fourteen })).map((f) => [f.severity, d(f)['tier'], d(f)['distinctUsers']]),
    [['low', 'burst', 5]],
    'by default, 5 of them within 5 minutes are a Low burst',
  );
  const [f, ...rest] = await run({ signins: names(15).map((u, i) => signin(i * 60, u, 50034)) });
  assert.equal(rest.length, 0);
  assert.equal(f!.severity, 'medium');
  assert.equal(f!.actor.sourceIp, '203.0.113.10');
  assert.equal(d(f)['distinctUsers'], 15);
  assert.equal(f!.accounts.length, 15);
  assert.equal(f!.title, 'Username enumeration from 203.0.113.10');
  assert.deepEqual(
    f!.evidence.map((e) => e.table),
    Array(15).fill('signins'),
  );
  assert.equal(f!.evidence[0]!.recordId, 1, 'a JSON record is identified by its ordinal');
  const [lowered] = await run(
    { signins: names(15).map((u, i) => signin(i * 60, u, 50034)) },
    { params: { t1589_min_distinct_users: 16, t1589_bursts: false } },
  );
  assert.equal(lowered, undefined, 'the threshold is a parameter');
});

test('windows slide over log time: 15 names over 61 minutes never share an hour, over 59 they do', async () => {
  const spread = (lastAt: number) => names(15).map((u, i) => signin(i === 14 ? lastAt : i * 60, u, 50034));
  assert.deepEqual(
    await run({ signins: spread(3600) }, WINDOW_TIER),
    [],
    'an event exactly 60 min after the first is outside',
  );
  assert.equal((await run({ signins: spread(3599) }, WINDOW_TIER)).length, 1);
  // Two separate bursts a day apart from the same IP are two findings.
  const twice = [
    ...names(15).map((u, i) => signin(i, u, 50034)),
    ...names(15).map((u, i) => signin(86400 + i, u, 50034)),
  ];
  assert.equal((await run({ signins: twice })).length, 2);
});

test('50126 counts in the default profile and not in the seed profile', async () => {
  const events = names(15).map((u, i) => signin(i, u, 50126));
  assert.equal((await run({ signins: events })).length, 1);
  assert.equal((await run({ signins: events }, { profile: 'seed' })).length, 0);
  assert.equal(
    (await run({ signins: names(15).map((u, i) => signin(i, u, 0)) })).length,
    0,
    'successes never count',
  );
});

test('seed profile reproduces seed 002 KQL to the number (hand-worked)', async () => {
  // One IP, 203.0.113.10. The KQL groups `by IPAddress, AppDisplayName, ResultDescription`, keeps
  // ResultType in (50034, 50053, 50055, 50057, 50072, 50076) and counts dcount(UserPrincipalName) as written.
  const signins: SigninInput[] = [
    // Group A: Azure Portal / "Invalid username" / 50034 — 16 rows:
    //   u01..u15 (15 names) plus "U01@contoso.com", which the KQL's dcount counts as a 16th name.
    signin(59, 'u01@contoso.com', 50034), //                  10:00:59  FirstSeen
    ...names(14, 2).map((u, i) => signin(300 + i * 120, u, 50034)), // 10:05:00 … 10:31:00
    signin(2461, 'U01@contoso.com', 50034), //                10:41:01  LastSeen
    // Group B: 50126 "Invalid username or password" — not in the seed's list, so no row of it counts.
    ...names(5, 16).map((u, i) => signin(1200 + i, u, 50126)),
    // Group C: 50057 "User account is disabled" — 3 names: its own group, below 15.
    ...names(3, 21).map((u, i) => signin(1800 + i, u, 50057)),
    // Group D: another app, same description — its own group of 1.
    signin(2100, 'u24@contoso.com', 50034, { appDisplayName: 'Office 365' }),
  ];
  // Worked by hand, group A only passes `UniqueUsernames >= 15`:
  //   TotalFailures = count() = 16; UniqueUsernames = dcount = 16 (u01 and U01 differ);
  //   UsernameNotFoundCount = sum(ResultType == "50034") = 16; LockedDisabledCount = 0;
  //   DurationMinutes = datetime_diff('minute', 10:41:01, 10:00:59) = 41 (minute boundaries crossed,
  //   not the 40.03 elapsed); EnumRate = round(16 / 41, 2) = 0.39;
  //   SuspicionScore: 16 >= 15 and < 50, and 16 < 30 not-found → "Medium"; ErrorCodes = ["50034"].
  const seed = await run({ signins }, { profile: 'seed' });
  assert.equal(seed.length, 1);
  const s = d(seed[0]);
  assert.equal(s['app'], 'Azure Portal');
  assert.equal(s['resultDescription'], 'Invalid username');
  assert.equal(s['totalFailures'], 16);
  assert.equal(s['distinctUsers'], 16);
  assert.equal(s['notFoundCount'], 16);
  assert.equal(s['lockedDisabledCount'], 0);
  assert.equal(s['durationMinutes'], 41);
  assert.equal(s['rate'], 0.39);
  assert.equal(s['score'], 'medium');
  assert.deepEqual(s['errorCodes'], ['50034']);
  assert.equal(seed[0]!.first, '2024-05-01T10:00:59.000000Z');
  assert.equal(seed[0]!.last, '2024-05-01T10:41:01.000000Z');
  assert.equal((s['usersShown'] as string[]).length, 16, 'make_set(UserPrincipalName, 25) shows up to 25');

  // The default profile, on the same rows: one group per IP, 50126 included, names compared
  // case-insensitively: 15 + 5 + 3 + 1 = 24 names, 16 + 5 + 3 + 1 = 25 failures, 16 + 1 = 17 not found,
  // 3 disabled, still 41 minutes → rate round(24 / 41, 2) = 0.59.
  const [def] = await run({ signins });
  assert.equal(d(def)['distinctUsers'], 24);
  assert.equal(d(def)['totalFailures'], 25);
  assert.equal(d(def)['notFoundCount'], 17);
  assert.equal(d(def)['lockedDisabledCount'], 3);
  assert.equal(d(def)['rate'], 0.59);
  assert.equal(d(def)['app'], null);
});

test('scores: Critical at 100 names, High at 50 names or 30 not-found', async () => {
  const many = (n: number, code: number) => names(n).map((u, i) => signin(i, u.replace('@', `${n}@`), code));
  assert.equal((await run({ signins: many(100, 50126) }))[0]!.severity, 'critical');
  assert.equal((await run({ signins: many(50, 50126) }))[0]!.severity, 'high');
  assert.equal((await run({ signins: many(49, 50126) }))[0]!.severity, 'medium');
  assert.equal((await run({ signins: many(30, 50034) }))[0]!.severity, 'high');
  const [f] = await run({ signins: many(100, 50126) });
  assert.equal((d(f)['usersShown'] as string[]).length, 25);
  assert.equal((d(f)['users'] as string[]).length, 100, 'all names are kept');
});

test('an allowlisted source IP is lowered to low, not dropped', async () => {
  const [f] = await run(
    { signins: names(20).map((u, i) => signin(i, u, 50034)) },
    { allowlist: { sourceIps: [{ value: '203.0.113.10', reason: 'pentest window' }] } },
  );
  assert.equal(f!.severity, 'low');
  assert.deepEqual(f!.allowlisted, { kind: 'sourceIp', value: '203.0.113.10', reason: 'pentest window' });
});

const sspr = (s: number, target: string, extra: Partial<AuditInput> = {}): AuditInput => ({
  ts: at(T0, s),
  activity: 'Self-service password reset flow activity progress',
  loggedByService: 'Self-service Password Management',
  result: 'failure',
  resultReason: "User's account has insufficient authentication methods defined.",
  initiatorIp: '192.0.2.44',
  targetUpns: [target],
  ...extra,
});

test('SSPR: 10 distinct targets from one IP fire (Medium), 9 do not, 25 are High', async () => {
  assert.deepEqual(await run({ audits: names(9).map((u, i) => sspr(i * 60, u)) }), []);
  const [f] = await run({ audits: names(10).map((u, i) => sspr(i * 60, u)) });
  assert.equal(f!.severity, 'medium');
  assert.equal(d(f)['source'], 'entra-sspr');
  assert.equal(f!.title, 'Self-service password reset probing from 192.0.2.44');
  assert.equal((await run({ audits: names(25).map((u, i) => sspr(i, u)) }))[0]!.severity, 'high');
});

test('SSPR counts failed, blocked or verifying steps of the listed activities, by the SSPR service', async () => {
  const ten = (extra: Partial<AuditInput>) => names(10).map((u, i) => sspr(i, u, extra));
  const fires = async (extra: Partial<AuditInput>) => (await run({ audits: ten(extra) })).length === 1;
  assert.equal(
    await fires({ result: 'success', resultReason: 'User was presented with verification options' }),
    false,
  );
  assert.equal(await fires({ result: 'success', resultReason: 'Blocked: too many attempts' }), true);
  assert.equal(
    await fires({ result: 'success', activity: 'Verify email address phone number', resultReason: 'None' }),
    true,
  );
  assert.equal(
    await fires({
      result: 'success',
      activity: 'Blocked from self-service password reset',
      resultReason: 'None',
    }),
    true,
  );
  assert.equal(
    await fires({ activity: 'RESET PASSWORD (SELF-SERVICE)' }),
    true,
    'activities match case-insensitively',
  );
  assert.equal(await fires({ activity: 'Reset password (by admin)' }), false);
  assert.equal(await fires({ loggedByService: 'Core Directory' }), false);
});

const winFail = (s: number, eventId: number, user: string, extra: Partial<WinInput> = {}): WinInput => ({
  eventId,
  ts: at(T0, s),
  host: 'DC01',
  targetUser: user,
  targetDomain: 'CORP',
  ip: '::ffff:10.1.1.1',
  ...extra,
});

const users = (n: number) => Array.from({ length: n }, (_, i) => `user${i}`);

test('Windows: 4625, 4771, 4768 by source IP (::ffff: stripped), codes compared by value', async () => {
  const events = [
    ...users(5).map((u, i) => winFail(i, 4625, u, { status: '0xC000006D', subStatus: '0XC0000064' })),
    ...users(5).map((u, i) => winFail(10 + i, 4771, `k${u}`, { failureCode: '0x00000018' })),
    ...users(5).map((u, i) => winFail(20 + i, 4768, `t${u}`, { status: '0x6' })),
  ];
  const [f, ...rest] = await run({ win: events });
  assert.equal(rest.length, 0);
  assert.equal(f!.actor.sourceIp, '10.1.1.1');
  assert.deepEqual(f!.hosts, ['DC01']);
  assert.equal(d(f)['distinctUsers'], 15);
  assert.equal(d(f)['notFoundCount'], 10, '4625 0xc0000064 and 4768 0x6');
  assert.deepEqual(d(f)['codeCounts'], { '4625:0xc0000064': 5, '4771:0x18': 5, '4768:0x6': 5 });
  assert.equal((await run({ win: events.slice(0, 14) }, WINDOW_TIER)).length, 0, '14 names do not fire');
  assert.equal((await run({ win: events }, { profile: 'seed' })).length, 0, 'the seed profile has no 4768');
});

test('Windows: 4625 counts by SubStatus or Status; other failures and successes do not', async () => {
  const fire = async (extra: Partial<WinInput>, eventId = 4625) =>
    (await run({ win: users(15).map((u, i) => winFail(i, eventId, u, extra)) })).length === 1;
  assert.equal(await fire({ status: '0xc000006d', subStatus: '0xc000006a' }), true, 'bad logon by Status');
  assert.equal(await fire({ status: '0xc000006e', subStatus: '0xc0000072' }), true, 'disabled by SubStatus');
  assert.equal(await fire({ status: '0xc000015b', subStatus: '0x0' }), false, 'logon type not granted');
  assert.equal(await fire({ failureCode: '0x12' }, 4771), false, '4771 0x12 is not in the list');
  assert.equal(await fire({ status: '0x0' }, 4768), false, 'a successful TGT');
});

test('Windows: 4776 groups by workstation; empty, loopback and placeholder sources and names are skipped (seed)', async () => {
  const ntlm = users(15).map((u, i) =>
    winFail(i, 4776, u, { ip: undefined, workstation: 'KALI', status: '0xc0000064' }),
  );
  const [f] = await run({ win: ntlm });
  assert.equal(d(f)['source'], 'windows-workstation');
  assert.equal(d(f)['sourceWorkstation'], 'KALI');
  assert.equal(f!.actor.sourceIp, undefined);
  assert.equal(f!.title, 'Username enumeration from workstation KALI');
  const noise = [
    ...users(15).map((u, i) => winFail(i, 4625, u, { ip: '127.0.0.1', subStatus: '0xc0000064' })),
    ...users(15).map((u, i) => winFail(i, 4625, u, { ip: '-', subStatus: '0xc0000064' })),
    ...users(15).map((u, i) => winFail(i, 4625, u, { ip: undefined, subStatus: '0xc0000064' })),
    ...['-', 'N/A', 'ANONYMOUS LOGON', 'anonymous logon', ...users(11)].map((u, i) =>
      winFail(i, 4625, u, { ip: '10.2.2.2', subStatus: '0xc0000064' }),
    ),
  ];
  // The seed's rules: grouped by source IP only, so a 4625 without one is dropped; the default profile
  // groups those on their host instead (t1589Bursts.test.ts), and 11 names in 11 s are a Low burst.
  const seedRules = { params: { t1589_bursts: false, t1589_win_group_without_ip: false } };
  assert.deepEqual(await run({ win: noise }, seedRules), []);
  assert.deepEqual(await run({ win: noise }, { profile: 'seed' }), []);
  assert.deepEqual(
    (await run({ win: noise })).map((f) => [d(f)['source'], f.severity, d(f)['distinctUsers']]),
    [
      ['windows-local', 'high', 15], // 45 "no such user" failures: High at 30
      ['windows-ip', 'low', 11],
    ],
  );
});

test('the three sources come out ordered by score, then distinct usernames', async () => {
  const findings = await run({
    signins: names(60).map((u, i) => signin(i, u, 50126)),
    audits: names(12).map((u, i) => sspr(i, u)),
    win: users(20).map((u, i) => winFail(i, 4625, u, { subStatus: '0xc0000064' })),
  });
  assert.deepEqual(
    findings.map((f) => [d(f)['source'], f.severity, d(f)['distinctUsers']]),
    [
      ['entra-signin', 'high', 60],
      ['windows-ip', 'medium', 20],
      ['entra-sspr', 'medium', 12],
    ],
  );
});
