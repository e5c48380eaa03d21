// What the folder walk does with what is not a plain file or folder (issue 12, items 3 and 4): links
// that loop back into the walk end, each folder is read once, and a FIFO, socket or device is reported
// by name instead of vanishing. Every good file beside them still loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { SourceSummary } from '../../../shared/report.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { tempDir } from '../../support/paths.js';
import { wevtutilFile } from '../../support/miniEvents.js';

async function importInto(dir: string, paths: string[]): Promise<{ sources: SourceSummary[]; rows: number }> {
  const db = await openCase(join(dir, 'case.duckdb'));
  const importer = new Importer(db, 1);
  try {
    const sources = await importer.importPaths(paths);
    const r = await db.conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM win_events');
    return { sources, rows: Number(r.getRowObjects()[0]!['n']) };
  } finally {
    await importer.close();
    db.close();
  }
}

test(
  'links that loop back into the walk end it, each folder is read once, and each link is named',
  { timeout: 60_000 },
  async () => {
    const { dir, cleanup } = tempDir();
    try {
      const ev = join(dir, 'evidence');
      const other = join(dir, 'other');
      mkdirSync(join(ev, 'sub'), { recursive: true });
      mkdirSync(other);
      writeFileSync(join(ev, 'a.xml'), wevtutilFile(3));
      writeFileSync(join(ev, 'sub', 'b.xml'), wevtutilFile(2, 10));
      writeFileSync(join(other, 'c.xml'), wevtutilFile(1, 20));
      // The reported case: two links to the folder itself made the walk grow without end.
      symlinkSync('.', join(ev, 's1'));
      symlinkSync('.', join(ev, 's2'));
      symlinkSync('..', join(ev, 'sub', 'back'));
      symlinkSync(dir, join(ev, 'sub', 'up-out'));
      // A folder outside the walk is followed once, however many links lead there.
      symlinkSync(other, join(ev, 'to-other'));
      symlinkSync(other, join(ev, 'to-other-again'));

      const { sources, rows } = await importInto(dir, [ev]);
      const read = sources.filter((s) => s.events > 0).map((s) => s.path.slice(ev.length + 1));
      assert.deepEqual(read.sort(), ['a.xml', 'sub/b.xml', 'to-other/c.xml']);
      assert.equal(rows, 3 + 2 + 1, 'every event once');
      const notices = new Map(
        sources
          .filter((s) => s.events === 0)
          .map((s) => [s.path.slice(ev.length + 1), s.errors[0]?.message ?? '']),
      );
      assert.deepEqual([...notices.keys()].sort(), ['s1', 's2', 'sub/back', 'sub/up-out', 'to-other-again']);
      assert.match(
        notices.get('s1')!,
        /not followed: a link to .*evidence, a folder already read in this import/,
      );
      assert.match(notices.get('sub/back')!, /not followed: a link to .*evidence, a folder already read/);
      assert.match(notices.get('sub/up-out')!, /not followed: a link up to .*, which holds this folder/);
      assert.match(
        notices.get('to-other-again')!,
        /not followed: a link to .*other, a folder already read in this import/,
      );
      for (const s of sources.filter((x) => x.events === 0)) assert.equal(s.format, 'unread');
    } finally {
      cleanup();
    }
  },
);

test(
  'a FIFO, a socket and a device are reported by name, named or found in a folder',
  { timeout: 60_000 },
  async () => {
    const { dir, cleanup } = tempDir();
    const server = createServer();
    try {
      const ev = join(dir, 'evidence');
      mkdirSync(ev);
      writeFileSync(join(ev, 'good.xml'), wevtutilFile(2));
      execFileSync('mkfifo', [join(ev, 'pipe.xml')]);
      await new Promise<void>((done) => server.listen(join(ev, 'sock.xml'), done));
      execFileSync('mkfifo', [join(dir, 'named-pipe.evtx')]);

      const { sources, rows } = await importInto(dir, [ev, join(dir, 'named-pipe.evtx'), '/dev/null']);
      assert.equal(rows, 2);
      const byName = new Map(sources.map((s) => [s.path, s]));
      assert.equal(byName.get(join(ev, 'good.xml'))?.events, 2);
      for (const [path, kind] of [
        [join(ev, 'pipe.xml'), /FIFO/],
        [join(ev, 'sock.xml'), /socket/],
        [join(dir, 'named-pipe.evtx'), /FIFO/],
        ['/dev/null', /device/],
      ] as const) {
        const s = byName.get(path);
        assert.ok(s, `${path} is not in the import result: ${JSON.stringify(sources)}`);
        assert.equal(s.format, 'unread');
        assert.equal(s.errors.length, 1);
        assert.match(s.errors[0]!.message, kind);
        assert.match(s.errors[0]!.message, /not a regular file: not read/);
      }
    } finally {
      server.close();
      cleanup();
    }
  },
);

test(
  'a folder that cannot be listed is reported by name, and the rest of the walk goes on',
  { skip: process.getuid?.() === 0 ? 'root can list any folder' : false, timeout: 60_000 },
  async () => {
    const { dir, cleanup } = tempDir();
    const locked = join(dir, 'evidence', 'locked');
    try {
      mkdirSync(locked, { recursive: true });
      writeFileSync(join(dir, 'evidence', 'good.xml'), wevtutilFile(2));
      execFileSync('chmod', ['000', locked]);
      const { sources, rows } = await importInto(dir, [join(dir, 'evidence')]);
      assert.equal(rows, 2);
      const s = sources.find((x) => x.path === locked);
      assert.match(s?.errors[0]?.message ?? '', /cannot list this folder: EACCES/);
    } finally {
      execFileSync('chmod', ['700', locked]);
      cleanup();
    }
  },
);
