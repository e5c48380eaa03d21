// Checks the committed sample case against the stories it is meant to tell, recomputing from the files
// alone what the analytics will see: process parents, the account creations and their sessions, and
// the enumeration counts per source over one-hour windows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { parseStringPromise } from 'xml2js';
import { sampleLogsDir } from '../../support/paths.js';
import { hexValue } from './eventText.js';
import { loadEntra, loadWindows, maxDistinctPerHour } from './sampleRecords.js';
import type { Audit, Signin, WinRecord } from './sampleRecords.js';

let win: WinRecord[] = [];
let entra: { signins: Signin[]; audits: Audit[] } = { signins: [], audits: [] };
before(() => {
  win = loadWindows();
  entra = loadEntra();
});

const expected = () =>
  JSON.parse(readFileSync(join(sampleLogsDir, 'expected-findings.json'), 'utf8')) as {
    findings: Array<{ analytic: string; sourceIp?: string; accounts?: string[]; severity: string }>;
  };

test('every event of every Windows file is well-formed XML', async () => {
  for (const ev of win) await parseStringPromise(ev.xml, { strict: true });
});

test('each 4688 parent (latest earlier start of the creator pid on the host) has the reported image', () => {
  const starts = win.filter((e) => e.id === 4688).sort((a, b) => a.time.localeCompare(b.time));
  const latest = new Map<string, string>();
  let linked = 0;
  for (const e of starts) {
    const parent = latest.get(`${e.host}/${hexValue(e.get('ProcessId'))}`);
    if (parent !== undefined) {
      assert.equal(parent, e.get('ParentProcessName'), `${e.host} ${e.time} ${e.get('CommandLine')}`);
      linked++;
    }
    latest.set(`${e.host}/${hexValue(e.get('NewProcessId'))}`, e.get('NewProcessName')!);
  }
  // Most background processes hang off services started before the logs begin (stubs); user activity links.
  assert.ok(linked > 500, `only ${linked} of ${starts.length} process starts link to a logged parent`);
});

test('Sysmon 1 agrees with 4688 and its ParentProcessGuid points at the parent image', () => {
  const byGuid = new Map<string, string>();
  const security = new Set(
    win
      .filter((e) => e.id === 4688)
      .map((e) => `${e.host}/${hexValue(e.get('NewProcessId'))}/${e.get('NewProcessName')}`),
  );
  for (const e of win
    .filter((x) => x.file.includes('Sysmon') && x.id === 1)
    .sort((a, b) => a.time.localeCompare(b.time))) {
    assert.ok(
      security.has(`${e.host}/${Number(e.get('ProcessId'))}/${e.get('Image')}`),
      `4688 for ${e.get('Image')}`,
    );
    const parentImage = byGuid.get(e.get('ParentProcessGuid')!);
    if (parentImage !== undefined) assert.equal(parentImage, e.get('ParentImage'));
    byGuid.set(e.get('ProcessGuid')!, e.get('Image')!);
  }
});

test('exactly the story accounts are created, each on its host', () => {
  const created = win
    .filter((e) => e.id === 4720)
    .map((e) => `${e.host}:${e.get('TargetDomainName')}\\${e.get('TargetUserName')}`)
    .sort();
  assert.deepEqual(created, [
    'DC01:CORP\\svc-report',
    'SRV-PROV01:SRV-PROV01\\temp.asmits',
    'SRV-PROV01:SRV-PROV01\\temp.kbakker',
    'SRV-PROV01:SRV-PROV01\\temp.rvanloon',
    'WS01:WS01\\backdoor',
    'WS02:WS02\\helpdesk_tmp',
  ]);
});

test("backdoor: net1 in jdoe's RDP session creates it, it joins Administrators and logs on from elsewhere", () => {
  const ws01 = win.filter((e) => e.host === 'WS01');
  const created = ws01.find((e) => e.id === 4720)!;
  const logonId = hexValue(created.get('SubjectLogonId'));
  const rdp = ws01.find((e) => e.id === 4624 && hexValue(e.get('TargetLogonId')) === logonId)!;
  assert.equal(rdp.get('LogonType'), '10');
  assert.equal(rdp.get('IpAddress'), '10.0.4.7');
  assert.equal(rdp.get('TargetUserName'), 'jdoe');
  const net1 = ws01.find(
    (e) =>
      e.id === 4688 &&
      e.get('CommandLine')!.includes('net1  user backdoor') &&
      hexValue(e.get('SubjectLogonId')) === logonId,
  )!;
  assert.ok(Date.parse(created.time) - Date.parse(net1.time) < 5000);
  const chain: string[] = [];
  for (let p: WinRecord | undefined = net1; p;) {
    chain.unshift(p.get('NewProcessName')!.split('\\').pop()!.toLowerCase());
    const pid = hexValue(p.get('ProcessId'));
    const t: string = p.time;
    p = ws01.filter((e) => e.id === 4688 && hexValue(e.get('NewProcessId')) === pid && e.time <= t).pop();
  }
  assert.deepEqual(chain.slice(-4), ['explorer.exe', 'cmd.exe', 'net.exe', 'net1.exe']);
  const sid = created.get('TargetSid');
  assert.ok(
    ws01.some(
      (e) => e.id === 4732 && e.get('TargetUserName') === 'Administrators' && e.get('MemberSid') === sid,
    ),
  );
  const later = ws01.find((e) => e.id === 4624 && e.get('TargetUserName') === 'backdoor')!;
  assert.equal(later.get('IpAddress'), '10.0.4.9');
  const minutes = (Date.parse(later.time) - Date.parse(created.time)) / 60000;
  assert.ok(minutes > 8 && minutes < 12, `${minutes} minutes`);
  const artifact = ws01.find((e) => e.id === 11 && e.get('TargetFilename') === 'C:\\Users\\jdoe\\users.txt')!;
  assert.equal(artifact.get('Image'), 'C:\\Windows\\System32\\cmd.exe');
});

test('svc-report: created under a network logon from ADM01, where mmc dsa.msc runs, then made a Domain Admin', () => {
  const created = win.find((e) => e.id === 4720 && e.get('TargetUserName') === 'svc-report')!;
  const session = win.find(
    (e) => e.host === 'DC01' && e.id === 4624 && e.get('TargetLogonId') === created.get('SubjectLogonId'),
  )!;
  assert.deepEqual(
    [
      session.get('LogonType'),
      session.get('WorkstationName'),
      session.get('IpAddress'),
      session.get('TargetUserName'),
    ],
    ['3', 'ADM01', '10.0.2.15', 'admin.smith'],
  );
  const mmc = win.find(
    (e) => e.host === 'ADM01' && e.id === 4688 && e.get('CommandLine')!.includes('dsa.msc'),
  )!;
  assert.equal(mmc.get('SubjectUserName'), 'admin.smith');
  assert.ok(Date.parse(created.time) - Date.parse(mmc.time) < 600_000 && mmc.time < created.time);
  const group = win.find((e) => e.id === 4728 && e.get('TargetUserName') === 'Domain Admins')!;
  assert.equal(group.get('MemberSid'), created.get('TargetSid'));
});

test('WS02 has no process telemetry, starts with the log clear by jdoe, and its System log records another clear', () => {
  const ws02 = win
    .filter((e) => e.host === 'WS02' && e.file.includes('Security'))
    .sort((a, b) => a.time.localeCompare(b.time));
  assert.equal(ws02[0]!.id, 1102);
  assert.match(ws02[0]!.xml, /<SubjectUserName>jdoe<\/SubjectUserName>/);
  assert.ok(!win.some((e) => e.host === 'WS02' && (e.id === 4688 || e.file.includes('Sysmon'))));
  assert.ok(
    win.some(
      (e) => e.host === 'WS02' && e.id === 104 && /<Channel>Windows PowerShell<\/Channel>/.test(e.xml),
    ),
  );
});

test('WS01 is silent for three hours on Thursday, with events either side', () => {
  const ws01 = win.filter((e) => e.host === 'WS01' && e.time.startsWith('2026-03-12'));
  assert.ok(!ws01.some((e) => e.time >= '2026-03-12T10:15' && e.time < '2026-03-12T13:20'));
  assert.ok(ws01.some((e) => e.time < '2026-03-12T10:15' && e.time > '2026-03-12T09'));
  assert.ok(ws01.some((e) => e.time >= '2026-03-12T13:20' && e.time < '2026-03-12T14'));
});

const ENTRA_CODES = new Set([50034, 50053, 50055, 50057, 50072, 50076, 50126]);

test('Entra username enumeration: only the attacker and the pentest reach 15 names an hour', () => {
  const counts = maxDistinctPerHour(
    entra.signins.filter((s) => ENTRA_CODES.has(s.code)),
    (s) => s.ip,
    (s) => s.upn,
    (s) => s.time,
  );
  const over = [...counts].filter(([, n]) => n >= 15).sort();
  assert.deepEqual(over, [
    ['198.51.100.23', 40],
    ['203.0.113.77', 130],
  ]);
  assert.equal(counts.get('203.0.113.150'), 12);
  const f = expected().findings.find(
    (x) => x.sourceIp === '203.0.113.77' && x.analytic === 'T1589' && x.severity === 'critical',
  )!;
  assert.equal(f.accounts!.length, 130);
});

test('a probed account later signs in successfully from the enumerating address', () => {
  const probed = new Set(
    entra.signins.filter((s) => s.ip === '203.0.113.77' && s.code !== 0).map((s) => s.upn),
  );
  const success = entra.signins.filter((s) => s.ip === '203.0.113.77' && s.code === 0 && probed.has(s.upn));
  assert.ok(success.length > 0);
  assert.equal(success[0]!.upn, 'jdoe@contoso.example');
});

test('SSPR abuse: the attacker reaches 30 targets, the helpdesk tool 18, nobody else 10', () => {
  const names = [
    'reset password (self-service)',
    'self-service password reset flow activity',
    'verify email address phone number',
    'blocked from self-service password reset',
    'unlock user account (self-service)',
  ];
  const matching = entra.audits.filter(
    (a) =>
      a.service === 'Self-service Password Management' &&
      a.ip &&
      names.some((n) => a.activity.toLowerCase().startsWith(n)) &&
      (a.result === 'failure' || /blocked|failed/i.test(a.reason) || /verify/i.test(a.activity)),
  );
  const counts = maxDistinctPerHour(
    matching,
    (a) => a.ip!,
    (a) => a.target!,
    (a) => a.time,
  );
  assert.deepEqual([...counts].filter(([, n]) => n >= 10).sort(), [
    ['192.0.2.45', 18],
    ['203.0.113.77', 30],
  ]);
});

test('Windows username enumeration: only the Kerberos probe from 10.0.4.7 reaches 15 names', () => {
  const failing = win.filter((e) => {
    const code = (name: string) => (e.get(name) === undefined ? -1 : hexValue(e.get(name)));
    if (e.id === 4625)
      return [0xc0000064, 0xc0000072, 0xc000006d].some(
        (c) => c === code('SubStatus') || c === code('Status'),
      );
    if (e.id === 4771) return [0x6, 0x18].includes(code('Status'));
    if (e.id === 4768) return [0x6, 0x12].includes(code('Status'));
    return false;
  });
  const counts = maxDistinctPerHour(
    failing,
    (e) => e.get('IpAddress')!.replace('::ffff:', ''),
    (e) => e.get('TargetUserName')!,
    (e) => e.time,
  );
  assert.deepEqual(
    [...counts].filter(([, n]) => n >= 15),
    [['10.0.4.7', 23]],
  );
  assert.equal(counts.get('10.0.5.33'), 12);
});
