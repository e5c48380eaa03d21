// What "Allowlist this" offers from a finding: what the finding itself names, each once, and a script its
// command lines run rather than only the interpreter that ran it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../../../shared/report';
import { allowlistCandidates } from '../../../../../renderer/src/screens/findings/allowlistCandidates';

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

test('password guessing also offers the guessed account; a probe offers its source address', () => {
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
    allowlistCandidates(guessing).map((c) => [c.kind, c.value, c.from]),
    [
      ['accounts', 'svc-backup', 'the guessed account'],
      ['sourceIps', '198.51.100.23', 'the source'],
    ],
  );
  const probe: Finding = { ...guessing, analytic: 'T1589', accounts: ['a@x.example', 'b@x.example'] };
  assert.deepEqual(
    allowlistCandidates(probe).map((c) => c.kind),
    ['sourceIps'],
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
