// Turns the file's bytes into "code units" the record scanner can walk without decoding text first.
// UTF-8 stays as bytes; UTF-16 becomes 16-bit units. JSON's structural characters are ASCII, and in both
// encodings an ASCII character is one unit that no other character's units can be mistaken for, so the
// scanner finds record boundaries the same way in either, and byte offsets stay exact.
import { isUtf8 } from 'node:buffer';
import { readHeadChunks, SNIFF_BYTES, sniffInput, type TextEncoding } from '../sniff.js';
import { InputFormatError } from '../types.js';

export type CodeUnits = Buffer | Uint16Array;

export interface UnitSource {
  encoding: TextEncoding;
  /** File offset of the first unit (the byte-order mark is skipped). */
  origin: number;
  /** Bytes per unit: 1 for UTF-8, 2 for UTF-16. */
  unitBytes: number;
  units: AsyncGenerator<CodeUnits>;
}

/** Reads enough of the file to sniff it, then hands back the rest as code units. */
export async function openUnitSource(source: AsyncIterable<Buffer>): Promise<UnitSource> {
  const it = source[Symbol.asyncIterator]();
  const { head, ended } = await readHeadChunks(it);
  let done = ended;
  const first = Buffer.concat(head);
  let sniffed;
  try {
    sniffed = sniffInput(first.subarray(0, SNIFF_BYTES));
  } catch (e) {
    await it.return?.();
    throw e;
  }
  if (sniffed.kind !== 'json') {
    await it.return?.();
    throw new InputFormatError('this file holds XML, not an Entra ID JSON export', 0);
  }
  const { encoding, bomLength } = sniffed;
  const unitBytes = encoding === 'utf8' ? 1 : 2;

  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      if (first.length > bomLength) yield first.subarray(bomLength);
      while (!done) {
        const next = await it.next();
        if (next.done) done = true;
        else if (next.value.length) yield next.value;
      }
    } finally {
      // Stopping early (cancel, fatal error) must still release the caller's file handle.
      if (!done) await it.return?.();
    }
  }
  const units = encoding === 'utf8' ? bytes() : utf16Units(bytes(), encoding === 'utf16be');
  return { encoding, origin: bomLength, unitBytes, units };
}

async function* utf16Units(chunks: AsyncIterable<Buffer>, bigEndian: boolean): AsyncGenerator<Uint16Array> {
  // A chunk may end between the two bytes of a unit; that byte waits for the next chunk.
  let carry: number | null = null;
  for await (const chunk of chunks) {
    const lead = carry === null ? 0 : 1;
    const total = lead + chunk.length;
    const count = total >> 1;
    if (count === 0) {
      carry = chunk.length ? chunk[0]! : carry;
      continue;
    }
    // Always copied: the chunk's own memory may be oddly aligned for a Uint16Array view.
    const bytes = Buffer.allocUnsafe(count * 2);
    if (carry !== null) bytes[0] = carry;
    chunk.copy(bytes, lead, 0, count * 2 - lead);
    carry = total & 1 ? chunk[chunk.length - 1]! : null;
    if (bigEndian) bytes.swap16();
    // Buffer.allocUnsafe may hand out a slice of a shared pool at an odd offset; Uint16Array needs even.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : Buffer.from(bytes);
    yield new Uint16Array(aligned.buffer, aligned.byteOffset, count);
  }
}

/** Decodes one record's units to text, or null when the bytes are not valid in the file's encoding. */
export function decodeUnits(units: CodeUnits): string | null {
  if (units instanceof Uint16Array) {
    // Little-endian hosts only (x86, ARM): the units were put in host order above.
    const text = Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
    return isWellFormedText(text) ? text : null;
  }
  return isUtf8(units) ? units.toString('utf8') : null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Copies units out of a chunk so they survive the source reusing or dropping the chunk's memory. */
export function copyUnits(units: CodeUnits): CodeUnits {
  return units instanceof Uint16Array ? units.slice() : Buffer.from(units);
}

export function concatUnits(parts: CodeUnits[], total: number): CodeUnits {
  if (parts[0] instanceof Uint16Array) {
    const out = new Uint16Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  return Buffer.concat(parts as Buffer[], total);
}
