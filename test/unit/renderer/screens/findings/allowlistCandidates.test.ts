// What "Allowlist this" offers from a finding: what the finding itself names, each once, and a script its
// command lines run rather than only the interpreter that ran it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyticInfo, Finding } from '../../../../../shared/report';
import { allowlistCandidates } from '../../../../../renderer/src/screens/findings/allowlistCandidates';

/**
 * What the API's `analytics` says of an analytic (the engine's registry; test/unit/analytics/t1110_003
 * checks that T1110_001 names its guessed account this way and T1110_003 does not).
 */
const INFOS: AnalyticInfo[] = [
  {
    id: 'T1110_001',
    name: 'Password guessing',
    title: '',
    attack: '',
    reads: ['windows', 'entra'],
    allowlistsNamedAccounts: 'the guessed account',
  },
  { id: 'T1589', name: 'Username enumeration', title: '', attack: '', reads: ['windows', 'entra'] },
  { id: 'T1110_003', name: 'Password spraying', title: '', attack: '', reads: ['windows'] },
];
const info = (id: string) => INFOS.find((a) => a.id === id);

const base: Finding = {
  id: 'AN1604-1',
  analytic: 'AN1604',
  title: 'Account created: SRV-PROV01\\temp.rvanloon',
  severity: 'medium',
  confidence: 'high',
  first: '2026-03-09T06:30:16Z',
  last: '2026-03-09T06:30:16Z',
  hosts: ['SRV-PROV01.corp.local'],
  accounts: ['SRV-PROV01\\temp.rvanloon'],
  actor: { user: 'CORP\\svc_provision', logonId: '0x44ca05' },
  explanation: '',
  params: {},
  lineage: [
    {
      host: 'SRV-PROV01',
      time: '',
      pid: 1,
      image: 'C:\\Windows\\System32\\svchost.exe',
      commandLine: null,
      user: null,
    },
    {
      host: 'SRV-PROV01',
      time: '',
      pid: 2,
      image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      commandLine:
        '"powershell.exe" -NoProfile -File C:\\Scripts\\Provision-NewHires.ps1 -Csv C:\\hr\\new.csv',
      user: 'CORP\\svc_provision',
    },
  ],
  evidence: [],
  details: {
    creator: { user: 'corp\\SVC_PROVISION', sid: 'S-1-5-21-1' },
    session: { ip: '10.0.2.15', logonType: 4 },
    link: { image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', commandLine: null },
  },
};

test('a created account offers its creator, the script before the processes, its source and its host', () => {
  assert.deepEqual(
    allowlistCandidates(base).map((c) => [c.kind, c.value]),
    [
      ['accounts', 'CORP\\svc_provision'],
      ['tools', 'C:\\Scripts\\Provision-NewHires.ps1'],
      ['tools', 'powershell.exe'],
      ['tools', 'svchost.exe'],
      ['sourceIps', '10.0.2.15'],
      ['hosts', 'SRV-PROV01.corp.local'],
    ],
  );
});

test('password guessing also offers the guessed account, as the registry says; a probe offers its source address', () => {
  const guessing: Finding = {
    ...base,
    analytic: 'T1110_001',
    accounts: ['svc-backup'],
    actor: { sourceIp: '198.51.100.23' },
    lineage: [],
    details: { sourceIp: '198.51.100.23' },
    hosts: [],
  };
  assert.deepEqual(
    allowlistCandidates(guessing, info('T1110_001')).map((c) => [c.kind, c.value, c.from]),
    [
      ['accounts', 'svc-backup', 'the guessed account'],
      ['sourceIps', '198.51.100.23', 'the source'],
    ],
  );
  assert.deepEqual(
    allowlistCandidates(guessing, info('T1589')).map((c) => c.kind),
    ['sourceIps'],
    "another analytic's word is not taken for this finding's",
  );
  assert.deepEqual(
    allowlistCandidates(guessing).map((c) => c.kind),
    ['sourceIps'],
    'without the registry, only what lowers every analytic is offered',
  );
  const probe: Finding = { ...guessing, analytic: 'T1589', accounts: ['a@x.example', 'b@x.example'] };
  assert.deepEqual(
    allowlistCandidates(probe, info('T1589')).map((c) => c.kind),
    ['sourceIps'],
  );
});

test('a password spray offers its actor, the address its session came from and its host, never the sprayed accounts', () => {
  const spray: Finding = {
    ...base,
    analytic: 'T1110_003',
    accounts: ['user01', 'user02'],
    actor: { user: 'CORP\\mallory', logonId: '0x5a3f1', sourceIp: '10.9.9.9' },
    lineage: [
      {
        host: 'WS07',
        time: '',
        pid: 6700,
        image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        commandLine: null,
        user: null,
        stub: true,
      },
    ],
    details: { session: { ip: '10.9.9.9', logonType: 10 }, targets: [{ address: '10.0.0.10' }] },
    hosts: ['WS07'],
  };
  assert.deepEqual(
    allowlistCandidates(spray, info('T1110_003')).map((c) => [c.kind, c.value]),
    [
      ['accounts', 'CORP\\mallory'],
      ['tools', 'powershell.exe'],
      ['sourceIps', '10.9.9.9'],
      ['hosts', 'WS07'],
    ],
  );
});

test('an enumeration offers the tools its events name, and nothing empty or a placeholder', () => {
  const enumeration: Finding = {
    ...base,
    analytic: 'AN1612',
    actor: { user: '-' },
    lineage: [],
    details: {
      tools: ['C:\\Windows\\System32\\net.exe', 'C:\\Windows\\System32\\NET.EXE'],
      commands: ['net group /domain'],
    },
    hosts: ['WS01', ''],
  };
  assert.deepEqual(
    allowlistCandidates(enumeration).map((c) => [c.kind, c.value]),
    [
      ['tools', 'net.exe'],
      ['hosts', 'WS01'],
    ],
  );
});
