// Chooses a reader by looking at a file's first bytes, never at its name.
import { InputFormatError } from './types.js';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';
export type SniffedKind = 'evtx' | 'xml' | 'json';

export interface Sniffed {
  kind: SniffedKind;
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (0, 2 or 3). */
  bomLength: number;
}

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (extract it first)'],
  [[0x1f, 0x8b], 'a gzip archive (extract it first)'],
  [[0x4d, 0x5a], 'a Windows executable'],
];

/** "ElfFile\0": a binary Windows event log. */
const EVTX_MAGIC = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00];

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/** Bytes of a file's start the sniffer looks at. */
export const SNIFF_BYTES = 4096;

/**
 * A source's first chunks, at least SNIFF_BYTES of them unless it ends sooner (the first chunk can be
 * tiny: a test, a pipe), each copied: the source may read into a chunk's memory again while more are
 * gathered (see Reader).
 */
export async function readHeadChunks(
  chunks: AsyncIterator<Buffer>,
): Promise<{ head: Buffer[]; ended: boolean }> {
  const head: Buffer[] = [];
  let bytes = 0;
  while (bytes < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done === true) return { head, ended: true };
    head.push(Buffer.from(next.value));
    bytes += next.value.length;
  }
  return { head, ended: false };
}

/** Looks at up to the first SNIFF_BYTES of a file. Throws InputFormatError when it is no log we read. */
export function sniffInput(head: Uint8Array): Sniffed {
  if (head.length === 0) throw new InputFormatError('the file is empty', 0);
  if (startsWith(head, EVTX_MAGIC)) return { kind: 'evtx', encoding: 'utf8', bomLength: 0 };
  for (const [bytes, what] of MAGIC) {
    if (startsWith(head, bytes)) throw new InputFormatError(`this is ${what}, not an event log export`, 0);
  }
  let encoding: TextEncoding = 'utf8';
  let bomLength = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) bomLength = 3;
  else if (startsWith(head, [0xff, 0xfe])) [encoding, bomLength] = ['utf16le', 2];
  else if (startsWith(head, [0xfe, 0xff])) [encoding, bomLength] = ['utf16be', 2];
  else if (head.length >= 2 && head[0] !== 0 && head[1] === 0) encoding = 'utf16le';
  else if (head.length >= 2 && head[0] === 0 && head[1] !== 0) encoding = 'utf16be';

  const step = encoding === 'utf8' ? 1 : 2;
  const lo = encoding === 'utf16be' ? 1 : 0;
  for (let i = bomLength; i + step - 1 < head.length; i += step) {
    const c = head[i + lo]!;
    const hi = step === 2 ? head[i + 1 - lo]! : 0;
    if (hi === 0 && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    if (hi !== 0) break;
    if (c === 0x3c) return { kind: 'xml', encoding, bomLength };
    if (c === 0x7b || c === 0x5b) return { kind: 'json', encoding, bomLength };
    // The Rust evtx_dump writes "Record N" before each event.
    if (c === 0x52 && matchesAscii(head, i, step, lo, 'Record ')) return { kind: 'xml', encoding, bomLength };
    break;
  }
  if (head.indexOf(0) >= 0 && encoding === 'utf8') {
    throw new InputFormatError('binary data: this is not an event log export', 0);
  }
  throw new InputFormatError(
    'unrecognised content: expected a Windows .evtx log, Windows event XML or Entra ID JSON',
    0,
  );
}

function matchesAscii(head: Uint8Array, at: number, step: number, lo: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    if (head[at + k * step + lo] !== text.charCodeAt(k)) return false;
  }
  return true;
}
