// Triage checklists answered from small hand-made cases: did a probed account later sign in from the same
// source (Entra ID and Windows, once where one did and once where none did), and what happened to a
// created account next (groups, logons, a cleared log on a host with no process creation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../shared/report.js';
import { triageSteps } from '../../../electron/engine/analytics/index.js';
import { CaseBuilder, type SigninInput, type WinInput } from '../../support/caseBuilder.js';

function finding(partial: Partial<Finding> & Pick<Finding, 'analytic'>): Finding {
  return {
    id: 'f1',
    title: 't',
    severity: 'high',
    confidence: 'high',
    first: '2024-03-05T11:00:00.000000Z',
    last: '2024-03-05T11:15:00.000000Z',
    hosts: [],
    accounts: [],
    actor: {},
    explanation: '',
    params: {},
    lineage: [],
    evidence: [],
    ...partial,
  };
}

const PROBED = ['ann@corp.example', 'bob@corp.example', 'cat@corp.example', 'dan@corp.example'];
const IP = '203.0.113.5';

function probes(): SigninInput[] {
  return PROBED.map((u, i) => ({
    ts: `2024-03-05T11:0${i}:00Z`,
    userPrincipalName: u,
    ip: IP,
    errorCode: i === 0 ? 50034 : 50126,
  }));
}

const entraFinding = finding({
  analytic: 'T1589',
  accounts: PROBED,
  actor: { sourceIp: IP },
  details: {
    source: 'entra-signin',
    sourceIp: IP,
    users: PROBED,
    windowStart: '2024-03-05T11:00:00.000000Z',
  },
});

test('Entra ID: a probed account that later signs in from the same IP is named, with when', async () => {
  const c = await CaseBuilder.create();
  try {
    await c.add('signins.json', {
      signins: [
        ...probes(),
        // Not the answer: success before the probing, from another IP, and by an account never probed.
        { ts: '2024-03-05T09:00:00Z', userPrincipalName: 'cat@corp.example', ip: IP, errorCode: 0 },
        {
          ts: '2024-03-05T12:00:00Z',
          userPrincipalName: 'bob@corp.example',
          ip: '198.51.100.9',
          errorCode: 0,
        },
        { ts: '2024-03-05T12:05:00Z', userPrincipalName: 'eve@corp.example', ip: IP, errorCode: 0 },
        // The answer: Cat, twice, from the prober's address.
        { ts: '2024-03-06T07:58:20Z', userPrincipalName: 'Cat@corp.example', ip: IP, errorCode: 0 },
        { ts: '2024-03-06T08:10:00Z', userPrincipalName: 'cat@corp.example', ip: IP, errorCode: 0 },
      ],
    });
    const [later, real] = await triageSteps(c.conn, entraFinding);
    assert.match(later!.text, /later signed in successfully from 203\.0\.113\.5/);
    assert.equal(later!.status, 'attention');
    assert.equal(
      later!.answer,
      'Yes: Cat@corp.example at 2024-03-06 07:58:20 UTC (2 times). Treat this account as compromised.',
    );
    assert.equal(later!.refs?.length, 2);
    assert.equal(later!.refs![0]!.table, 'signins');
    assert.equal(later!.refs![0]!.recordNo, 8);
    assert.equal(real!.status, 'attention');
    assert.match(real!.answer!, /^3 probed names answered as a real account/);
  } finally {
    c.close();
  }
});

test('Entra ID: when no probed account signs in afterwards, the answer says so', async () => {
  const c = await CaseBuilder.create();
  try {
    await c.add('signins.json', {
      signins: [
        ...probes(),
        {
          ts: '2024-03-05T12:00:00Z',
          userPrincipalName: 'bob@corp.example',
          ip: '198.51.100.9',
          errorCode: 0,
        },
      ],
    });
    const [later] = await triageSteps(c.conn, entraFinding);
    assert.equal(later!.status, 'done');
    assert.equal(
      later!.answer,
      'No: none of the 4 probed names signed in successfully from 203.0.113.5 after 2024-03-05 11:00:00 UTC.',
    );
    assert.deepEqual(later!.refs, []);
  } finally {
    c.close();
  }
});

const WIN_PROBES: WinInput[] = ['admin', 'ghost', 'svc-sql'].map((u, i) => ({
  eventId: 4625,
  ts: `2024-03-05T11:0${i}:00Z`,
  host: 'DC01',
  targetUser: u,
  ip: i === 0 ? '::ffff:10.0.9.9' : '10.0.9.9',
  subStatus: i === 1 ? '0xc0000064' : '0xc000006a',
}));
const winFinding = finding({
  analytic: 'T1589',
  hosts: ['DC01'],
  accounts: ['admin', 'ghost', 'svc-sql'],
  actor: { sourceIp: '10.0.9.9' },
  details: {
    source: 'windows-ip',
    sourceIp: '10.0.9.9',
    users: ['admin', 'ghost', 'svc-sql'],
    windowStart: '2024-03-05T11:00:00.000000Z',
  },
});

test('Windows: a 4624 from the probing address by a probed account answers the question', async () => {
  const c = await CaseBuilder.create();
  try {
    await c.add('Security.xml', {
      win: [
        ...WIN_PROBES,
        {
          eventId: 4624,
          ts: '2024-03-05T11:30:00Z',
          host: 'DC01',
          targetUser: 'svc-sql',
          targetDomain: 'CORP',
          ip: '::ffff:10.0.9.9',
          logonType: 3,
        },
        {
          eventId: 4624,
          ts: '2024-03-05T11:31:00Z',
          host: 'DC01',
          targetUser: 'admin',
          targetDomain: 'CORP',
          ip: '10.0.1.5',
          logonType: 3,
        },
      ],
    });
    const [later, real] = await triageSteps(c.conn, winFinding);
    assert.equal(later!.status, 'attention');
    assert.equal(
      later!.answer,
      'Yes: CORP\\svc-sql at 2024-03-05 11:30:00 UTC. Treat this account as compromised.',
    );
    assert.equal(later!.refs![0]!.eventId, 4624);
    assert.match(real!.answer!, /^2 probed names answered as a real account/);
  } finally {
    c.close();
  }
});

test('Windows: no logon from the probing address, no compromise claimed', async () => {
  const c = await CaseBuilder.create();
  try {
    await c.add('Security.xml', {
      win: [
        ...WIN_PROBES,
        {
          eventId: 4624,
          ts: '2024-03-05T11:31:00Z',
          host: 'DC01',
          targetUser: 'admin',
          targetDomain: 'CORP',
          ip: '10.0.1.5',
          logonType: 3,
        },
      ],
    });
    const [later] = await triageSteps(c.conn, winFinding);
    assert.equal(later!.status, 'done');
    assert.match(later!.answer!, /^No: none of the 3 probed names signed in successfully from 10\.0\.9\.9/);
  } finally {
    c.close();
  }
});

const SID = 'S-1-5-21-1-2-3-1009';

test('a created account: creator session, group additions, logons, still enabled', async () => {
  const c = await CaseBuilder.create();
  try {
    await c.add('Security.xml', {
      win: [
        {
          eventId: 4624,
          ts: '2024-03-05T10:00:00Z',
          targetUser: 'jdoe',
          targetDomain: 'CORP',
          targetLogonId: '0x3e7aa',
          logonType: 10,
          ip: '10.0.4.7',
          workstation: 'KALI',
        },
        {
          eventId: 4720,
          ts: '2024-03-05T10:01:06Z',
          subjectUser: 'jdoe',
          subjectDomain: 'CORP',
          subjectLogonId: '0x3e7aa',
          targetUser: 'backdoor',
          targetDomain: 'WS01',
          targetSid: SID,
        },
        {
          eventId: 4732,
          ts: '2024-03-05T10:01:40Z',
          subjectUser: 'jdoe',
          subjectDomain: 'CORP',
          targetUser: 'Administrators',
          targetDomain: 'Builtin',
          memberSid: SID,
        },
        {
          eventId: 4732,
          ts: '2024-03-05T10:01:41Z',
          subjectUser: 'jdoe',
          subjectDomain: 'CORP',
          targetUser: 'Users',
          targetDomain: 'Builtin',
          memberSid: 'S-1-5-21-9',
        },
        {
          eventId: 4624,
          ts: '2024-03-05T10:11:00Z',
          targetUser: 'backdoor',
          targetDomain: 'WS01',
          targetSid: SID,
          logonType: 3,
          ip: '10.0.4.9',
        },
        {
          eventId: 4624,
          ts: '2024-03-05T10:12:00Z',
          targetUser: 'backdoor',
          targetDomain: 'WS01',
          targetSid: SID,
          logonType: 10,
          ip: '10.0.4.9',
        },
      ],
    });
    const steps = await triageSteps(
      c.conn,
      finding({
        analytic: 'AN1604',
        first: '2024-03-05T10:01:06.000000Z',
        hosts: ['WS01'],
        accounts: ['WS01\\backdoor'],
        actor: { user: 'CORP\\jdoe', logonId: '0x3e7aa' },
        details: { account: { name: 'backdoor', domain: 'WS01', sid: SID, local: true } },
      }),
    );
    const [creator, chain, groups, logons, disable] = steps;
    assert.match(
      creator!.answer!,
      /CORP\\jdoe, logon 0x3e7aa — RDP session from KALI \/ 10\.0\.4\.7, opened 2024-03-05 10:00:00 UTC/,
    );
    assert.equal(creator!.refs![0]!.eventId, 4624);
    // WS01 logs no process creation in this case, so the chain cannot be seen, and the step says why.
    assert.equal(chain!.status, 'unknown');
    assert.match(chain!.answer!, /WS01 logs no process creation/);
    assert.equal(groups!.answer, 'added to Administrators (privileged) at 2024-03-05 10:01:40 UTC.');
    assert.equal(groups!.status, 'attention');
    assert.equal(logons!.answer, '2 logons, last at 2024-03-05 10:12:00 UTC on WS01 from 10.0.4.9 (RDP).');
    assert.equal(disable!.status, 'attention');
    assert.match(disable!.text, /^Disable backdoor/);
  } finally {
    c.close();
  }
});

test('a created account on a host whose Security log was cleared says who cleared it', async () => {
  const c = await CaseBuilder.create();
  try {
    await c.add('Security.xml', {
      win: [
        {
          eventId: 1102,
          ts: '2024-03-08T19:44:10Z',
          host: 'WS02',
          provider: 'Microsoft-Windows-Eventlog',
          subjectUser: 'jdoe',
          subjectDomain: 'CORP',
        },
        {
          eventId: 4720,
          ts: '2024-03-08T19:46:05Z',
          host: 'WS02',
          subjectUser: 'jdoe',
          subjectDomain: 'CORP',
          subjectLogonId: '0x2e65ea',
          targetUser: 'helpdesk_tmp',
          targetDomain: 'WS02',
          targetSid: SID,
        },
        {
          eventId: 4726,
          ts: '2024-03-08T20:00:00Z',
          host: 'WS02',
          subjectUser: 'admin',
          subjectDomain: 'CORP',
          targetUser: 'helpdesk_tmp',
          targetDomain: 'WS02',
          targetSid: SID,
        },
      ],
    });
    const [creator, chain, groups, logons, disable] = await triageSteps(
      c.conn,
      finding({
        analytic: 'AN1604',
        first: '2024-03-08T19:46:05.000000Z',
        hosts: ['WS02'],
        accounts: ['WS02\\helpdesk_tmp'],
        actor: { user: 'CORP\\jdoe', logonId: '0x2e65ea' },
        details: { account: { name: 'helpdesk_tmp', domain: 'WS02', sid: SID, local: true } },
      }),
    );
    assert.equal(creator!.status, 'attention');
    assert.match(creator!.answer!, /the logon \(4624\) that opened this session is not in the logs/);
    assert.match(creator!.answer!, /the Security log was cleared at 2024-03-08 19:44:10 UTC by CORP\\jdoe/);
    assert.match(chain!.answer!, /WS02 logs no process creation/);
    assert.equal(groups!.status, 'done');
    assert.equal(logons!.answer, 'No logons (4624) by the account in the case.');
    assert.equal(disable!.status, 'done');
    assert.equal(disable!.answer, 'Deleted at 2024-03-08 20:00:00 UTC by CORP\\admin.');
  } finally {
    c.close();
  }
});
