// The shared building blocks of migration 002, on hand-made cases: names, codes, process parents (pid
// reuse, the age bound, stubs, Sysmon GUIDs), lineage walks (cycles, depth) and logon sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';
import { refreshDerivedTables, resolveParams } from '../../../electron/engine/analytics/index.js';

async function caseWith(win: WinInput[], params: Record<string, unknown> = {}): Promise<CaseBuilder> {
  const b = await CaseBuilder.create();
  await b.add('events.xml', { win });
  await refreshDerivedTables(b.conn, resolveParams(params));
  return b;
}

test('account names: domain forms unify, case is ignored, the original spelling is kept for display', async () => {
  const b = await CaseBuilder.create();
  try {
    const [r] = await b.rows(`SELECT
      account_key('CORP\\Alice', NULL) AS backslash, account_key('alice@corp.local', NULL) AS upn,
      account_key('ALICE', 'CORP') AS separate, account_key('alice', 'corp.local') AS dns_domain,
      account_key('bob', '-') AS no_domain, account_key('-', 'CORP') AS dash, account_key('', NULL) AS empty,
      account_display('Alice', 'CORP') AS display, account_display('alice@corp.local', 'X') AS upn_display,
      account_key('WS01$', 'CORP') AS machine, is_machine_account('WS01$') AS is_machine,
      account_key('$', '3B') AS dollar, is_machine_account('$') AS dollar_is_machine,
      account_match_token('$') AS dollar_token, account_match_token('backdoor$') AS hidden_token`);
    assert.equal(r!['backslash'], 'corp\\alice');
    assert.equal(r!['upn'], 'corp\\alice');
    assert.equal(r!['separate'], 'corp\\alice');
    assert.equal(r!['dns_domain'], 'corp\\alice');
    assert.equal(r!['no_domain'], 'bob');
    assert.equal(r!['dash'], null);
    assert.equal(r!['empty'], null);
    assert.equal(r!['display'], 'CORP\\Alice');
    assert.equal(r!['upn_display'], 'alice@corp.local');
    assert.equal(r!['machine'], 'corp\\ws01$');
    assert.equal(r!['is_machine'], true);
    assert.equal(r!['dollar'], '3b\\$', 'an account named "$" is an ordinary name (real logs, R19)');
    assert.equal(r!['dollar_is_machine'], false);
    assert.equal(r!['dollar_token'], null, 'a name too short to find in a command line matches nothing');
    assert.equal(r!['hidden_token'], 'backdoor');
  } finally {
    b.close();
  }
});

test('a command line names an account only as a word of its own, with or without a trailing $', async () => {
  const b = await CaseBuilder.create();
  try {
    const [r] = await b.rows(`SELECT
      command_names_account('net user backdoor$ P@ss /add', 'backdoor') AS hidden,
      command_names_account('net user "Backdoor" /add', 'backdoor') AS quoted,
      command_names_account('net user backdoors /add', 'backdoor') AS longer,
      command_names_account('net user bob /add', NULL) AS no_token,
      command_names_account(NULL, 'bob') AS no_command`);
    assert.deepEqual(r, { hidden: true, quoted: true, longer: false, no_token: false, no_command: false });
  } finally {
    b.close();
  }
});

test('hex codes compare by value; image paths reduce to name and folder', async () => {
  const b = await CaseBuilder.create();
  try {
    const [r] = await b.rows(`SELECT hex_code('0x6') AS a, hex_code('0x00000006') AS b, hex_code('0X6') AS c,
      hex_code('0xC000006D') AS d, hex_code('0x0') AS zero, hex_logon_id(190330) AS logon,
      image_basename('C:\\Windows\\System32\\NET1.EXE') AS name,
      image_folder_path('\\??\\C:\\Windows\\System32\\net.exe') AS nt_path,
      image_folder_path('\\Device\\HarddiskVolume2\\Users\\bob\\x.exe') AS device_path,
      sam_object_label('S-1-5-21-1-2-3-512') AS rid, sam_object_label('S-1-5-21-1-2-3-1105') AS plain_sid`);
    assert.equal(r!['a'], '0x6');
    assert.equal(r!['b'], '0x6');
    assert.equal(r!['c'], '0x6');
    assert.equal(r!['d'], '0xc000006d');
    assert.equal(r!['zero'], '0x0');
    assert.equal(r!['logon'], '0x2e77a');
    assert.equal(r!['name'], 'net1.exe');
    assert.equal(r!['nt_path'], '\\windows\\system32\\net.exe');
    assert.equal(r!['device_path'], '\\users\\bob\\x.exe');
    assert.equal(r!['rid'], 'Domain Admins (RID 512)');
    assert.equal(r!['plain_sid'], 'S-1-5-21-1-2-3-1105');
  } finally {
    b.close();
  }
});

const start = (
  ts: string,
  pid: number,
  parentPid: number,
  image: string,
  extra: Partial<WinInput> = {},
): WinInput => ({
  eventId: 4688,
  ts,
  pid,
  parentPid,
  image,
  commandLine: image.split('\\').pop(),
  subjectUser: 'jdoe',
  subjectDomain: 'CORP',
  subjectLogonId: '0x1234',
  ...extra,
});

interface ProcRow {
  image_name: string;
  parent_image_name: string | null;
  link_method: string | null;
  parent_is_stub: boolean;
  parent_record: string | null;
}

async function parents(b: CaseBuilder): Promise<Record<string, ProcRow>> {
  const rows =
    await b.rows(`SELECT p.record_no, p.image_name, p.parent_image_name, p.link_method, p.parent_is_stub,
                                    parent.record_no AS parent_record
                             FROM processes p LEFT JOIN processes parent ON parent.proc_key = p.parent_key`);
  return Object.fromEntries(rows.map((r) => [String(r['record_no']), r as unknown as ProcRow]));
}

test('pid reuse: a 4688 parent is the latest start of that pid at or before the child', async () => {
  const b = await caseWith([
    start('2024-03-01T08:00:00Z', 0x100, 4, 'C:\\Windows\\notepad.exe'), // 1: pid 0x100, first life
    start('2024-03-01T09:00:00Z', 0x100, 4, 'C:\\Windows\\System32\\cmd.exe'), // 2: pid 0x100 reused
    start('2024-03-01T09:00:05Z', 0x200, 0x100, 'C:\\Windows\\System32\\net.exe'), // 3: child of record 2
    start('2024-03-01T08:30:00Z', 0x300, 0x100, 'C:\\Windows\\System32\\whoami.exe'), // 4: child of record 1
    start('2024-03-01T09:00:00Z', 0x400, 0x100, 'C:\\Windows\\System32\\hostname.exe'), // 5: same instant as 2
  ]);
  try {
    const p = await parents(b);
    assert.equal(p['3']!.parent_record, '2', 'the reused pid belongs to cmd.exe by then');
    assert.equal(p['3']!.link_method, 'pid-time');
    assert.equal(p['4']!.parent_record, '1', 'before the reuse the pid was notepad.exe');
    assert.equal(
      p['5']!.parent_record,
      '2',
      'a parent started at the same instant still counts ("at or before")',
    );
  } finally {
    b.close();
  }
});

test('a parent older than the bound is not a parent: the chain ends in a stub', async () => {
  const events = [
    start('2024-03-01T08:00:00Z', 0x100, 4, 'C:\\Windows\\System32\\cmd.exe'),
    start('2024-03-09T08:00:01Z', 0x200, 0x100, 'C:\\Windows\\System32\\net.exe'), // 8 days later
  ];
  const b = await caseWith(events);
  try {
    const p = await parents(b);
    assert.equal(p['2']!.parent_record, null);
    assert.equal(p['2']!.parent_is_stub, true);
  } finally {
    b.close();
  }
  const wider = await caseWith(events, { process_parent_max_age_s: 9 * 86400 });
  try {
    assert.equal((await parents(wider))['2']!.parent_record, '1', 'the bound is a parameter');
  } finally {
    wider.close();
  }
});

test('a missing parent becomes a stub that keeps the image name the child event gave', async () => {
  const b = await caseWith([
    start('2024-03-01T09:00:05Z', 0x200, 0x999, 'C:\\Windows\\System32\\net.exe', {
      parentImage: 'C:\\Windows\\System32\\cmd.exe',
      version: 2,
    }),
    start('2024-03-01T09:00:06Z', 0x210, 0x200, 'C:\\Windows\\System32\\net1.exe'),
  ]);
  try {
    const p = await parents(b);
    assert.equal(p['1']!.parent_is_stub, true);
    assert.equal(p['1']!.parent_image_name, 'cmd.exe');
    assert.equal(
      p['2']!.parent_image_name,
      'net.exe',
      'without ParentProcessName the linked parent names it',
    );
    const chain = await b.rows(
      `SELECT depth, stub, pid, image_name FROM process_ancestry([event_key(1, 2)]) ORDER BY depth DESC`,
    );
    assert.deepEqual(
      chain.map((n) => [n['stub'], n['pid'], n['image_name']]),
      [
        [true, '2457', 'cmd.exe'],
        [false, '512', 'net.exe'],
        [false, '528', 'net1.exe'],
      ],
    );
  } finally {
    b.close();
  }
});

test('a parent found by pid must be of the image its child names: another program there is a stub', async () => {
  const b = await caseWith(
    [
      // 1: reg.exe of another recording of this host, 17 days earlier, happens to have the parent's pid
      start('2024-02-13T09:00:00Z', 0x100, 4, 'C:\\Windows\\System32\\reg.exe'),
      // 2: net1.exe whose event names its parent net.exe, pid 0x100: that start is not in the logs
      start('2024-03-01T09:00:05Z', 0x200, 0x100, 'C:\\Windows\\System32\\net1.exe', {
        parentImage: 'C:\\Windows\\System32\\net.exe',
        version: 2,
      }),
      // 3: a child naming its parent rightly is still linked by pid
      start('2024-02-13T09:00:01Z', 0x300, 0x100, 'C:\\Windows\\System32\\conhost.exe', {
        parentImage: '\\Device\\HarddiskVolume2\\Windows\\System32\\REG.EXE',
        version: 2,
      }),
    ],
    { process_parent_max_age_s: 30 * 86400 },
  );
  try {
    const p = await parents(b);
    assert.equal(p['2']!.parent_record, null, 'reg.exe is not the net.exe its child names');
    assert.equal(p['2']!.parent_is_stub, true);
    assert.equal(p['2']!.parent_image_name, 'net.exe');
    assert.equal(p['3']!.parent_record, '1', 'image names compare by file name, any case or device path');
  } finally {
    b.close();
  }
});

const sysmon = (
  ts: string,
  guid: string,
  parentGuid: string,
  pid: number,
  parentPid: number,
  image: string,
): WinInput => ({
  eventId: 1,
  ts,
  processGuid: guid,
  parentProcessGuid: parentGuid,
  pid,
  parentPid,
  image,
  parentImage: 'C:\\Windows\\explorer.exe',
  subjectUser: 'jdoe',
  subjectDomain: 'CORP',
  subjectLogonId: '0x1234',
});

test('Sysmon links by ProcessGuid, even where the pid was reused in between', async () => {
  const b = await caseWith([
    sysmon('2024-03-01T09:00:00Z', '{a}', '{root}', 500, 4, 'C:\\Windows\\System32\\cmd.exe'), // 1
    sysmon('2024-03-01T09:00:01Z', '{b}', '{x}', 500, 4, 'C:\\Windows\\System32\\notepad.exe'), // 2: pid 500 again
    sysmon('2024-03-01T09:00:02Z', '{c}', '{a}', 600, 500, 'C:\\Windows\\System32\\net.exe'), // 3: child of {a}
  ]);
  try {
    const p = await parents(b);
    assert.equal(p['3']!.parent_record, '1', 'the GUID wins over the latest pid (which is notepad.exe)');
    assert.equal(p['3']!.link_method, 'guid');
    assert.equal(p['1']!.parent_is_stub, true);
    assert.equal(p['1']!.parent_image_name, 'explorer.exe', 'Sysmon ParentImage names the stub');
  } finally {
    b.close();
  }
});

test('lineage walks stop on cycles and at the depth bound; descendants walk down', async () => {
  const b = await caseWith([
    // A GUID cycle (corrupt or crafted logs): {a} -> {b} -> {a}
    sysmon('2024-03-01T09:00:00Z', '{a}', '{b}', 10, 20, 'C:\\x\\a.exe'),
    sysmon('2024-03-01T09:00:00Z', '{b}', '{a}', 20, 10, 'C:\\x\\b.exe'),
    // A chain of 6: c0 <- c1 <- ... <- c5
    ...Array.from({ length: 6 }, (_, i) =>
      sysmon(
        `2024-03-01T10:00:0${i}Z`,
        `{c${i}}`,
        i === 0 ? '{none}' : `{c${i - 1}}`,
        100 + i,
        99 + i,
        `C:\\x\\c${i}.exe`,
      ),
    ),
  ]);
  try {
    const cycle = await b.rows(
      'SELECT depth, image_name FROM process_ancestry([event_key(1, 1)]) ORDER BY depth',
    );
    assert.deepEqual(
      cycle.map((n) => n['image_name']),
      ['a.exe', 'b.exe'],
      'each process appears once and the walk ends',
    );
    const bounded = await b.rows('SELECT depth FROM process_ancestry([event_key(1, 8)], max_depth := 3)');
    assert.equal(Math.max(...bounded.map((n) => Number(n['depth']))), 3);
    const full = await b.rows('SELECT depth, stub FROM process_ancestry([event_key(1, 8)]) ORDER BY depth');
    assert.equal(full.length, 7, 'six starts and the stub above the first');
    assert.equal(full[6]!['stub'], true);
    const down = await b.rows(
      'SELECT depth, image_name FROM process_descendants([event_key(1, 3)]) ORDER BY depth',
    );
    assert.deepEqual(
      down.map((n) => n['image_name']),
      ['c0.exe', 'c1.exe', 'c2.exe', 'c3.exe', 'c4.exe', 'c5.exe'],
    );
    const cycleDown = await b.rows(
      'SELECT count(*)::INTEGER AS n FROM process_descendants([event_key(1, 1)])',
    );
    assert.equal(cycleDown[0]!['n'], 2);
  } finally {
    b.close();
  }
});

test('a 4688 takes the new process’s own logon id and user when Windows logged one', async () => {
  const b = await caseWith([
    start('2024-03-01T09:00:00Z', 0x100, 4, 'C:\\Windows\\System32\\cmd.exe', {
      version: 2,
      targetUser: 'admin',
      targetDomain: 'CORP',
      targetLogonId: '0x5555',
    }),
    start('2024-03-01T09:00:01Z', 0x200, 4, 'C:\\Windows\\System32\\cmd.exe', {
      version: 2,
      targetUser: '-',
      targetDomain: '-',
      targetLogonId: '0x0',
    }),
  ]);
  try {
    const rows = await b.rows(
      'SELECT record_no, user_display, account_key, logon_id FROM processes ORDER BY record_no',
    );
    assert.deepEqual(rows[0], {
      record_no: '1',
      user_display: 'CORP\\admin',
      account_key: 'corp\\admin',
      logon_id: '21845',
    });
    assert.deepEqual(rows[1], {
      record_no: '2',
      user_display: 'CORP\\jdoe',
      account_key: 'corp\\jdoe',
      logon_id: '4660',
    });
  } finally {
    b.close();
  }
});

test('logon sessions: 4624 opens one, the next 4634/4647 of that id on that host ends it', async () => {
  const logon = (ts: string, id: string, type: number, ip: string | undefined, host = 'WS01'): WinInput => ({
    eventId: 4624,
    ts,
    host,
    targetUser: 'jdoe',
    targetDomain: 'CORP',
    targetLogonId: id,
    logonType: type,
    ip,
    workstation: 'LAPTOP7',
    authPackage: 'Kerberos',
  });
  const b = await caseWith([
    logon('2024-03-01T09:00:00Z', '0x10', 10, '10.0.4.7'),
    { eventId: 4634, ts: '2024-03-01T09:30:00Z', host: 'WS01', targetLogonId: '0x10' },
    logon('2024-03-01T09:00:00Z', '0x10', 3, '10.0.4.8', 'WS02'), // same id, other host
    logon('2024-03-01T11:00:00Z', '0x10', 2, undefined), // the id reused after a reboot
  ]);
  try {
    const rows = await b.rows(
      `SELECT host, iso_utc(start_ts) AS start, iso_utc(end_ts) AS end, logon_type, ip, workstation, auth_package, account_key
       FROM logon_sessions ORDER BY host, start_ts`,
    );
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[0], {
      host: 'WS01',
      start: '2024-03-01T09:00:00.000000Z',
      end: '2024-03-01T09:30:00.000000Z',
      logon_type: 10,
      ip: '10.0.4.7',
      workstation: 'LAPTOP7',
      auth_package: 'Kerberos',
      account_key: 'corp\\jdoe',
    });
    assert.equal(rows[1]!['end'], null, 'the logoff came before this logon');
    assert.equal(rows[2]!['host'], 'WS02');
    assert.equal(rows[2]!['end'], null, 'a logoff on another host ends nothing here');
  } finally {
    b.close();
  }
});

test('the accounts view lists every name the case mentions under one key', async () => {
  const b = await CaseBuilder.create();
  try {
    await b.add('a.xml', {
      win: [
        {
          eventId: 4624,
          ts: '2024-03-01T09:00:00Z',
          targetUser: 'Alice',
          targetDomain: 'CORP',
          subjectUser: '-',
        },
      ],
    });
    await b.add('s.json', {
      signins: [{ ts: '2024-03-01T09:05:00Z', userPrincipalName: 'alice@corp.local' }],
    });
    const rows = await b.rows(`SELECT account_key, spellings, mentions::INTEGER AS n FROM accounts`);
    assert.deepEqual(rows, [
      { account_key: 'corp\\alice', spellings: ['CORP\\Alice', 'alice@corp.local'], n: 2 },
    ]);
  } finally {
    b.close();
  }
});
