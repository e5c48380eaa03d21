// AN1235 on hand-made cases: which processes are suspicious, the 120 s sequence window, strong and weak
// ties (including hidden `name$` accounts), local accounts only unless widened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import type { WinInput } from '../../support/caseBuilder.js';
import { at, detail, findingsFor, type RunInput } from '../../support/runOnCase.js';

const T0 = '2024-03-01T10:00:00Z';
const SYSTEM = { subjectUser: 'WS01$', subjectDomain: 'CORP', subjectLogonId: '0x3e7', host: 'WS01' };

const run = (win: WinInput[], opts: RunInput = {}): Promise<Finding[]> =>
  findingsFor({ win }, { analytics: ['AN1235'], ...opts });

const proc = (s: number, image: string, commandLine: string, extra: Partial<WinInput> = {}): WinInput => ({
  eventId: 4688,
  ts: at(T0, s),
  pid: 0x100 + Math.round(s * 10),
  parentPid: 0x4,
  image,
  commandLine,
  ...SYSTEM,
  ...extra,
});

const created = (s: number, name: string, extra: Partial<WinInput> = {}): WinInput => ({
  eventId: 4720,
  ts: at(T0, s),
  targetUser: name,
  targetDomain: 'WS01',
  targetSid: `S-1-5-21-1-${name.length}`,
  ...SYSTEM,
  ...extra,
});

test('a dropped tool whose command says `name` creates hidden `name$`: strong tie, High', async () => {
  const [f, ...rest] = await run([
    proc(0, 'C:\\TOOLS\\CreateHiddenAccount.exe', 'CreateHiddenAccount.exe -u hacker -p P@ss', {
      subjectLogonId: '0x55',
    }),
    created(3.5, 'hacker$'),
  ]);
  assert.equal(rest.length, 0);
  assert.equal(detail(f, 'tie'), 'strong');
  assert.equal(detail(f, 'namesAccount'), true);
  assert.equal(detail(f, 'sameLogon'), false);
  assert.equal(detail(f, 'deltaSeconds'), 3.5);
  assert.deepEqual(detail(f, 'why'), ['unusual-location', 'names-account']);
  assert.equal(f!.severity, 'high');
  assert.equal(f!.confidence, 'high');
  assert.deepEqual(f!.accounts, ['WS01\\hacker$']);
  assert.deepEqual(
    f!.evidence.map((e) => [e.role, e.eventId]),
    [
      ['suspicious-process', 4688],
      ['account-created', 4720],
    ],
  );
  assert.match(
    f!.explanation,
    /CreateHiddenAccount\.exe started on WS01 .* 3\.5 s later the local account WS01\\hacker\$ was created: a strong tie/,
  );
});

test('same logon id is a strong tie; only host and time is weak', async () => {
  const [strong] = await run([
    proc(0, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell -enc AAAA'),
    created(10, 'svc1'),
  ]);
  assert.equal(detail(strong, 'tie'), 'strong');
  assert.equal(strong!.confidence, 'medium');
  const [weak] = await run([
    proc(0, 'C:\\Windows\\System32\\cmd.exe', 'cmd.exe', { subjectLogonId: '0x999' }),
    created(10, 'svc1'),
  ]);
  assert.equal(detail(weak, 'tie'), 'weak');
  assert.equal(weak!.severity, 'medium');
  assert.equal(weak!.confidence, 'low');
});

test('the window is 120 s after the process, on the same host only', async () => {
  assert.equal(
    (await run([proc(0, 'C:\\Windows\\System32\\net.exe', 'net user a1 x /add'), created(120, 'a1')])).length,
    1,
  );
  assert.equal(
    (await run([proc(0, 'C:\\Windows\\System32\\net.exe', 'net user a1 x /add'), created(120.5, 'a1')]))
      .length,
    0,
  );
  assert.equal(
    (
      await run([proc(0, 'C:\\Windows\\System32\\net.exe', 'net user a1 x /add'), created(120.5, 'a1')], {
        params: { an1235_sequence_window_s: 121 },
      })
    ).length,
    1,
  );
  assert.equal(
    (await run([proc(1, 'C:\\Windows\\System32\\net.exe', 'net user a1 x /add'), created(0, 'a1')])).length,
    0,
    'process after the 4720',
  );
  assert.equal(
    (
      await run([
        proc(0, 'C:\\Windows\\System32\\net.exe', 'net user a1 x /add', { host: 'WS02' }),
        created(5, 'a1'),
      ])
    ).length,
    0,
  );
});

test('suspicious means: account tool, remote WMI parent, outside Windows/Program Files, or naming the account', async () => {
  const why = async (p: WinInput) => {
    const f = await run([p, created(5, 'victim')]);
    return f.length ? (detail(f[0], 'why') as string[]) : null;
  };
  assert.deepEqual(await why(proc(0, 'C:\\Windows\\System32\\wbem\\WMIC.exe', 'wmic useraccount')), [
    'account-tool',
  ]);
  assert.deepEqual(
    await why(
      proc(0, 'C:\\Windows\\System32\\rundll32.exe', 'rundll32 x.dll,Run', {
        parentImage: 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
      }),
    ),
    ['remote-wmi'],
  );
  assert.deepEqual(await why(proc(0, 'C:\\Users\\bob\\AppData\\Local\\Temp\\a.exe', 'a.exe')), [
    'unusual-location',
  ]);
  assert.deepEqual(
    await why(proc(0, 'C:\\Windows\\Temp\\a.exe', 'a.exe')),
    ['unusual-location'],
    '\\Windows\\Temp\\ is a drop folder',
  );
  assert.deepEqual(await why(proc(0, 'C:\\ProgramData\\x\\b.exe', 'b.exe')), ['unusual-location']);
  assert.deepEqual(await why(proc(0, 'C:\\Windows\\System32\\svchost.exe', 'svchost.exe -k victim')), [
    'names-account',
  ]);
  assert.equal(await why(proc(0, 'C:\\Windows\\System32\\svchost.exe', 'svchost.exe -k netsvcs')), null);
  assert.equal(await why(proc(0, 'C:\\Program Files\\App\\app.exe', 'app.exe')), null);
});

test('domain accounts are left out by default and taken with the option', async () => {
  const events = [
    proc(0, 'C:\\Windows\\System32\\net.exe', 'net user dom1 x /add /domain'),
    created(2, 'dom1', { targetDomain: 'CORP' }),
  ];
  assert.equal((await run(events)).length, 0);
  const [f] = await run(events, { params: { an1235_include_domain_accounts: true } });
  assert.equal(detail(f, 'account.local'), false);
});

test('one finding per 4720: the process naming the account wins, the others are counted', async () => {
  const [f, ...rest] = await run([
    proc(0, 'C:\\Windows\\System32\\cmd.exe', 'cmd.exe'),
    proc(1, 'C:\\Windows\\System32\\net.exe', 'net user bd x /add'),
    proc(1.1, 'C:\\Windows\\System32\\net1.exe', 'net1 user bd x /add'),
    proc(2, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell.exe'),
    created(3, 'bd'),
  ]);
  assert.equal(rest.length, 0);
  assert.equal(detail(f, 'process.imageName'), 'net1.exe');
  assert.equal(detail(f, 'otherSuspiciousProcesses'), 3);
});

test('allowlisted host or creator+tool lowers it to low', async () => {
  const events = [proc(0, 'C:\\Windows\\System32\\net.exe', 'net user a1 x /add'), created(1, 'a1')];
  const [f] = await run(events, {
    allowlist: {
      accounts: [{ value: 'WS01$', reason: 'imaging' }],
      tools: [{ value: 'net.exe', reason: 'imaging' }],
    },
  });
  assert.equal(f!.severity, 'low');
  assert.deepEqual(f!.allowlisted, { kind: 'account+tool', value: 'WS01$ + net.exe', reason: 'imaging' });
});
