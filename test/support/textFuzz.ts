// Mutational fuzzing of the text readers: Windows event XML (readers/windowsXml) and Entra ID JSON
// (readers/entra). A real or fixture file is re-encoded now and then (UTF-16 either way round, with or
// without its mark) and then damaged: bytes flipped, cut short, bytes inserted or deleted, a span
// duplicated (once or many times over), a huge run of one character (longer than the reader's largest
// record), markup or brackets nested far deeper than any parser's stack. Every mutant must end in rows
// and located errors, or in a refusal of the whole file (InputFormatError, with its byte offset): never
// another exception, never a hang, never memory out of proportion to the input. `npm test` runs a bounded
// number of seeded mutants (test/unit/readers/textFuzz.test.ts); `npm run fuzz:text` runs longer.
import type { ReadError } from '../../electron/engine/rowContract.js';
import { readEntraJson } from '../../electron/engine/readers/entra/index.js';
import { planXmlSlices, readWindowsXml } from '../../electron/engine/readers/windowsXml/index.js';
import { InputFormatError, type ReaderOptions } from '../../electron/engine/readers/types.js';
import type { SeededRandom } from '../../tools/synth/random.js';

export type TextFormat = 'xml' | 'json';

export interface TextFuzzOutcome {
  mutation: string;
  rows: number;
  errors: number;
  refused: boolean;
  ms: number;
}

/**
 * The largest record the fuzzed readers accept: small, so that a "huge" run is huge for the reader
 * without every mutant costing the default 16 MiB of memory.
 */
export const FUZZ_MAX_RECORD_BYTES = 256 * 1024;

/** Fragments that mean something to an XML or a JSON parser, dropped in at random places. */
const XML_TOKENS = [
  '<',
  '>',
  '</Event>',
  '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<?xml version="1.0" encoding="UTF-16"?>',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&undefined;',
  '"',
  "'",
  '=',
  '<Data Name="TargetUserName">',
  '</Data>',
  '<System>',
  '<TimeCreated SystemTime="9999-99-99T99:99:99.9999999Z"/>',
  '<EventID>4294967296</EventID>',
  '<EventRecordID>-1</EventRecordID>',
  'Record 18446744073709551616\n',
];
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\\u',
  '\\uD800',
  '\\uDFFF"',
  'null',
  'true',
  '-',
  '1e999999',
  '-0.0000000000000000000000001e-400',
  '"value":',
  '"records":',
  '"createdDateTime":"9999-99-99T99:99:99Z"',
  '"TimeGenerated":"2026-02-30T25:61:61Z"',
  '"properties":{',
  '"category":"SignInLogs",',
  '\n',
  '\u2028',
];
/** Bytes that are not valid text: a lone continuation byte, an overlong form, a surrogate in UTF-8, NUL. */
const BAD_BYTES = [
  [0x80],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x00],
  [0xef, 0xbb, 0xbf],
];

/** The text re-encoded: UTF-16 little- or big-endian, with or without a byte-order mark. */
function reencode(file: Buffer, rng: SeededRandom): { bytes: Buffer; how: string } {
  const text = file.toString('utf8').replace(/^\uFEFF/, '');
  const bom = rng.chance(0.7);
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (rng.chance(0.5)) return { bytes: le, how: `utf-16le${bom ? ' with BOM' : ''}` };
  return { bytes: le.swap16(), how: `utf-16be${bom ? ' with BOM' : ''}` };
}

function encodeLike(text: string, encoding: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (encoding.startsWith('utf-16le')) return le;
  if (encoding.startsWith('utf-16be')) return le.swap16();
  return Buffer.from(text, 'utf8');
}

function splice(bytes: Buffer, at: number, remove: number, insert: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at + remove)]);
}

/** One mutant of `file` (a UTF-8 XML or JSON file), and what was done to it. */
export function mutateText(
  file: Buffer,
  format: TextFormat,
  rng: SeededRandom,
): { bytes: Buffer; mutation: string } {
  let bytes: Buffer = Buffer.from(file);
  let encoding = 'utf-8';
  if (rng.chance(0.2)) {
    const r = reencode(file, rng);
    bytes = r.bytes;
    encoding = r.how;
  }
  const at = (): number => rng.int(0, Math.max(0, bytes.length - 1));
  const tokens = format === 'xml' ? XML_TOKENS : JSON_TOKENS;
  const done = (mutation: string): { bytes: Buffer; mutation: string } => ({
    bytes,
    mutation: `${encoding}, ${mutation}`,
  });
  switch (rng.int(0, 8)) {
    case 0: {
      const n = rng.int(1, 32);
      for (let i = 0; i < n && bytes.length > 0; i++) bytes[at()] = rng.int(0, 255);
      return done(`${n} bytes flipped`);
    }
    case 1: {
      // Cut anywhere, most often near the end (a copy that stopped) or inside the first record.
      const cut = rng.pick([at(), bytes.length - rng.int(1, 64), rng.int(0, 4200)]);
      const end = Math.max(0, Math.min(bytes.length, cut));
      bytes = bytes.subarray(0, end);
      return done(`cut at ${end}`);
    }
    case 2: {
      const n = rng.int(1, 8);
      const what: string[] = [];
      for (let i = 0; i < n; i++) {
        const p = at();
        if (rng.chance(0.5)) {
          const token = rng.pick(tokens);
          bytes = splice(bytes, p, 0, encodeLike(token, encoding));
          what.push(`${JSON.stringify(token)}@${p}`);
        } else {
          const bad = rng.pick(BAD_BYTES);
          bytes = splice(bytes, p, 0, Buffer.from(bad));
          what.push(`bytes ${bad.join(' ')}@${p}`);
        }
      }
      return done(`inserted ${what.join(', ')}`);
    }
    case 3: {
      const p = at();
      const n = rng.pick([1, 2, 3, rng.int(1, 200), rng.int(1, 20000)]);
      bytes = splice(bytes, p, Math.min(n, bytes.length - p), Buffer.alloc(0));
      return done(`${n} bytes deleted at ${p}`);
    }
    case 4: {
      // A span copied elsewhere: a record twice, half a record inside another.
      const start = at();
      const span = bytes.subarray(start, Math.min(bytes.length, start + rng.int(1, 8192)));
      const p = at();
      bytes = splice(bytes, p, 0, Buffer.from(span));
      return done(`[${start}, ${start + span.length}) copied to ${p}`);
    }
    case 5: {
      // A span repeated many times over: a file far bigger than its seed, made of the same records.
      const start = at();
      const span = Buffer.from(bytes.subarray(start, Math.min(bytes.length, start + rng.int(1, 2048))));
      const times = rng.int(50, 2000);
      const p = at();
      bytes = splice(bytes, p, 0, Buffer.concat(new Array<Buffer>(times).fill(span)));
      return done(`[${start}, ${start + span.length}) repeated ${times} times at ${p}`);
    }
    case 6: {
      // One value longer than the largest record: a huge attribute, text or string.
      const n = FUZZ_MAX_RECORD_BYTES + rng.int(1, 3 * FUZZ_MAX_RECORD_BYTES);
      const char = rng.pick(format === 'xml' ? ['A', ' ', '&amp;', '"'] : ['A', ' ', '9', '\\\\']);
      const p = at();
      bytes = splice(bytes, p, 0, encodeLike(char.repeat(Math.ceil(n / char.length)), encoding));
      return done(`${n} bytes of ${JSON.stringify(char)} at ${p}`);
    }
    case 7: {
      // Nesting far past any parser's stack.
      // 30,000 `<Event>`s fit inside the largest record: a slice the reader must work through, not skip.
      const depth = rng.pick([65, 1000, 30_000, 100_000]);
      const open =
        format === 'xml'
          ? rng.pick(['<a>', '<Data>', '<Event>'])
          : rng.pick(['[', '{"a":', '{"properties":']);
      const close = format === 'xml' ? open.replace('<', '</') : open === '[' ? ']' : '}';
      const closeToo = rng.chance(0.5);
      const p = at();
      const nested = open.repeat(depth) + (closeToo ? close.repeat(depth) : '');
      bytes = splice(bytes, p, 0, encodeLike(nested, encoding));
      return done(`${open} nested ${depth} deep${closeToo ? ' and closed' : ''} at ${p}`);
    }
    default: {
      // A numeric value replaced by an absurd one (record ids, event ids, times, lengths).
      const text = bytes.toString('latin1');
      const digits = [...text.matchAll(/\d{2,}/g)].map((m) => m.index);
      if (digits.length === 0) return done('no number to change');
      const p = rng.pick(digits);
      const value = rng.pick(['99999999999999999999999999', '-1', '0', '1e308', 'NaN', '4294967296']);
      bytes = splice(bytes, p, 2, Buffer.from(value, 'latin1'));
      return done(`number at ${p} became ${value}`);
    }
  }
}

/** The bytes in pieces of random sizes, as a file reader would hand them over. */
async function* pieces(bytes: Buffer, rng: SeededRandom): AsyncGenerator<Buffer> {
  for (let p = 0; p < bytes.length;) {
    const n = rng.pick([1, 3, 7, 512, 4096, 65536, 1 << 20, rng.int(1, 200000)]);
    yield bytes.subarray(p, p + n);
    p += n;
  }
}

/** Checks what one read handed back; throws when the reader broke its contract. */
function check(
  mutation: string,
  length: number,
  rows: number,
  errors: ReadError[],
  minRecordBytes: number,
): void {
  if (rows > length / minRecordBytes + 1) throw new Error(`${mutation}: ${rows} rows from ${length} bytes`);
  for (const e of errors) {
    const placed =
      (typeof e.offset === 'number' && e.offset >= 0 && e.offset <= length) ||
      (typeof e.record === 'number' && e.record >= 1);
    if (!placed) throw new Error(`${mutation}: an error without a place in the file: ${JSON.stringify(e)}`);
    if (typeof e.message !== 'string' || e.message.length === 0)
      throw new Error(`${mutation}: an error without a message`);
  }
}

async function readOnce(
  format: TextFormat,
  source: AsyncIterable<Buffer>,
  options: ReaderOptions,
  mutation: string,
  length: number,
): Promise<{ rows: number; errors: ReadError[]; refused: boolean }> {
  let rows = 0;
  const errors: ReadError[] = [];
  let refused = false;
  const read = format === 'xml' ? readWindowsXml : readEntraJson;
  try {
    await read(source, { row: () => void rows++, error: (e) => void errors.push(e) }, options);
  } catch (e) {
    if (!(e instanceof InputFormatError))
      throw new Error(`${mutation}: the reader threw ${(e as Error).stack}`);
    if (typeof e.offset !== 'number' || e.offset < 0 || e.offset > length)
      throw new Error(`${mutation}: a refusal without a place in the file: ${e.message}`);
    refused = true;
  }
  return { rows, errors, refused };
}

/**
 * Reads one mutant; throws when the reader breaks its contract. An XML mutant is now and then also
 * read as slices (as a big file is imported), each of which must keep the same contract.
 */
export async function readTextMutant(
  bytes: Buffer,
  format: TextFormat,
  mutation: string,
  rng: SeededRandom,
): Promise<TextFuzzOutcome> {
  const started = performance.now();
  const options: ReaderOptions = { maxRecordBytes: FUZZ_MAX_RECORD_BYTES };
  // The smallest record: `<Event/>` in XML (8 bytes), `{}` in JSON.
  const minRecord = format === 'xml' ? 8 : 2;
  const whole = await readOnce(format, pieces(bytes, rng), options, mutation, bytes.length);
  check(mutation, bytes.length, whole.rows, whole.errors, minRecord);
  if (format === 'xml' && rng.chance(0.25)) {
    const head = bytes.subarray(0, 64 * 1024);
    const readAt = async (position: number, length: number): Promise<Buffer> =>
      Buffer.from(bytes.subarray(position, position + length));
    const cuts = await planXmlSlices(readAt, bytes.length, head, 4, 1024);
    for (let i = 0; i < cuts.length; i++) {
      const end = cuts[i + 1] ?? bytes.length;
      const slice = bytes.subarray(cuts[i], end);
      const sliced = await readOnce(
        format,
        pieces(slice, rng),
        { ...options, slice: { startOffset: cuts[i]!, fileHead: head, last: i === cuts.length - 1 } },
        `${mutation} (slice ${i} of ${cuts.length})`,
        bytes.length,
      );
      check(mutation, bytes.length, sliced.rows, sliced.errors, minRecord);
    }
  }
  return {
    mutation,
    rows: whole.rows,
    errors: whole.errors.length,
    refused: whole.refused,
    ms: performance.now() - started,
  };
}
