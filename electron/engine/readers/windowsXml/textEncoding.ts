// Byte-level view of the three encodings a Windows event export comes in. Event boundaries are found on
// the encoded bytes so that a multi-gigabyte file is never decoded as a whole; only one event at a time
// becomes a string.
import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from '../sniff.js';

export interface EncodingInfo {
  encoding: TextEncoding;
  /** Bytes per code unit: markup characters are ASCII, so every needle is one unit per character. */
  unit: 1 | 2;
  /** Bytes of byte-order mark at the start of the file; UTF-16 code units are aligned from here. */
  bomLength: number;
}

/** Encodes ASCII markup (`</Event`, `<!`) the way it appears in the file. */
export function encodeAscii(text: string, info: EncodingInfo): Buffer {
  if (info.encoding === 'utf8') return Buffer.from(text, 'latin1');
  const out = Buffer.from(text, 'utf16le');
  return info.encoding === 'utf16be' ? out.swap16() : out;
}

/** True when a match at this absolute file offset starts on a code-unit boundary. */
export function isAligned(offset: number, info: EncodingInfo): boolean {
  return info.unit === 1 || (offset - info.bomLength) % 2 === 0;
}

/** The ASCII character at a byte position, or -1 when the unit there is not ASCII. */
export function asciiAt(bytes: Uint8Array, at: number, info: EncodingInfo): number {
  if (info.encoding === 'utf8') return at < bytes.length ? bytes[at]! : -1;
  if (at + 1 >= bytes.length) return -1;
  const little = info.encoding === 'utf16le';
  const lo = bytes[little ? at : at + 1]!;
  const hi = bytes[little ? at + 1 : at]!;
  return hi === 0 && lo < 0x80 ? lo : -1;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; badByte: number };

/**
 * Decodes the bytes of one event. UTF-8 is validated first because Buffer#toString would quietly turn a
 * bad byte into U+FFFD and the corrupted value would reach the case unnoticed.
 */
export function decodeBytes(bytes: Buffer, info: EncodingInfo): DecodeResult {
  switch (info.encoding) {
    case 'utf8':
      if (!isUtf8(bytes)) return { ok: false, badByte: firstInvalidUtf8(bytes) };
      return { ok: true, text: bytes.toString('utf8') };
    case 'utf16le':
      if (bytes.length % 2 !== 0) return { ok: false, badByte: bytes.length - 1 };
      return { ok: true, text: bytes.toString('utf16le') };
    case 'utf16be': {
      if (bytes.length % 2 !== 0) return { ok: false, badByte: bytes.length - 1 };
      // swap16 works in place: copy first so the caller's window is left as it was.
      return { ok: true, text: Buffer.from(bytes).swap16().toString('utf16le') };
    }
  }
}

/** Position of the first byte that breaks UTF-8 (only called once a slice is known to be bad). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Decodes a stretch of markup between events, where bad bytes are only ever reported, not imported. */
export function decodeLoosely(bytes: Buffer, info: EncodingInfo): string {
  if (info.encoding === 'utf8') return bytes.toString('utf8');
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  return (info.encoding === 'utf16be' ? Buffer.from(even).swap16() : even).toString('utf16le');
}

/** Byte length of a decoded prefix, to turn a position in decoded text back into a file offset. */
export function encodedLength(text: string, info: EncodingInfo): number {
  return info.encoding === 'utf8' ? Buffer.byteLength(text, 'utf8') : text.length * 2;
}
