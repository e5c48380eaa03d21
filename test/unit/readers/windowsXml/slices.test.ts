// A big file is imported as slices parsed at once (planXmlSlices chooses the cuts, readWindowsXml reads
// each with the `slice` option). Put end to end, with each slice's records numbered on from the slices
// before it, the slices must give exactly what one read of the whole file gives: the same rows (raw XML
// and record numbers included), the same errors, the same counts and the same export flavour, for every
// real recording in every export flavour, damaged files included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ReadError, WinEventRow } from '../../../../electron/engine/rowContract.js';
import {
  InputFormatError,
  type ReaderOptions,
  type ReaderSummary,
} from '../../../../electron/engine/readers/types.js';
import { planXmlSlices, readWindowsXml } from '../../../../electron/engine/readers/windowsXml/index.js';
import { FLAVOURS, utf16le } from './exportFlavours.js';
import { chunksOf, securityEvent } from './readerHarness.js';
import { NEEDS_SHARED, realLogEntries } from './realLogs.js';

/** Small enough that every recording, even a two-event one, is worth cutting. */
const TINY_SLICE = 64;
const HEAD_BYTES = 4096;

interface Outcome {
  rows: WinEventRow[];
  errors: ReadError[];
  summary: ReaderSummary | null;
  failure: unknown;
}

/** Chunks of ever-changing odd sizes, so that chunk edges fall everywhere, tags and code units included. */
async function* oddChunks(bytes: Buffer): AsyncGenerator<Buffer> {
  const sizes = [1, 7, 13, 251, 3, 1021, 4093];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function read(source: AsyncIterable<Buffer>, options: ReaderOptions): Promise<Outcome> {
  const outcome: Outcome = { rows: [], errors: [], summary: null, failure: undefined };
  try {
    outcome.summary = await readWindowsXml(
      source,
      {
        row: (r) => {
          if (r.kind !== 'win') throw new Error(`unexpected row kind ${r.kind}`);
          outcome.rows.push(r.row);
        },
        error: (e) => outcome.errors.push(e),
      },
      options,
    );
  } catch (failure) {
    outcome.failure = failure;
  }
  return outcome;
}

function planFor(bytes: Buffer, parts: number, minSliceBytes = TINY_SLICE): Promise<number[]> {
  const readAt = async (position: number, length: number): Promise<Buffer> =>
    bytes.subarray(position, position + length);
  return planXmlSlices(readAt, bytes.length, bytes.subarray(0, HEAD_BYTES), parts, minSliceBytes);
}

interface Sliced {
  /** The slices' results put end to end, as the importer loads them. */
  whole: Outcome;
  slices: Outcome[];
}

/** Reads every slice at once, then numbers each slice's records on from the slices before it. */
async function readSliced(bytes: Buffer, starts: number[], options: ReaderOptions = {}): Promise<Sliced> {
  const fileHead = bytes.subarray(0, HEAD_BYTES);
  const slices = await Promise.all(
    starts.map((startOffset, i) => {
      const end = starts[i + 1] ?? bytes.length;
      const last = i === starts.length - 1;
      return read(oddChunks(bytes.subarray(startOffset, end)), {
        ...options,
        slice: { startOffset, fileHead, last },
      });
    }),
  );
  const whole: Outcome = { rows: [], errors: [], summary: null, failure: undefined };
  let base = 0;
  let records = 0;
  let skipped = 0;
  for (const slice of slices) {
    whole.rows.push(...slice.rows.map((row) => ({ ...row, recordNo: row.recordNo + base })));
    whole.errors.push(
      ...slice.errors.map((e) => (e.record === undefined ? e : { ...e, record: e.record + base })),
    );
    if (slice.failure !== undefined) {
      // The importer stops at the first slice that refuses the file; the slices after it are dropped.
      whole.failure = slice.failure;
      return { whole, slices };
    }
    base += slice.summary!.records + slice.summary!.skipped;
    records += slice.summary!.records;
    skipped += slice.summary!.skipped;
  }
  whole.summary = { ...slices[0]!.summary!, records, skipped };
  return { whole, slices };
}

async function assertSlicedReadsAsWhole(
  bytes: Buffer,
  starts: number[],
  label: string,
  options: ReaderOptions = {},
): Promise<Outcome> {
  const expected = await read(chunksOf(bytes, 65536), options);
  const { whole, slices } = await readSliced(bytes, starts, options);
  assert.deepEqual(whole.rows, expected.rows, `${label}: rows`);
  assert.deepEqual(whole.errors, expected.errors, `${label}: errors`);
  if (expected.failure === undefined) {
    assert.equal(whole.failure, undefined, `${label}: ${String(whole.failure)}`);
    assert.deepEqual(whole.summary, expected.summary, `${label}: summary`);
    // Every slice names the flavour as the whole file does, not only the first one the importer uses.
    for (const [i, slice] of slices.entries()) {
      assert.equal(slice.summary!.variant, expected.summary!.variant, `${label}: slice ${i + 1} variant`);
    }
  } else {
    assert.ok(whole.failure instanceof InputFormatError, `${label}: ${String(whole.failure)}`);
    assert.ok(expected.failure instanceof InputFormatError);
    assert.equal(whole.failure.offset, expected.failure.offset, `${label}: failure offset`);
    assert.equal(whole.failure.message, expected.failure.message, `${label}: failure message`);
  }
  return expected;
}

/** The text of bytes [from, to) of a file (only markup is looked at, so UTF-8 is read as Latin-1). */
function textOf(bytes: Buffer, from: number, to: number): string {
  const units = Buffer.from(bytes.subarray(from, to));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] !== 0 && bytes[1] === 0))
    return units.toString('utf16le');
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || bytes[0] === 0) return units.swap16().toString('utf16le');
  return units.toString('latin1');
}

/** Bytes per character of ASCII markup in this file. */
function unitOf(bytes: Buffer): number {
  return bytes[0] === 0 || bytes[1] === 0 || bytes[0] === 0xfe || bytes[0] === 0xff ? 2 : 1;
}

/** Forty small events in the given layout, each with its own user name. */
function events(count = 40): string[] {
  return Array.from({ length: count }, (_v, i) =>
    securityEvent(4625, { TargetUserName: `user${i + 1}`, IpAddress: '10.0.0.1' }, i + 1),
  );
}

const entries = realLogEntries();
const recordings = entries.map((entry) => ({ entry, text: readFileSync(entry.xmlPath, 'utf8') }));

describe('slices read at once give what one read of the whole file gives', { skip: NEEDS_SHARED }, () => {
  it(`python-evtx as recorded: all ${entries.length} recordings, in 2, 3 and 4 slices`, async () => {
    let cuts = 0;
    for (const { entry } of recordings) {
      const bytes = readFileSync(entry.xmlPath);
      for (const parts of [2, 3, 4]) {
        const starts = await planFor(bytes, parts);
        cuts += starts.length - 1;
        const expected = await assertSlicedReadsAsWhole(bytes, starts, `${entry.id} in ${parts}`);
        assert.deepEqual(expected.errors, []);
        if (entry.events >= 4) assert.ok(starts.length > 1, `${entry.id} in ${parts}: not cut`);
      }
    }
    assert.ok(cuts > 3 * entries.length, `only ${cuts} cuts`);
  });

  for (const flavour of FLAVOURS) {
    it(`${flavour.name}: all ${entries.length} recordings, in 2, 3 and 4 slices`, async () => {
      for (const { entry, text } of recordings) {
        const bytes = flavour.write(text);
        for (const parts of [2, 3, 4]) {
          const starts = await planFor(bytes, parts);
          if (entry.events >= 4) assert.ok(starts.length > 1, `${entry.id} in ${parts}: not cut`);
          const expected = await assertSlicedReadsAsWhole(bytes, starts, `${entry.id} in ${parts}`);
          assert.equal(expected.summary!.variant, flavour.variant);
          assert.deepEqual(expected.errors, []);
        }
      }
    });
  }
});

describe('damaged files read in slices', () => {
  const layouts: Array<[string, (events: string[]) => Buffer]> = [
    ['wevtutil UTF-8', (list) => Buffer.from(list.join(''))],
    ['PowerShell UTF-16LE lines', (list) => utf16le(list.map((e) => `${e}\r\n`).join(''))],
    [
      'Event Viewer UTF-16LE',
      (list) => utf16le(`<?xml version="1.0" encoding="UTF-16"?>\r\n<Events>${list.join('')}</Events>`),
    ],
  ];

  it('a truncated last event: reported by the last slice only, as the whole-file read reports it', async () => {
    for (const [name, write] of layouts) {
      const full = write(events());
      for (const cut of [60, 501]) {
        const bytes = full.subarray(0, full.length - cut);
        for (const parts of [2, 3, 4]) {
          const starts = await planFor(bytes, parts);
          assert.ok(starts.length > 1);
          const expected = await assertSlicedReadsAsWhole(bytes, starts, `${name} cut ${cut} in ${parts}`);
          assert.equal(expected.errors.length, 1);
          assert.match(expected.errors[0]!.message, /the file ends before this event does/);
          assert.equal(expected.errors[0]!.record, 40);
        }
      }
    }
  });

  it('invalid UTF-8 in an event of the second slice: record and offset as in the whole file', async () => {
    const list = events();
    const bad = Buffer.from(list[30]!.replace('user31', 'user\u00ff31'), 'latin1');
    const bytes = Buffer.concat([
      Buffer.from(list.slice(0, 30).join('')),
      bad,
      Buffer.from(list.slice(31).join('')),
    ]);
    for (const parts of [2, 3, 4]) {
      const starts = await planFor(bytes, parts);
      const expected = await assertSlicedReadsAsWhole(bytes, starts, `in ${parts}`);
      assert.equal(expected.errors.length, 1);
      const [error] = expected.errors;
      assert.equal(error!.record, 31);
      assert.ok(error!.offset! > starts[1]!, `${error!.offset} is in the first slice (${starts.join()})`);
      assert.match(error!.message, /^invalid UTF-8 \(byte 0xff at file offset \d+\); the event is skipped$/);
    }
  });

  it('an oversized event, and garbage between events, wherever the cuts fall', async () => {
    for (const [name, write] of layouts) {
      const list = events();
      list[12] = list[12]!.replace('user13', `user13${'x'.repeat(5000)}`);
      for (const at of [5, 19, 20, 21, 33]) list[at] = `${list[at]}\nnot xml at all\n`;
      const bytes = write(list);
      for (const parts of [2, 3, 4]) {
        const starts = await planFor(bytes, parts);
        assert.ok(starts.length > 1);
        const expected = await assertSlicedReadsAsWhole(bytes, starts, `${name} in ${parts}`, {
          maxRecordBytes: 4000,
        });
        assert.equal(expected.errors.filter((e) => /larger than the/.test(e.message)).length, 1);
        assert.equal(expected.errors.filter((e) => /unexpected content/.test(e.message)).length, 5);
      }
    }
  });

  it('an event cut short in the middle loses only itself, cut or not', async () => {
    for (const [name, write] of layouts) {
      const list = events();
      for (const at of [9, 19, 29]) list[at] = list[at]!.slice(0, 300);
      const bytes = write(list);
      for (const parts of [2, 3, 4, 7]) {
        const starts = await planFor(bytes, parts);
        const expected = await assertSlicedReadsAsWhole(bytes, starts, `${name} in ${parts}`);
        assert.deepEqual(
          expected.errors.map((e) => e.record),
          [10, 20, 30],
        );
      }
    }
  });

  it('an event still open where a slice ends is reported as the whole-file read reports it', async () => {
    // The planner never cuts there (the event before the cut must be closed); the reader still says the
    // same as a whole-file read if handed such a cut: not closed before the next event, not truncated.
    const list = events(6);
    list[2] = list[2]!.slice(0, 300);
    for (const [name, write] of layouts) {
      const bytes = write(list);
      const unit = name.includes('UTF-16') ? 2 : 1;
      const cut = bytes.indexOf(Buffer.from(list[3]!, unit === 2 ? 'utf16le' : 'utf8'));
      const expected = await assertSlicedReadsAsWhole(bytes, [0, cut], name);
      assert.deepEqual(
        expected.errors.map((e) => [
          e.record,
          /not closed before the next <Event> at file offset (\d+)/.exec(e.message)?.[1],
        ]),
        [[3, String(cut)]],
      );
    }
  });

  it('a DOCTYPE after the cut: the slice holding it refuses the file at its file offset', async () => {
    for (const [name, write] of layouts) {
      const list = events();
      list[29] = `${list[29]}<!DOCTYPE x>`;
      const bytes = write(list);
      const wide = name.includes('UTF-16');
      const doctypeAt = wide
        ? bytes.indexOf(Buffer.from('<!DOCTYPE', 'utf16le'))
        : bytes.indexOf('<!DOCTYPE');
      for (const parts of [2, 3, 4]) {
        const starts = await planFor(bytes, parts);
        assert.ok(starts[1]! < doctypeAt, `${name}: cut at ${starts[1]}, DOCTYPE at ${doctypeAt}`);
        await assertSlicedReadsAsWhole(bytes, starts, `${name} in ${parts}`);
        const { slices } = await readSliced(bytes, starts);
        const refusing = slices.findIndex((s) => s.failure !== undefined);
        assert.ok(refusing >= 1 && starts[refusing]! <= doctypeAt);
        const failure = slices[refusing]!.failure;
        assert.ok(failure instanceof InputFormatError);
        assert.equal(failure.offset, doctypeAt);
        assert.match(failure.message, /DOCTYPE/);
        assert.equal(
          slices.filter((s) => s.failure !== undefined).length,
          1,
          'the other slices read on as usual',
        );
      }
    }
  });

  it('a slice cut inside a UTF-16 code unit is a planning bug, refused outright', async () => {
    const bytes = utf16le(events(4).join('\r\n'));
    const outcome = await read(chunksOf(bytes.subarray(101)), {
      slice: { startOffset: 101, fileHead: bytes.subarray(0, HEAD_BYTES), last: true },
    });
    assert.ok(outcome.failure instanceof RangeError);
  });
});

describe('planXmlSlices', () => {
  const readerOf = (bytes: Buffer, log?: Array<[number, number]>) => {
    return async (position: number, length: number): Promise<Buffer> => {
      log?.push([position, length]);
      return bytes.subarray(position, position + length);
    };
  };

  it(
    'cuts only at the start of an event that follows a closed event: never at <Events>, <EventData>, <EventID>',
    { skip: NEEDS_SHARED },
    async () => {
      const text = `<?xml version="1.0"?>\n<Events>${events().join('\n')}</Events>`;
      for (const bytes of [Buffer.from(text), utf16le(text), FLAVOURS[1]!.write(recordings[2]!.text)]) {
        for (let parts = 2; parts <= 24; parts++) {
          const starts = await planFor(bytes, parts);
          assert.equal(starts[0], 0);
          assert.ok(starts.length > 1 && starts.length <= parts);
          for (let i = 1; i < starts.length; i++) {
            const at = starts[i]!;
            assert.ok(at > starts[i - 1]!, 'sorted, no repeats');
            const unit = unitOf(bytes);
            assert.match(textOf(bytes, at, at + 7 * unit), /^<Event[\s>]/, `${parts} parts: cut at ${at}`);
            assert.match(textOf(bytes, at - 40 * unit, at), /<\/Event>\s*$/, `${parts} parts: cut at ${at}`);
          }
        }
      }
    },
  );

  it('cuts near size * k / parts, reading only a window around each', async () => {
    const bytes = Buffer.from(events(4000).join('\r\n'));
    const log: Array<[number, number]> = [];
    const starts = await planXmlSlices(
      readerOf(bytes, log),
      bytes.length,
      bytes.subarray(0, HEAD_BYTES),
      4,
      1024,
    );
    assert.equal(starts.length, 4);
    const eventBytes = events(1)[0]!.length + 2;
    for (let k = 1; k < 4; k++) {
      const target = Math.floor((bytes.length * k) / 4);
      assert.ok(starts[k]! >= target && starts[k]! - target <= eventBytes, `cut ${starts[k]} for ${target}`);
    }
    // One window of 1 MiB (and a little look-back and look-ahead) per cut.
    const read = log.reduce((sum, [, length]) => sum + length, 0);
    assert.ok(
      log.length === 3 && read <= 3 * (1024 * 1024 + 4096 + 16),
      `read ${read} bytes in ${log.length} calls`,
    );
  });

  it('keeps UTF-16 code units whole: a <Event tag seen across two characters is no cut', async () => {
    // U+3C41 U+4500 U+7600 …: read one byte off, these spell `<Event ` in UTF-16LE.
    const decoy = '\u3c41\u4500\u7600\u6500\u6e00\u7400\u2000\u4100';
    const list = events(8).map((e) => e.replace('10.0.0.1', `10.0.0.1${decoy.repeat(3)}`));
    for (const bom of [true, false]) {
      const bytes = utf16le(list.join('\r\n'), bom);
      let misaligned = 0;
      for (let at = bytes.indexOf(Buffer.from('<\0E\0v\0e\0n\0t\0 \0', 'latin1')); at >= 0;) {
        if (at % 2 === 1) misaligned++;
        at = bytes.indexOf(Buffer.from('<\0E\0v\0e\0n\0t\0 \0', 'latin1'), at + 1);
      }
      assert.ok(misaligned >= 8, 'the decoys are there');
      for (let parts = 2; parts <= 16; parts++) {
        const starts = await planFor(bytes, parts);
        assert.ok(starts.length > 1);
        for (const at of starts.slice(1)) {
          assert.equal(at % 2, 0, `cut at ${at}`);
          assert.match(textOf(bytes, at, at + 14), /^<Event[\s>]/);
        }
        await assertSlicedReadsAsWhole(bytes, starts, `${parts} parts, BOM ${bom}`);
      }
    }
  });

  it(
    'evtx_dump output is cut at the "Record N" line, with its declaration and event',
    { skip: NEEDS_SHARED },
    async () => {
      const rust = FLAVOURS.find((f) => f.variant === 'rust-evtx-dump')!;
      const bytes = rust.write(recordings.find((r) => r.entry.id === 'R12')!.text);
      for (let parts = 2; parts <= 12; parts++) {
        const starts = await planFor(bytes, parts);
        assert.equal(starts.length, parts);
        for (const at of starts.slice(1)) {
          assert.match(
            bytes.subarray(at, at + 60).toString('latin1'),
            /^Record \d+\n<\?xml [^>]*\?>\n<Event /,
          );
          assert.match(bytes.subarray(at - 12, at).toString('latin1'), /<\/Event>\n$/);
        }
      }
    },
  );

  it('never cuts before an event whose predecessor is unclosed, or inside CDATA', async () => {
    const list = events(12);
    list[5] = list[5]!.slice(0, 400);
    list[8] = list[8]!.replace('10.0.0.1', '<![CDATA[<Event >]]>');
    const bytes = Buffer.from(list.join('\n'));
    const unsafe = [bytes.indexOf(list[6]!), bytes.indexOf('<Event >]]>')];
    for (let parts = 2; parts <= 30; parts++) {
      const starts = await planFor(bytes, parts);
      assert.ok(starts.length > 1);
      for (const at of unsafe) assert.ok(!starts.includes(at), `${parts} parts: cut at ${at}`);
      await assertSlicedReadsAsWhole(bytes, starts, `${parts} parts`);
    }
  });

  it('does not cut small files, files with a DOCTYPE in their head, JSON, or a single huge event', async () => {
    const plain = Buffer.from(events(100).join('\n'));
    const min = 32 * 1024 * 1024;
    assert.deepEqual(await planFor(plain, 4, plain.length / 2 + 1), [0]);
    assert.deepEqual(await planFor(plain, 1), [0]);
    assert.deepEqual(await planFor(plain, 0), [0]);
    // The default minimum keeps small files whole.
    assert.ok(plain.length < 2 * min);
    assert.deepEqual(
      await planXmlSlices(readerOf(plain), plain.length, plain.subarray(0, HEAD_BYTES), 2),
      [0],
    );
    // Room for only two slices of the minimum size: two, however many are asked for.
    assert.equal((await planFor(plain, 8, Math.floor(plain.length / 2))).length, 2);

    const doctype = Buffer.from(`<?xml version="1.0"?>\n<!DOCTYPE x>\n${events(100).join('\n')}`);
    assert.deepEqual(await planFor(doctype, 4), [0]);
    const json = Buffer.from(`[${Array.from({ length: 500 }, () => '{"a":1}').join(',')}]`);
    assert.deepEqual(await planFor(json, 4), [0]);
    const huge = Buffer.from(events(1)[0]!.replace('10.0.0.1', 'x'.repeat(100_000)));
    assert.deepEqual(await planFor(huge, 4), [0]);
  });
});
