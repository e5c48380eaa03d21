// The synthetic .evtx writer, checked from the outside: a small parser written here from the format
// notes verifies headers, CRCs, record framing and template placement; python-evtx (Debian's
// python3-evtx, when installed) reads the records back and must find every System and Data value.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { crc32 } from 'node:zlib';
import { parseStringPromise } from 'xml2js';
import { EvtxFileWriter } from '../../../tools/synth/evtx/evtxFileWriter.js';
import { Hex } from '../../../tools/synth/windows/winEvent.js';
import type { DataValue, WinEvent } from '../../../tools/synth/windows/winEvent.js';
import { windowsSystemTime } from '../../../tools/synth/timeFormat.js';
import { tempDir } from '../../support/paths.js';
import { varietyEvents } from '../../support/varietyEvents.js';

function writeEvtx(dir: string, evs: readonly WinEvent[]): Buffer {
  const path = join(dir, 'test.evtx');
  const w = new EvtxFileWriter(path);
  for (const ev of evs) w.write(ev);
  const summary = w.close();
  const bytes = readFileSync(path);
  assert.equal(summary.bytes, bytes.length);
  assert.equal(summary.events, evs.length);
  return bytes;
}

// ---- an independent reading of the container ----

interface RecordInfo {
  id: number;
  written: bigint;
  templateId: number;
  templateAt: number;
  definedHere: boolean;
}

function checkCrc(actual: number, expected: number, what: string): void {
  assert.equal(actual >>> 0, expected >>> 0, `${what} CRC32`);
}

function readChunk(file: Buffer, index: number): RecordInfo[] {
  const c = file.subarray(4096 + index * 65536, 4096 + (index + 1) * 65536);
  assert.equal(c.toString('latin1', 0, 8), 'ElfChnk\0', `chunk ${index} magic`);
  assert.equal(c.readUInt32LE(40), 128);
  const lastRecordAt = c.readUInt32LE(44);
  const free = c.readUInt32LE(48);
  checkCrc(c.readUInt32LE(52), crc32(c.subarray(512, free)), `chunk ${index} records`);
  checkCrc(
    c.readUInt32LE(124),
    crc32(c.subarray(128, 512), crc32(c.subarray(0, 120))),
    `chunk ${index} header`,
  );
  const records: RecordInfo[] = [];
  let at = 512;
  let last = 0;
  while (at < free) {
    assert.equal(c.readUInt32LE(at), 0x2a2a, `record signature at ${at}`);
    const size = c.readUInt32LE(at + 4);
    assert.ok(size > 28 && at + size <= free, `record at ${at} stays inside the used part of its chunk`);
    assert.equal(size % 8, 0, 'records are padded to 8 bytes');
    assert.equal(c.readUInt32LE(at + size - 4), size, 'trailing copy of the record size');
    assert.deepEqual(
      [...c.subarray(at + 24, at + 30)],
      [0x0f, 1, 1, 0, 0x0c, 1],
      'fragment + template instance',
    );
    const templateAt = c.readUInt32LE(at + 34);
    const templateId = c.readUInt32LE(at + 30);
    const definedHere = templateAt === at + 38;
    assert.ok(
      templateAt >= 512 && templateAt <= at + 38,
      'a template is defined here or earlier in the chunk',
    );
    assert.equal(c.readUInt32LE(templateAt + 4), templateId, 'template GUID starts with the template id');
    const defSize = c.readUInt32LE(templateAt + 20);
    assert.deepEqual([...c.subarray(templateAt + 24, templateAt + 28)], [0x0f, 1, 1, 0]);
    assert.equal(c[templateAt + 24 + defSize - 1], 0x00, 'template ends with end-of-stream');
    const id = Number(c.readBigUInt64LE(at + 8));
    records.push({ id, written: c.readBigUInt64LE(at + 16), templateId, templateAt, definedHere });
    last = at;
    at += size;
  }
  assert.equal(at, free, 'free space starts right after the last record');
  assert.ok(free < 65536, 'no record ends exactly at the chunk end (libevtx drops such a record)');
  assert.equal(lastRecordAt, last, 'last record offset');
  assert.equal(Number(c.readBigUInt64LE(8)), records[0]!.id, 'first record number');
  assert.equal(Number(c.readBigUInt64LE(16)), records.at(-1)!.id, 'last record number');
  assert.equal(Number(c.readBigUInt64LE(24)), records[0]!.id, 'first record identifier');
  assert.equal(Number(c.readBigUInt64LE(32)), records.at(-1)!.id, 'last record identifier');
  checkNameTable(c);
  return records;
}

/** Every name reachable from the 64 buckets has the right hash and sits in its hash's bucket. */
function checkNameTable(c: Buffer): void {
  let names = 0;
  for (let b = 0; b < 64; b++) {
    for (let at = c.readUInt32LE(128 + 4 * b); at !== 0; at = c.readUInt32LE(at)) {
      const name = c.toString('utf16le', at + 8, at + 8 + 2 * c.readUInt16LE(at + 6));
      let h = 0;
      for (const ch of name) h = (h * 65599 + ch.charCodeAt(0)) % 2 ** 32;
      assert.equal(c.readUInt16LE(at + 4), h & 0xffff, `hash of ${name}`);
      assert.equal((h & 0xffff) % 64, b, `${name} is in its bucket`);
      names++;
    }
  }
  assert.ok(names >= 20, 'the chunk lists its names');
}

function readFile(file: Buffer): RecordInfo[][] {
  assert.equal(file.toString('latin1', 0, 8), 'ElfFile\0');
  assert.equal(file.readUInt32LE(32), 128, 'header size');
  assert.deepEqual([file.readUInt16LE(36), file.readUInt16LE(38)], [1, 3], 'version 3.1');
  assert.equal(file.readUInt16LE(40), 4096);
  checkCrc(file.readUInt32LE(124), crc32(file.subarray(0, 120)), 'file header');
  const chunks = file.readUInt16LE(42);
  assert.equal(file.length, 4096 + chunks * 65536);
  assert.equal(Number(file.readBigUInt64LE(16)), chunks - 1, 'last chunk number');
  const all = Array.from({ length: chunks }, (_, i) => readChunk(file, i));
  assert.equal(Number(file.readBigUInt64LE(24)), all.flat().length + 1, 'next record identifier');
  return all;
}

/** FILETIME as wevtutil prints it, 7 fraction digits. */
function filetimeText(ticks: bigint): string {
  const ms = Number(ticks / 10_000n - 11_644_473_600_000n);
  const fraction = String(ticks % 10_000_000n).padStart(7, '0');
  return `${new Date(ms).toISOString().slice(0, 19)}.${fraction}Z`;
}

test('a small .evtx has valid CRCs, framed records and times that print as the XML exports do', (t) => {
  const tmp = tempDir('evtx-writer-');
  t.after(tmp.cleanup);
  const evs = varietyEvents(9);
  const [records, ...more] = readFile(writeEvtx(tmp.dir, evs));
  assert.equal(more.length, 0);
  assert.deepEqual(
    records!.map((r) => r.id),
    evs.map((_, i) => i + 1),
    'record numbers count from 1',
  );
  records!.forEach((r, i) => assert.equal(filetimeText(r.written), windowsSystemTime(evs[i]!.time)));
  assert.equal(new Set(records!.map((r) => r.templateId)).size, 9, 'one template per event shape');
  assert.ok(records!.every((r) => r.definedHere));
});

test('past 64 KiB records spill into new chunks, which define their templates again', (t) => {
  const tmp = tempDir('evtx-writer-');
  t.after(tmp.cleanup);
  const evs = varietyEvents(400);
  const chunks = readFile(writeEvtx(tmp.dir, evs));
  assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
  assert.deepEqual(
    chunks.flat().map((r) => r.id),
    evs.map((_, i) => i + 1),
  );
  for (const [n, records] of chunks.entries()) {
    const full = n < chunks.length - 1;
    const defined = new Map<number, number>();
    for (const r of records) {
      const at = defined.get(r.templateId);
      if (at === undefined) {
        assert.ok(r.definedHere, 'the first use of a template in a chunk defines it');
        defined.set(r.templateId, r.templateAt);
      } else {
        assert.ok(!r.definedHere, 'later uses refer back');
        assert.equal(r.templateAt, at);
      }
    }
    assert.equal(defined.size, Math.min(9, records.length), 'each chunk defines each shape it uses once');
    if (full) assert.ok(records.length > 9, 'and reuses them');
  }
});

// ---- python-evtx as the oracle ----

const PYTHON = '/usr/bin/python3';
const DUMP = `
import sys, json
import Evtx.Evtx as evtx
import Evtx.Nodes as nodes
out = []
with evtx.Evtx(sys.argv[1]) as log:
    for rec in log.records():
        times = [str(s.unpack_qword(0)) for s in rec.root().substitutions() if isinstance(s, nodes.FiletimeTypeNode)]
        out.append({'num': rec.record_num(), 'xml': rec.xml(), 'filetimes': times})
print(json.dumps(out))
`;

function pythonEvtxMissing(): string | undefined {
  const r = spawnSync(PYTHON, ['-c', 'import Evtx.Evtx'], { encoding: 'utf8' });
  return r.status === 0
    ? undefined
    : `python-evtx is not importable by ${PYTHON} (apt-get install -y python3-evtx)`;
}

interface XmlNode {
  '#name': string;
  $?: Record<string, string>;
  _?: string;
  $$?: XmlNode[];
}

const child = (n: XmlNode, name: string): XmlNode => n.$$!.find((c) => c['#name'] === name)!;
const textOf = (n: XmlNode): string => n._ ?? '';

function pythonText(v: DataValue): string {
  return v instanceof Hex ? `0x${v.value.toString(16).padStart(v.bits / 4, '0')}` : v;
}

function checkAgainst(ev: WinEvent, root: XmlNode, where: string): void {
  const sys = child(root, 'System');
  const attr = (el: string, name: string) => child(sys, el).$?.[name];
  const value = (el: string) => textOf(child(sys, el));
  const expected: Record<string, string | undefined> = {
    provider: ev.provider.name,
    guid: ev.provider.guid.toLowerCase(),
    source: ev.provider.eventSourceName,
    eventId: String(ev.eventId),
    qualifiers: ev.qualifiers === undefined ? '' : String(ev.qualifiers),
    version: String(ev.version),
    level: String(ev.level),
    task: String(ev.task),
    opcode: String(ev.opcode),
    keywords: `0x${BigInt(ev.keywords).toString(16).padStart(16, '0')}`,
    recordId: String(ev.recordId),
    activity: (ev.activityId ?? '').toLowerCase(),
    pid: String(ev.execPid),
    tid: String(ev.execTid),
    channel: ev.channel,
    computer: ev.computer,
    user: ev.userSid ?? '',
  };
  assert.deepEqual(
    {
      provider: attr('Provider', 'Name'),
      guid: attr('Provider', 'Guid'),
      source: attr('Provider', 'EventSourceName'),
      eventId: value('EventID'),
      qualifiers: attr('EventID', 'Qualifiers'),
      version: value('Version'),
      level: value('Level'),
      task: value('Task'),
      opcode: value('Opcode'),
      keywords: value('Keywords'),
      recordId: value('EventRecordID'),
      activity: attr('Correlation', 'ActivityID'),
      pid: attr('Execution', 'ProcessID'),
      tid: attr('Execution', 'ThreadID'),
      channel: value('Channel'),
      computer: value('Computer'),
      user: attr('Security', 'UserID'),
    },
    expected,
    `${where}: System`,
  );
  let fields: Array<[string, string]>;
  let expectedFields: Array<[string, string]>;
  if (ev.userData) {
    const el = child(child(root, 'UserData'), ev.userData.element);
    assert.equal(el.$?.xmlns, ev.userData.xmlns);
    fields = (el.$$ ?? []).map((f) => [f['#name'], textOf(f)]);
    expectedFields = ev.userData.fields.map(([n, v]) => [n, pythonText(v)]);
  } else {
    fields = (child(root, 'EventData').$$ ?? []).map((d) => [d.$?.Name ?? d['#name'], textOf(d)]);
    expectedFields = (ev.eventData ?? []).map(([n, v]) => [n, pythonText(v)]);
    // python-evtx prints BinaryType as base64 (Windows prints hex).
    if (ev.binary) expectedFields.push(['Binary', Buffer.from(ev.binary, 'hex').toString('base64')]);
  }
  assert.deepEqual(fields, expectedFields, `${where}: data`);
}

test('python-evtx reads every record back with its EventRecordID, System and Data values', async (t) => {
  const missing = pythonEvtxMissing();
  if (missing) {
    t.skip(missing);
    return;
  }
  const tmp = tempDir('evtx-writer-');
  t.after(tmp.cleanup);
  const evs = varietyEvents(200);
  writeEvtx(tmp.dir, evs);
  const r = spawnSync(PYTHON, ['-c', DUMP, join(tmp.dir, 'test.evtx')], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  assert.equal(r.status, 0, r.stderr);
  const dumped = JSON.parse(r.stdout) as Array<{ num: number; xml: string; filetimes: string[] }>;
  assert.equal(dumped.length, evs.length, 'python-evtx finds every record');
  for (const [i, rec] of dumped.entries()) {
    const ev = evs[i]!;
    assert.equal(rec.num, i + 1);
    const ticks = (BigInt(ev.time) + 11_644_473_600_000_000n) * 10n;
    assert.equal(BigInt(rec.filetimes[0]!) / 10n, ticks / 10n, `record ${rec.num}: TimeCreated`);
    // A raw CR would be normalised away by the XML parser; keep it as a character reference.
    const xml = rec.xml.replace(/\r/g, '&#13;');
    const parsed = (await parseStringPromise(xml, {
      explicitChildren: true,
      preserveChildrenOrder: true,
      explicitCharkey: true,
      explicitRoot: false,
    })) as XmlNode;
    checkAgainst(ev, parsed, `record ${rec.num} (event ${ev.eventId})`);
  }
});

test('libevtx (evtxexport, Debian libevtx-utils) exports every record too', (t) => {
  if (spawnSync('evtxexport', ['-V']).error) {
    t.skip('evtxexport is not installed (apt-get install -y libevtx-utils)');
    return;
  }
  const tmp = tempDir('evtx-writer-');
  t.after(tmp.cleanup);
  const evs = varietyEvents(400);
  writeEvtx(tmp.dir, evs);
  const r = spawnSync('evtxexport', ['-f', 'xml', join(tmp.dir, 'test.evtx')], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const ids = [...r.stdout.matchAll(/<EventRecordID>(\d+)</g)].map((m) => Number(m[1]));
  assert.deepEqual(
    ids,
    evs.map((ev) => ev.recordId),
  );
});
