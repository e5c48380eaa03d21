// An .evtx file through the whole import (sniffed by content, parsed in the worker, loaded through
// segments): the same events written once as .evtx by the synthetic writer and once as a wevtutil export
// give the same rows in the case. Their XML is not stored; the raw-event viewer renders it from the
// evidence file, and when the file is gone it is given the imported fields instead, and told why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { readRawEvent } from '../../../electron/engine/service/rawEvent.js';
import { extractEventFast } from '../../../electron/engine/readers/windowsXml/fastEventExtractor.js';
import { EvtxFileWriter } from '../../../tools/synth/evtx/evtxFileWriter.js';
import { openFileSink } from '../../../tools/synth/textSink.js';
import { WinEventExportWriter } from '../../../tools/synth/windows/exportFlavours.js';
import { tempDir } from '../../support/paths.js';
import { varietyEvents, varietyEvtx } from '../../support/varietyEvents.js';

const EVENTS = varietyEvents(600); // several chunks

function writeBoth(dir: string): { evtx: string; xml: string } {
  const evtx = join(dir, 'Security.evtx');
  writeFileSync(evtx, varietyEvtx(EVENTS.length));
  const xml = join(dir, 'Security.xml');
  const sink = openFileSink(xml, 'utf8', false);
  const exporter = new WinEventExportWriter(sink, 'wevtutil');
  for (const ev of EVENTS) exporter.write(ev);
  exporter.finish();
  sink.close();
  return { evtx, xml };
}

/** Every column but the ones that say where the event was read from. */
const COMPARED = `w.* EXCLUDE (source_id, record_offset, xml)`;

test('an .evtx file imports as the same events as its wevtutil export, XML rendered on demand', async () => {
  const { dir, cleanup } = tempDir();
  const db = await openCase(join(dir, 'case.duckdb'));
  const importer = new Importer(db);
  try {
    const files = writeBoth(dir);
    // Named without an extension: the format is known from the content.
    const evidence = join(dir, 'evidence-a');
    copyFileSync(files.evtx, evidence);
    const [fromEvtx, fromXml] = await importer.importPaths([evidence, files.xml]);
    assert.deepEqual(fromEvtx!.errors, []);
    assert.equal(fromEvtx!.format, 'windows-evtx');
    assert.equal(fromEvtx!.events, EVENTS.length);
    assert.equal(fromXml!.events, EVENTS.length);

    const rows = async (sha: string): Promise<string[]> => {
      const r = await db.conn.runAndReadAll(
        `SELECT ${COMPARED} FROM win_events w JOIN sources s USING (source_id) WHERE s.sha256 = $sha ORDER BY record_no`,
        { sha },
      );
      return r
        .getRowObjectsJson()
        .map((row) => JSON.stringify({ ...row, sha256: undefined, path: undefined }));
    };
    const a = await rows(fromEvtx!.sha256);
    const b = await rows(fromXml!.sha256);
    assert.equal(a.length, EVENTS.length);
    for (let i = 0; i < a.length; i++) assert.equal(a[i], b[i], `event ${i + 1}`);
    const stored = await db.conn.runAndReadAll(
      `SELECT count(xml)::INTEGER, count(record_offset)::INTEGER FROM win_events JOIN sources USING (source_id)
       WHERE sha256 = $sha`,
      { sha: fromEvtx!.sha256 },
    );
    assert.deepEqual(stored.getRows()[0], [0, EVENTS.length], 'no XML stored, every record located');

    // The viewer's XML, rendered from the file, reads back as the stored XML of the same event does.
    for (const recordNo of [1, 2, 5, 9, 300, EVENTS.length]) {
      const raw = await readRawEvent(db.conn, { table: 'win_events', source: fromEvtx!.sha256, recordNo });
      const asXml = await readRawEvent(db.conn, { table: 'win_events', source: fromXml!.sha256, recordNo });
      assert.equal(raw.format, 'xml', raw.origin);
      assert.match(raw.origin ?? '', /rendered from the \.evtx file/);
      assert.deepEqual(extractEventFast(raw.text), extractEventFast(asXml.text), `record ${recordNo}`);
    }

    // The evidence moved away: the fields the import kept, and why.
    rmSync(evidence);
    const gone = await readRawEvent(db.conn, { table: 'win_events', source: fromEvtx!.sha256, recordNo: 3 });
    assert.equal(gone.format, 'json');
    assert.match(gone.origin ?? '', /could not be read .*fields the import kept/);
    const fields = JSON.parse(gone.text) as Record<string, unknown>;
    assert.equal(fields['record_id'], String(EVENTS[2]!.recordId));
    assert.equal(fields['xml'], undefined);
  } finally {
    await importer.close();
    db.close();
    cleanup();
  }
});

test('a collection folder: every empty channel log is recorded, byte-identical ones too, without noise', async () => {
  const { dir, cleanup } = tempDir();
  const db = await openCase(join(dir, 'case.duckdb'));
  const importer = new Importer(db);
  try {
    const logs = join(dir, 'C', 'Windows', 'System32', 'winevt', 'Logs');
    mkdirSync(logs, { recursive: true });
    const empty = join(logs, 'Microsoft-Windows-Empty%4Operational.evtx');
    new EvtxFileWriter(empty).close();
    writeFileSync(empty, Buffer.alloc(65536), { flag: 'a' });
    for (const name of ['Application', 'Setup', 'Microsoft-Windows-Other%4Operational'])
      copyFileSync(empty, join(logs, `${name}.evtx`));
    const { evtx } = writeBoth(dir);
    copyFileSync(evtx, join(logs, 'Security.evtx'));
    const summaries = await importer.importPaths([join(dir, 'C')]);
    assert.equal(summaries.length, 5);
    for (const s of summaries) {
      assert.deepEqual(s.errors, [], s.path);
      assert.equal(s.duplicate, undefined, s.path);
      assert.equal(s.format, 'windows-evtx');
    }
    assert.equal(summaries.find((s) => s.path.endsWith('Security.evtx'))!.events, EVENTS.length);
    const recorded = await db.conn.runAndReadAll(
      'SELECT count(*)::INTEGER, count(DISTINCT source_id)::INTEGER, sum(events)::INTEGER FROM sources',
    );
    assert.deepEqual(recorded.getRows()[0], [5, 5, EVENTS.length]);
    // A file with events is still recognised when it comes again.
    const [again] = await importer.importPaths([join(logs, 'Security.evtx')]);
    assert.equal(again!.duplicate, true);
  } finally {
    await importer.close();
    db.close();
    cleanup();
  }
});
