// Substitution values: how each WinEvent value becomes a typed BinXML value, and its bytes. Windows keeps
// numbers, GUIDs, SIDs and times binary in the record and only a reader turns them into text.
import { VALUE_TYPE } from './binXmlTokens.js';
import type { ByteWriter } from './byteWriter.js';

export type EvtxValue =
  | { type: typeof VALUE_TYPE.null }
  | { type: typeof VALUE_TYPE.string; text: string }
  | { type: typeof VALUE_TYPE.uint8 | typeof VALUE_TYPE.uint16 | typeof VALUE_TYPE.uint32; n: number }
  | { type: typeof VALUE_TYPE.hexInt32; n: number }
  | { type: typeof VALUE_TYPE.uint64 | typeof VALUE_TYPE.hexInt64 | typeof VALUE_TYPE.fileTime; n: bigint }
  | { type: typeof VALUE_TYPE.guid | typeof VALUE_TYPE.sid | typeof VALUE_TYPE.binary; bytes: Buffer };

export const NULL_VALUE: EvtxValue = { type: VALUE_TYPE.null };

/** A value's size field is 16 bits: longer strings cannot be one substitution. */
const MAX_VALUE_BYTES = 0xffff;

/** An empty string stays a zero-length string, as in Windows' own logs (libevtx rejects NULL there). */
export function stringValue(text: string): EvtxValue {
  return { type: VALUE_TYPE.string, text };
}

/** 100-ns intervals between 1601-01-01 and 1970-01-01, in microseconds. */
const FILETIME_EPOCH_MICROS = 11_644_473_600_000_000n;

/**
 * FILETIME of a time in microseconds. The seventh fraction digit is the one timeFormat.ts prints
 * (`(us * 7) % 10`, evaluated in doubles exactly as there), so a reader that renders the FILETIME with
 * 7 digits writes the same SystemTime as the wevtutil export of the same event.
 */
export function fileTimeOf(us: number): bigint {
  const whole = Math.floor(us);
  const tick = (whole * 7) % 10;
  return (BigInt(whole) + FILETIME_EPOCH_MICROS) * 10n + BigInt(tick);
}

const GUID_TEXT = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i;

/** GUID text to its 16 stored bytes (first three groups little-endian), or undefined if it is not one. */
export function parseGuid(text: string): Buffer | undefined {
  const m = GUID_TEXT.exec(text);
  if (!m) return undefined;
  const out = Buffer.alloc(16);
  out.writeUInt32LE(parseInt(m[1]!, 16), 0);
  out.writeUInt16LE(parseInt(m[2]!, 16), 4);
  out.writeUInt16LE(parseInt(m[3]!, 16), 6);
  Buffer.from(m[4]! + m[5]!, 'hex').copy(out, 8);
  return out;
}

const SID_TEXT = /^S-1-(\d{1,15})((?:-\d{1,10}){0,15})$/;

/** "S-1-5-21-…" to the binary SID (revision, count, 48-bit big-endian authority, LE sub-authorities). */
export function parseSid(text: string): Buffer | undefined {
  const m = SID_TEXT.exec(text);
  if (!m) return undefined;
  const authority = Number(m[1]);
  const subs = m[2] ? m[2].slice(1).split('-').map(Number) : [];
  if (authority > 2 ** 48 - 1 || subs.some((s) => s > 0xffffffff)) return undefined;
  const out = Buffer.alloc(8 + 4 * subs.length);
  out.writeUInt8(1, 0);
  out.writeUInt8(subs.length, 1);
  out.writeUIntBE(authority, 2, 6);
  subs.forEach((s, i) => out.writeUInt32LE(s, 8 + 4 * i));
  return out;
}

export function guidValue(text: string | undefined): EvtxValue {
  if (text === undefined || text === '') return NULL_VALUE;
  const bytes = parseGuid(text);
  return bytes ? { type: VALUE_TYPE.guid, bytes } : stringValue(text);
}

export function sidValue(text: string | undefined): EvtxValue {
  if (text === undefined || text === '') return NULL_VALUE;
  const bytes = parseSid(text);
  return bytes ? { type: VALUE_TYPE.sid, bytes } : stringValue(text);
}

/** Writes the value's bytes and returns how many there were (the size in its descriptor). */
export function writeValue(w: ByteWriter, v: EvtxValue): number {
  const start = w.pos;
  switch (v.type) {
    case VALUE_TYPE.null:
      break;
    case VALUE_TYPE.string:
      w.utf16(v.text);
      break;
    case VALUE_TYPE.uint8:
      w.u8(v.n);
      break;
    case VALUE_TYPE.uint16:
      w.u16(v.n);
      break;
    case VALUE_TYPE.uint32:
    case VALUE_TYPE.hexInt32:
      w.u32(v.n);
      break;
    case VALUE_TYPE.uint64:
    case VALUE_TYPE.hexInt64:
    case VALUE_TYPE.fileTime:
      w.u64(v.n);
      break;
    case VALUE_TYPE.guid:
    case VALUE_TYPE.sid:
    case VALUE_TYPE.binary:
      w.raw(v.bytes);
      break;
  }
  const size = w.pos - start;
  if (size > MAX_VALUE_BYTES) throw new RangeError(`an EVTX value holds at most 65535 bytes, got ${size}`);
  return size;
}
