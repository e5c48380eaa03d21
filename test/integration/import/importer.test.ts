import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCase, type CaseDb } from '../../../electron/engine/store/openCase.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { tempDir } from '../../support/paths.js';
import { graphSignins, processStart, wevtutilFile } from '../../support/miniEvents.js';

async function count(db: CaseDb, table: string): Promise<number> {
  const r = await db.conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
  return Number(r.getRowObjects()[0]!['n']);
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

test('a folder of good and bad files: every good file loads, every bad one gets a clear error', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const ev = join(dir, 'evidence');
    mkdirSync(join(ev, 'nested'), { recursive: true });
    writeFileSync(join(ev, 'ws01.xml'), wevtutilFile(50));
    writeFileSync(join(ev, 'nested', 'signins.json'), graphSignins(20));
    writeFileSync(join(ev, 'empty.xml'), '');
    writeFileSync(
      join(ev, 'picture.xml'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    );
    writeFileSync(
      join(ev, 'garbage.bin'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    );
    const full = wevtutilFile(10, 100);
    writeFileSync(join(ev, 'truncated.xml'), full.slice(0, full.length - 300));

    const db = await openCase(join(dir, 'case.duckdb'));
    const importer = new Importer(db);
    const before = statSync(join(ev, 'ws01.xml'));
    const sources = await importer.importPaths([ev]);
    await importer.close();

    const byName = Object.fromEntries(sources.map((s) => [s.path.slice(ev.length + 1), s]));
    assert.deepEqual(Object.keys(byName).sort(), [
      'empty.xml',
      'garbage.bin',
      'nested/signins.json',
      'picture.xml',
      'truncated.xml',
      'ws01.xml',
    ]);
    assert.equal(byName['ws01.xml']!.events, 50);
    assert.equal(byName['ws01.xml']!.errors.length, 0);
    assert.equal(byName['ws01.xml']!.format, 'windows-xml');
    // Every file, read or refused, is recorded with the hash of all its bytes.
    for (const [name, s] of Object.entries(byName)) assert.equal(s.sha256, sha(join(ev, name)), name);
    assert.equal(byName['nested/signins.json']!.events, 20);
    assert.equal(byName['nested/signins.json']!.format, 'entra-signins');
    assert.match(byName['empty.xml']!.errors[0]!.message, /empty/);
    assert.match(byName['picture.xml']!.errors[0]!.message, /PNG/);
    assert.match(byName['garbage.bin']!.errors[0]!.message, /binary|unrecognised/);
    assert.equal(byName['truncated.xml']!.events, 9, 'every complete event of a truncated file');
    assert.equal(byName['truncated.xml']!.errors.length, 1);
    assert.equal(typeof byName['truncated.xml']!.errors[0]!.offset, 'number');

    assert.equal(await count(db, 'win_events'), 59);
    assert.equal(await count(db, 'signins'), 20);
    // The evidence is untouched: same bytes, same modification time.
    const after = statSync(join(ev, 'ws01.xml'));
    assert.equal(after.mtimeMs, before.mtimeMs);
    assert.equal(sha(join(ev, 'ws01.xml')), byName['ws01.xml']!.sha256);
    db.close();
  } finally {
    cleanup();
  }
});

test('re-importing a file with the same hash adds nothing and says so', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const a = join(dir, 'a.xml');
    const copy = join(dir, 'copy-of-a.xml');
    writeFileSync(a, wevtutilFile(5));
    writeFileSync(copy, readFileSync(a));
    const db = await openCase(join(dir, 'case.duckdb'));
    const importer = new Importer(db);
    const [first] = await importer.importPaths([a]);
    const [again] = await importer.importPaths([copy]);
    await importer.close();
    assert.equal(first!.events, 5);
    assert.equal(again!.duplicate, true);
    assert.equal(again!.events, 0);
    assert.match(again!.errors[0]!.message, /already in this case/);
    assert.equal(await count(db, 'win_events'), 5);
    assert.equal(await count(db, 'sources'), 1);
    db.close();
  } finally {
    cleanup();
  }
});

test('a cancelled import leaves that file wholly out', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const big = join(dir, 'big.xml');
    writeFileSync(big, wevtutilFile(40000));
    const db = await openCase(join(dir, 'case.duckdb'));
    const importer = new Importer(db);
    const ac = new AbortController();
    const [s] = await importer.importPaths([big], {
      signal: ac.signal,
      onProgress: (p) => {
        if (p.events > 0) ac.abort();
      },
    });
    await importer.close();
    assert.match(s!.errors[0]!.message, /cancelled/);
    assert.equal(await count(db, 'win_events'), 0);
    assert.equal(await count(db, 'sources'), 0);
    db.close();
  } finally {
    cleanup();
  }
});

test('rows carry typed fields: hex pids become integers, times are UTC microseconds', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const f = join(dir, 'one.xml');
    writeFileSync(f, wevtutilFile(1));
    const db = await openCase(join(dir, 'case.duckdb'));
    const importer = new Importer(db);
    await importer.importPaths([f]);
    await importer.close();
    const r = await db.conn.runAndReadAll(
      `SELECT pid, parent_pid, subject_logon_id, strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ') AS t, host, event_id,
              image, command_line, record_id, data->>'TokenElevationType' AS elevation
       FROM win_events`,
    );
    const row = r.getRowObjects()[0]!;
    assert.equal(row['pid'], 0x1000n);
    assert.equal(row['parent_pid'], 0x900n);
    assert.equal(row['subject_logon_id'], 0x5a3f1n);
    assert.equal(row['t'], '2026-03-14T09:00:00.123456Z');
    assert.equal(row['event_id'], 4688);
    assert.equal(row['image'], 'C:\\Windows\\System32\\cmd.exe');
    assert.equal(row['command_line'], 'cmd.exe /c echo 0');
    assert.equal(row['record_id'], 1n);
    assert.equal(row['elevation'], '%%1936');
    db.close();
  } finally {
    cleanup();
  }
});

test('line breaks inside values and raw XML survive the load exactly; control characters too', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const f = join(dir, 'breaks.xml');
    const first = processStart(
      1,
      '2026-03-14T09:00:00.0000000Z',
      0x10,
      0x8,
      'C:\\x.exe',
      'line one\r\nline two\rthree',
    );
    // XML 1.0 forbids most control characters even as references, so this one is an XML 1.1 file.
    const second = processStart(
      2,
      '2026-03-14T09:00:01.0000000Z',
      0x11,
      0x8,
      'C:\\y.exe',
      'tab\there',
    ).replace('tab\there', 'unit&#x1F;sep');
    // A value with a line break that the event's own bytes do not have (a character reference), and
    // one with text beyond ASCII: both go the fast way, where the XML's bytes are copied as they are.
    const third = processStart(3, '2026-03-14T09:00:02.0000000Z', 0x12, 0x8, 'C:\\z.exe', 'a-b').replace(
      'a-b',
      'a&#10;b',
    );
    const fourth = processStart(4, '2026-03-14T09:00:03.0000000Z', 0x13, 0x8, 'C:\\Bücher\\ü.exe', 'Ω 😀');
    const text =
      `<?xml version="1.1" encoding="utf-8"?>\n<Events>\n` +
      `${first}\n${second}\n${third}\n${fourth}\n</Events>\n`;
    writeFileSync(f, text);
    const db = await openCase(join(dir, 'case.duckdb'));
    const importer = new Importer(db);
    const [s] = await importer.importPaths([f]);
    await importer.close();
    assert.deepEqual(s!.errors, []);
    const r = await db.conn.runAndReadAll('SELECT command_line, xml FROM win_events ORDER BY record_no');
    const rows = r.getRowObjects();
    // Line ends inside values are normalised to LF, as XML requires; the raw XML keeps what the file had.
    assert.equal(rows[0]!['command_line'], 'line one\nline two\nthree');
    assert.equal(rows[0]!['xml'], first);
    assert.equal(rows[1]!['command_line'], 'unit\u001fsep');
    assert.equal(rows[1]!['xml'], second);
    assert.equal(rows[2]!['command_line'], 'a\nb');
    assert.equal(rows[2]!['xml'], third);
    assert.equal(rows[3]!['command_line'], 'Ω 😀');
    assert.equal(rows[3]!['xml'], fourth);
    const image = await db.conn.runAndReadAll('SELECT image FROM win_events WHERE record_no = 4');
    assert.equal(image.getRows()[0]![0], 'C:\\Bücher\\ü.exe');
    db.close();
  } finally {
    cleanup();
  }
});
