// Hand-written case data for developing and looking at the UI before (or without) the engine: the backdoor
// story of the sample case, an Entra username enumeration, and one piece of hostile evidence. Never shipped.
import type {
  AccountStory,
  AnalyticSql,
  MergeSummary,
  SigninSourceDetail,
  TimelineEvent,
} from '../../../shared/api.js';
import type { AnalyticInfo, Finding, LineageNode, SourceSummary } from '../../../shared/report.js';

export const T0 = Date.parse('2026-03-14T09:12:03Z');
export const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

const SHA_WS01 = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
const SHA_ENTRA = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8';

export const sources: SourceSummary[] = [
  {
    path: '/evidence/WS01/Security.xml',
    sha256: SHA_WS01,
    format: 'windows-xml',
    variant: 'wevtutil',
    events: 18422,
    skipped: 0,
    errors: [],
    size: 41_203_112,
  },
  {
    path: '/evidence/WS01/Sysmon.xml',
    sha256: 'b'.repeat(64),
    format: 'windows-xml',
    variant: 'event-viewer',
    events: 9311,
    skipped: 2,
    errors: [{ message: 'unterminated <Event> element', offset: 8_311_004, record: 9312 }],
    size: 22_004_991,
  },
  {
    path: '/evidence/DC01/Security.xml',
    sha256: 'c'.repeat(64),
    format: 'windows-xml',
    variant: 'powershell',
    events: 30210,
    skipped: 0,
    errors: [],
    size: 70_114_002,
  },
  {
    path: '/evidence/entra/signins.json',
    sha256: SHA_ENTRA,
    format: 'entra-json',
    variant: 'graph',
    events: 4120,
    skipped: 0,
    errors: [],
    size: 12_400_220,
  },
];

const backdoorChain: LineageNode[] = [
  {
    host: 'WS01',
    time: at(-620),
    pid: 4012,
    image: 'C:\\Windows\\explorer.exe',
    commandLine: null,
    user: 'CORP\\jdoe',
    stub: true,
  },
  {
    host: 'WS01',
    time: at(-95),
    pid: 6120,
    image: 'C:\\Windows\\System32\\cmd.exe',
    commandLine: '"C:\\Windows\\system32\\cmd.exe"',
    user: 'CORP\\jdoe',
  },
  {
    host: 'WS01',
    time: at(-3),
    pid: 7311,
    image: 'C:\\Windows\\System32\\net.exe',
    commandLine: 'net  user backdoor P@ss /add',
    user: 'CORP\\jdoe',
  },
  {
    host: 'WS01',
    time: at(-2),
    pid: 7320,
    image: 'C:\\Windows\\System32\\net1.exe',
    commandLine: 'C:\\Windows\\system32\\net1  user backdoor P@ss /add',
    user: 'CORP\\jdoe',
  },
];

const ev = (recordNo: number, eventId: number, seconds: number, role: string) => ({
  source: SHA_WS01,
  recordId: 80000 + recordNo,
  eventId,
  time: at(seconds),
  table: 'win_events' as const,
  recordNo,
  role,
});

export const findings: Finding[] = [
  {
    id: 'f-an1604-backdoor',
    analytic: 'AN1604',
    title: 'Account backdoor created on WS01 by CORP\\jdoe',
    severity: 'high',
    confidence: 'high',
    first: at(0),
    last: at(40),
    hosts: ['WS01'],
    accounts: ['WS01\\backdoor'],
    actor: { user: 'CORP\\jdoe', logonId: '0x3e7a21', sourceIp: '10.0.4.7' },
    explanation:
      'Local account "backdoor" was created on WS01 by CORP\\jdoe from an RDP session out of 10.0.4.7, via explorer.exe → cmd.exe → net.exe → net1.exe, and added to Administrators 40 s later.',
    params: {
      creationWindowSeconds: 300,
      followUpHours: 24,
      privilegedGroups: ['Administrators', 'Domain Admins', 'Remote Desktop Users'],
    },
    lineage: backdoorChain,
    evidence: [
      ev(1, 4720, 0, 'creation'),
      ev(2, 4688, -2, 'creating process'),
      ev(3, 4624, -900, 'session'),
      ev(4, 4732, 40, 'group add'),
    ],
    details: { link: 'cmdline+logon', local: true, uac: ['Normal account'], followUps: 3 },
  },
  {
    id: 'f-an1235-backdoor',
    analytic: 'AN1235',
    title: 'net1.exe then account creation on WS01 (2 s, strong tie)',
    severity: 'high',
    confidence: 'high',
    first: at(-2),
    last: at(0),
    hosts: ['WS01'],
    accounts: ['WS01\\backdoor'],
    actor: { user: 'CORP\\jdoe', logonId: '0x3e7a21' },
    explanation:
      'A built-in account tool (net1.exe) started on WS01 2 seconds before the 4720 for "backdoor"; the command line names the account, so the tie is strong.',
    params: { sequenceWindowSeconds: 120, localOnly: true },
    lineage: backdoorChain,
    evidence: [ev(2, 4688, -2, 'suspicious process'), ev(1, 4720, 0, 'creation')],
    details: { deltaSeconds: 2, tie: 'strong' },
  },
  {
    id: 'f-an1612-ws01',
    analytic: 'AN1612',
    title: 'Account enumeration by CORP\\jdoe on WS01',
    severity: 'medium',
    confidence: 'high',
    first: at(-400),
    last: at(-310),
    hosts: ['WS01'],
    accounts: ['Administrators', 'Domain Admins'],
    actor: { user: 'CORP\\jdoe', logonId: '0x3e7a21' },
    explanation:
      'CORP\\jdoe ran net group "Domain Admins" /domain and net localgroup Administrators within 90 s, writing the output to C:\\Users\\jdoe\\admins.txt.',
    params: { burstWindowMinutes: 10, artifactWindowSeconds: 120 },
    lineage: [
      backdoorChain[0]!,
      backdoorChain[1]!,
      {
        host: 'WS01',
        time: at(-400),
        pid: 7001,
        image: 'C:\\Windows\\System32\\net.exe',
        commandLine: 'net group "Domain Admins" /domain > C:\\Users\\jdoe\\admins.txt',
        user: 'CORP\\jdoe',
      },
    ],
    evidence: [
      ev(5, 4688, -400, 'enumeration'),
      ev(6, 4688, -310, 'enumeration'),
      ev(7, 4799, -309, 'group read'),
    ],
  },
  {
    id: 'f-t1589-entra',
    analytic: 'T1589',
    title: 'Username enumeration from 203.0.113.50 (Entra ID)',
    severity: 'critical',
    confidence: 'high',
    first: at(3600),
    last: at(5400),
    hosts: [],
    accounts: Array.from({ length: 30 }, (_, i) => `user${i}@corp.example`),
    actor: { sourceIp: '203.0.113.50' },
    explanation:
      '203.0.113.50 tried 112 distinct usernames in 30 minutes; 81 do not exist (50034). One tried account, a.lee@corp.example, signed in successfully 12 minutes later.',
    params: {
      windowMinutes: 60,
      minDistinctUsers: 15,
      errorCodes: [50034, 50053, 50055, 50057, 50072, 50076, 50126],
    },
    lineage: [],
    evidence: [
      {
        source: SHA_ENTRA,
        recordId: 12,
        time: at(3600),
        table: 'signins',
        recordNo: 12,
        role: 'first failure',
      },
    ],
    details: {
      distinctUsers: 112,
      notFound: 81,
      rate: 3.7,
      apps: ['Azure Portal', 'Office 365 Exchange Online'],
    },
  },
  {
    id: 'f-an1604-hostile',
    analytic: 'AN1604',
    title: 'Account <b>x</b> created on WS02',
    severity: 'medium',
    confidence: 'medium',
    first: at(1200),
    last: at(1200),
    hosts: ['WS02'],
    accounts: ['WS02\\<script>alert(2)</script>'],
    actor: { user: 'WS02\\admin' },
    explanation: 'Created via a command line that contains markup: <img src=x onerror=alert(1)>',
    params: { creationWindowSeconds: 300 },
    lineage: [
      {
        host: 'WS02',
        time: at(1199),
        pid: 5100,
        image: 'C:\\Windows\\System32\\cmd.exe',
        commandLine: 'cmd /c echo <img src=x onerror=alert(1)>',
        user: 'WS02\\admin',
      },
    ],
    evidence: [ev(9, 4720, 1200, 'creation')],
  },
  {
    id: 'f-an1604-svc',
    analytic: 'AN1604',
    title: 'Account svc-backup created on DC01 by CORP\\provision',
    severity: 'low',
    confidence: 'medium',
    first: at(-7200),
    last: at(-7200),
    hosts: ['DC01'],
    accounts: ['CORP\\svc-backup'],
    actor: { user: 'CORP\\provision', sourceIp: '10.0.1.20' },
    explanation:
      'Domain account svc-backup was created on DC01 by the provisioning account over a network logon from 10.0.1.20.',
    params: { creationWindowSeconds: 300 },
    lineage: [],
    evidence: [ev(10, 4720, -7200, 'creation')],
    allowlisted: {
      kind: 'accounts',
      value: 'CORP\\provision',
      reason: 'HR onboarding script (ticket CHG-1182)',
    },
  },
];

export const backdoorStory: AccountStory = {
  key: 'ws01\\backdoor',
  display: 'WS01\\backdoor',
  kinds: ['created'],
  hosts: ['WS01'],
  severity: 'high',
  findingIds: ['f-an1604-backdoor', 'f-an1235-backdoor'],
  first: at(0),
  last: at(7260),
  findings: findings.slice(0, 2),
  lineage: backdoorChain,
  session: {
    logonId: '0x3e7a21',
    logonType: 10,
    sourceIp: '10.0.4.7',
    workstation: 'LAPTOP-7Q',
    user: 'CORP\\jdoe',
  },
  events: [
    {
      time: at(-2),
      host: 'WS01',
      eventId: 4688,
      label: 'net1.exe user backdoor /add',
      kind: 'process',
      ref: { table: 'win_events', source: SHA_WS01, recordNo: 2 },
    },
    {
      time: at(0),
      host: 'WS01',
      eventId: 4720,
      label: 'created by CORP\\jdoe',
      kind: 'created',
      ref: { table: 'win_events', source: SHA_WS01, recordNo: 1 },
    },
    { time: at(1), host: 'WS01', eventId: 4722, label: 'enabled', kind: 'enabled' },
    { time: at(1), host: 'WS01', eventId: 4724, label: 'password set', kind: 'password' },
    {
      time: at(40),
      host: 'WS01',
      eventId: 4732,
      label: 'added to Administrators',
      kind: 'group',
      ref: { table: 'win_events', source: SHA_WS01, recordNo: 4 },
    },
    {
      time: at(305),
      host: 'WS01',
      eventId: 4624,
      label: 'logon type 10 (RDP) from 10.0.4.99',
      kind: 'logon',
    },
    { time: at(7260), host: 'DC01', eventId: 4624, label: 'logon type 3 (network) from WS01', kind: 'logon' },
  ],
};

export const analytics: AnalyticInfo[] = [
  {
    id: 'AN1612',
    name: 'Account enumeration',
    title: 'Account enumeration',
    attack: 'T1087',
    reads: ['windows'],
  },
  {
    id: 'AN1604',
    name: 'Account creation',
    title: 'Account creation with lineage',
    attack: 'T1136',
    reads: ['windows'],
  },
  {
    id: 'AN1235',
    name: 'Suspicious process → account creation',
    title: 'Suspicious process, then a local account created',
    attack: 'T1136.001',
    reads: ['windows'],
  },
  {
    id: 'T1589',
    name: 'Username enumeration',
    title: 'Username enumeration from one source',
    attack: 'T1589',
    reads: ['windows', 'entra'],
  },
];

export const analyticSql: AnalyticSql[] = [
  {
    id: 'AN1604',
    title: 'Account creation with lineage',
    attack: 'T1136.001',
    params: [
      {
        name: 'creationWindowSeconds',
        analytic: 'AN1604',
        type: 'number',
        default: 300,
        description: 'How far before the 4720 to look for the creating process.',
      },
      {
        name: 'privilegedGroups',
        analytic: 'AN1604',
        type: 'string[]',
        default: ['Administrators', 'Domain Admins'],
        description: 'Groups whose membership raises severity.',
      },
      {
        name: 'parentLinkDays',
        analytic: 'common',
        type: 'number',
        default: 7,
        description: 'Oldest parent start accepted for a pid (pids are reused).',
      },
    ],
    sql: '-- AN1604: every 4720 with its creating process\nSELECT e.host, e.time, e.target_user AS new_account, p.image, p.command_line\nFROM win_events e\nLEFT JOIN processes p\n  ON p.host = e.host AND p.logon_id = e.subject_logon_id\n AND p.time BETWEEN e.time - to_seconds($creationWindowSeconds) AND e.time\nWHERE e.event_id = 4720\nORDER BY e.time;',
  },
  {
    id: 'AN1612',
    title: 'Account enumeration',
    attack: 'T1087',
    params: [
      {
        name: 'burstWindowMinutes',
        analytic: 'AN1612',
        type: 'number',
        default: 10,
        description: 'Signals of one actor within this window form one finding.',
      },
      {
        name: 'parentLinkDays',
        analytic: 'common',
        type: 'number',
        default: 7,
        description: 'Oldest parent start accepted for a pid (pids are reused).',
      },
    ],
    sql: "SELECT host, time, command_line FROM processes WHERE image_name IN ('net.exe', 'net1.exe') LIMIT 100;",
  },
  {
    id: 'AN1235',
    title: 'Suspicious process, then account creation',
    attack: 'T1136',
    params: [
      {
        name: 'sequenceWindowSeconds',
        analytic: 'AN1235',
        type: 'number',
        default: 120,
        description: 'Longest gap between the process and the 4720.',
      },
      {
        name: 'domainAccounts',
        analytic: 'AN1235',
        type: 'boolean',
        default: false,
        description: 'Also consider domain accounts.',
      },
    ],
    sql: 'SELECT 1;',
  },
  {
    id: 'T1589',
    title: 'Username enumeration',
    attack: 'T1589.002',
    params: [
      {
        name: 'minDistinctUsers',
        analytic: 'T1589',
        type: 'number',
        default: 15,
        description: 'Distinct usernames in a window to fire.',
      },
      {
        name: 'errorCodes',
        analytic: 'T1589',
        type: 'number[]',
        default: [50034, 50053, 50055, 50057, 50072, 50076, 50126],
        description: 'Entra error codes that count as a probe.',
      },
    ],
    sql: 'SELECT ip, count(DISTINCT user) FROM signins GROUP BY ip;',
  },
];

const CATEGORIES = [
  'process',
  'logon',
  'logon-failure',
  'account',
  'group',
  'enumeration',
  'signin-failure',
  'signin',
];

/** Deterministic pseudo-random volume so screenshots are stable between runs. */
export function bucketCounts(i: number): Record<string, number> {
  const wave = (k: number) =>
    Math.max(0, Math.round(8 + 6 * Math.sin((i + k * 7) / 5) + ((i * 31 + k * 17) % 9)));
  const counts: Record<string, number> = {};
  CATEGORIES.forEach(
    (c, k) =>
      (counts[c] =
        k < 3 ? wave(k) : k === 6 ? (i > 70 && i < 95 ? 40 + (i % 7) * 5 : 1) : i % (k + 3) === 0 ? 2 : 0),
  );
  return counts;
}

export const timelineCategories = CATEGORIES;

export function timelineEvent(n: number, fromMs: number): TimelineEvent {
  const hostile = n === 3;
  return {
    time: new Date(fromMs + n * 17_000).toISOString(),
    table: 'win_events',
    source: SHA_WS01,
    recordNo: 100 + n,
    host: n % 3 === 0 ? 'WS02' : 'WS01',
    category: n % 4 === 0 ? 'logon' : 'process',
    eventId: n % 4 === 0 ? 4624 : 4688,
    summary: hostile
      ? 'cmd.exe: cmd /c echo <img src=x onerror=alert(1)> <script>alert(3)</script>'
      : `process start ${n}: C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s Schedule`,
  };
}

export const signinDetail: SigninSourceDetail = {
  ip: '203.0.113.50',
  failures: 331,
  distinctUsers: 112,
  first: at(3600),
  last: at(5400),
  allowlisted: false,
  errorCodes: { '50034': 241, '50126': 71, '50053': 12, '50057': 7 },
  series: Array.from({ length: 31 }, (_, i) => ({
    t: at(3600 + i * 60),
    distinctUsers: Math.min(112, Math.round(i * 3.8)),
    failures: Math.round(i * 11),
  })),
  users: [
    { user: 'a.lee@corp.example', attempts: 4, codes: [50126], lastCode: 50126, succeededLater: true },
    ...Array.from({ length: 20 }, (_, i) => ({
      user: `user${i}@corp.example`,
      attempts: 1 + (i % 3),
      codes: [50034],
      lastCode: 50034,
      succeededLater: false,
    })),
  ],
};

/** What a merge of this case with a second analyst's made, with the settings they disagreed on. */
export const mergeSummary: MergeSummary = {
  path: '/cases/client-2026-03-all.duckdb',
  cases: [
    { path: '/cases/client-2026-03.duckdb', schemaVersion: 7, upgraded: false, sources: 6, records: 62063 },
    { path: '/cases/analyst-b.duckdb', schemaVersion: 6, upgraded: true, sources: 4, records: 1172504 },
  ],
  sources: 9,
  duplicates: [
    {
      sha256: '408a47836149a42a24f7cb42533825e37c9aaf1218b2cf',
      name: 'WS01-Security.xml',
      keptFrom: '/cases/client-2026-03.duckdb',
      alsoIn: ['/cases/analyst-b.duckdb'],
      sameCounts: true,
    },
  ],
  records: { winEvents: 1228800, signins: 4120, audits: 0 },
  findings: 41,
  conflicts: [
    {
      item: 'param an1604_creation_window_s',
      values: [
        { case: '/cases/client-2026-03.duckdb', value: '600' },
        { case: '/cases/analyst-b.duckdb', value: 'not set (the default)' },
      ],
      kept: '/cases/client-2026-03.duckdb',
    },
    {
      item: 'allowlist accounts',
      values: [
        {
          case: '/cases/client-2026-03.duckdb',
          value: 'CORP\\provision (HR onboarding script (ticket CHG-1182))',
        },
        {
          case: '/cases/analyst-b.duckdb',
          value: 'CORP\\provision (HR onboarding script), svc_backup (nightly backup)',
        },
      ],
      kept: '/cases/client-2026-03.duckdb',
    },
    {
      item: 'timeZone',
      values: [
        { case: '/cases/client-2026-03.duckdb', value: 'UTC' },
        { case: '/cases/analyst-b.duckdb', value: 'Europe/Amsterdam' },
      ],
      kept: '/cases/client-2026-03.duckdb',
    },
  ],
  elapsedMs: 48210,
};
