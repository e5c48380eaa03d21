// A small case on disk for the service and server tests: a Windows story (RDP logon, cmd → net user /add,
// 4720, added to Administrators), a burst of failed logons, an Entra password spray with one user who
// succeeds later, an SSPR audit, and four findings written straight into the findings table, one of them
// carrying markup in its text. Analytics are stood in for, so these tests check the service alone.
import { listValue, VARCHAR, LIST } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Finding } from '../../../shared/report.js';
import { defaultAnalytics, type AnalyticsPort } from '../../../electron/engine/service/analyticsPort.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { CaseAppender } from '../../../electron/engine/store/appendRows.js';
import { auditRow, signinRow, winRow, type SigninInput, type WinInput } from '../../support/caseBuilder.js';

export const EVIL = '<img src=x onerror=alert(1)>';

const WIN: WinInput[] = [
  {
    eventId: 4624,
    ts: '2024-03-05T10:00:00Z',
    targetUser: 'jdoe',
    targetDomain: 'CORP',
    targetLogonId: '0x3e7aa',
    logonType: 10,
    ip: '10.0.4.7',
  },
  {
    eventId: 4688,
    ts: '2024-03-05T10:01:00Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    subjectLogonId: '0x3e7aa',
    pid: '0x1a2c',
    parentPid: '0x900',
    image: 'C:\\Windows\\System32\\cmd.exe',
    commandLine: 'cmd.exe',
  },
  {
    eventId: 4688,
    ts: '2024-03-05T10:01:05Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    subjectLogonId: '0x3e7aa',
    pid: '0x1b00',
    parentPid: '0x1a2c',
    image: 'C:\\Windows\\System32\\net.exe',
    commandLine: 'net user backdoor P@ss /add',
  },
  {
    eventId: 4720,
    ts: '2024-03-05T10:01:06Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    targetUser: 'backdoor',
    targetDomain: 'WS01',
    xml: `<Event><System><EventID>4720</EventID></System><EventData><Data Name="TargetUserName">backdoor</Data></EventData></Event>`,
  },
  {
    eventId: 4732,
    ts: '2024-03-05T10:01:40Z',
    subjectUser: 'jdoe',
    subjectDomain: 'CORP',
    targetUser: 'Administrators',
    memberName: 'backdoor',
  },
  {
    eventId: 4798,
    ts: '2024-03-05T10:05:00Z',
    subjectUser: 'jdoe',
    targetUser: 'Administrator',
    callerImage: 'C:\\Windows\\System32\\net1.exe',
  },
  ...[1, 2, 3].map((i): WinInput => ({
    eventId: 4625,
    ts: `2024-03-05T10:2${i}:00Z`,
    host: 'DC01',
    targetUser: `user${i}`,
    ip: '10.0.9.9',
    subStatus: '0xc0000064',
  })),
  { eventId: 4768, ts: '2024-03-05T10:30:00Z', host: 'DC01', targetUser: 'ghost', status: '0x6' },
  { eventId: 4768, ts: '2024-03-05T10:31:00Z', host: 'DC01', targetUser: 'jdoe', status: '0x0' },
  { eventId: 1, ts: '2024-03-05T10:32:00Z', image: 'C:\\Tools\\x.exe', commandLine: 'x.exe' },
  { eventId: 7045, ts: '2024-03-05T10:33:00Z', host: 'WS02' },
];

const SPRAY_USERS = Array.from({ length: 16 }, (_, i) => `user${i}@corp.example`);
const SIGNINS: SigninInput[] = [
  ...SPRAY_USERS.map((u, i): SigninInput => ({
    ts: `2024-03-05T11:${String(i).padStart(2, '0')}:00Z`,
    userPrincipalName: u,
    ip: '203.0.113.5',
    errorCode: i % 2 ? 50126 : 50034,
    appDisplayName: 'Azure Portal',
    raw: JSON.stringify({ id: `s${i}`, userPrincipalName: u }),
  })),
  {
    ts: '2024-03-05T11:20:00Z',
    userPrincipalName: 'user1@corp.example',
    ip: '203.0.113.5',
    errorCode: 50126,
  },
  { ts: '2024-03-05T12:00:00Z', userPrincipalName: 'user1@corp.example', ip: '198.51.100.2', errorCode: 0 },
];

function finding(
  partial: Partial<Finding> & Pick<Finding, 'id' | 'analytic' | 'severity' | 'first' | 'title'>,
): Finding {
  return {
    confidence: 'medium',
    last: partial.first,
    hosts: [],
    accounts: [],
    actor: {},
    explanation: 'why it fired',
    params: { window_s: 300 },
    lineage: [],
    evidence: [],
    ...partial,
  };
}

export function fixtureFindings(winSha: string): Finding[] {
  return [
    finding({
      id: 'f-create',
      analytic: 'AN1604',
      severity: 'high',
      confidence: 'high',
      first: '2024-03-05T10:01:06.000000Z',
      title: 'Account backdoor created on WS01',
      hosts: ['WS01'],
      accounts: ['WS01\\backdoor'],
      actor: { user: 'CORP\\jdoe', logonId: '0x3e7aa', sourceIp: '10.0.4.7' },
      lineage: [
        {
          host: 'WS01',
          time: '2024-03-05T10:01:00.000000Z',
          pid: 6700,
          image: 'C:\\Windows\\System32\\cmd.exe',
          commandLine: 'cmd.exe',
          user: 'CORP\\jdoe',
        },
        {
          host: 'WS01',
          time: '2024-03-05T10:01:05.000000Z',
          pid: 6912,
          image: 'C:\\Windows\\System32\\net.exe',
          commandLine: 'net user backdoor P@ss /add',
          user: 'CORP\\jdoe',
        },
      ],
      evidence: [
        {
          source: winSha,
          recordId: 4,
          eventId: 4720,
          time: '2024-03-05T10:01:06.000000Z',
          table: 'win_events',
          recordNo: 4,
          role: 'creation',
        },
      ],
    }),
    finding({
      id: 'f-enum',
      analytic: 'AN1612',
      severity: 'medium',
      first: '2024-03-05T10:05:00.000000Z',
      title: `Enumeration by ${EVIL}`,
      hosts: ['WS01'],
      accounts: [EVIL],
      explanation: `listed ${EVIL} and see http://evil.example/x`,
      actor: { user: 'CORP\\jdoe' },
    }),
    finding({
      id: 'f-spray',
      analytic: 'T1589',
      severity: 'critical',
      first: '2024-03-05T11:00:00.000000Z',
      title: 'Username enumeration from 203.0.113.5',
      accounts: SPRAY_USERS,
      actor: { sourceIp: '203.0.113.5' },
      confidence: 'high',
    }),
    finding({
      id: 'f-seq',
      analytic: 'AN1235',
      severity: 'low',
      confidence: 'low',
      first: '2024-03-05T10:01:06.000000Z',
      title: 'net.exe then account creation on WS02',
      hosts: ['WS02'],
      accounts: ['WS02\\svc'],
      allowlisted: { kind: 'tools', value: 'net.exe', reason: 'approved provisioning' },
    }),
  ];
}

const RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;

export async function writeFindings(conn: DuckDBConnection, findings: readonly Finding[]): Promise<void> {
  await conn.run('DELETE FROM findings');
  for (const f of findings) {
    await conn.run(
      `INSERT INTO findings VALUES ($id, 1, $analytic, $title, $severity, $rank, $confidence, $first::TIMESTAMP,
         $last::TIMESTAMP, $hosts, $accounts, $user, $logon, $ip, $akind, $avalue, $explanation, $json)`,
      {
        id: f.id,
        analytic: f.analytic,
        title: f.title,
        severity: f.severity,
        rank: RANK[f.severity],
        confidence: f.confidence,
        first: f.first.replace('Z', ''),
        last: f.last.replace('Z', ''),
        hosts: listValue(f.hosts),
        accounts: listValue(f.accounts),
        user: f.actor.user ?? null,
        logon: f.actor.logonId ?? null,
        ip: f.actor.sourceIp ?? null,
        akind: f.allowlisted?.kind ?? null,
        avalue: f.allowlisted?.value ?? null,
        explanation: f.explanation,
        json: JSON.stringify(f),
      },
      { hosts: LIST(VARCHAR), accounts: LIST(VARCHAR) },
    );
  }
}

export interface FixtureCase {
  path: string;
  winSha: string;
  signinSha: string;
  auditSha: string;
}

async function addSource(
  conn: DuckDBConnection,
  sourceId: number,
  name: string,
  events: number,
  format: string,
): Promise<string> {
  const sha = createHash('sha256').update(name).digest('hex');
  await conn.run(
    `INSERT INTO sources VALUES ($id, $path, $name, 0, $sha, $format, NULL, $events, 0, 0, TIMESTAMP '2024-03-06', 0)`,
    {
      id: sourceId,
      path: `/evidence/${name}`,
      name,
      sha,
      format,
      events,
    },
  );
  return sha;
}

/** Writes the fixture case to `dir/case.duckdb` and closes it. */
export async function buildFixtureCase(dir: string, withFindings = true): Promise<FixtureCase> {
  const path = join(dir, 'case.duckdb');
  const db = await openCase(path);
  const winSha = await addSource(db.conn, 1, 'Security.xml', WIN.length, 'windows-xml');
  const signinSha = await addSource(db.conn, 2, 'signins.json', SIGNINS.length, 'entra-signins');
  const auditSha = await addSource(db.conn, 3, 'audits.json', 1, 'entra-audits');
  for (const [id, rows] of [
    [1, 'win'],
    [2, 'signin'],
    [3, 'audit'],
  ] as const) {
    const a = await CaseAppender.create(db.conn, id);
    if (rows === 'win') WIN.forEach((w, i) => a.winEvent(winRow(w, i + 1)));
    if (rows === 'signin') SIGNINS.forEach((s, i) => a.signin(signinRow(s, i + 1)));
    if (rows === 'audit')
      a.audit(
        auditRow(
          {
            ts: '2024-03-05T11:30:00Z',
            activity: 'Reset password (self-service)',
            result: 'failure',
            initiatorIp: '203.0.113.5',
            targetUpns: ['user3@corp.example'],
            raw: '{"activityDisplayName":"Reset password (self-service)"}',
          },
          1,
        ),
      );
    a.close();
  }
  if (withFindings) await writeFindings(db.conn, fixtureFindings(winSha));
  db.close();
  return { path, winSha, signinSha, auditSha };
}

/** The real parameter registry, with a runner that stores the fixture's findings. */
export function fixtureAnalytics(winSha: string): AnalyticsPort & { runs: number; runMs: number } {
  const real = defaultAnalytics();
  const port = {
    runs: 0,
    resolve: real.resolve,
    infos: real.infos,
    sql: () => [],
    params: real.params,
    /** How long a run takes, so the time the service reports can be checked against it. */
    runMs: 40,
    async run(conn: DuckDBConnection) {
      port.runs++;
      await new Promise((r) => setTimeout(r, port.runMs));
      const findings = fixtureFindings(winSha);
      await writeFindings(conn, findings);
      return findings;
    },
    accounts: async () => [],
    story: async () => null,
  };
  return port;
}
