// The typed values of Binary XML (MS-EVEN6 2.2.2, "Value types"), read from a chunk and rendered as the
// text Windows' own rendering (EvtRender, wevtutil, Event Viewer) gives them, so an .evtx event and the
// same event exported as XML by Windows read the same: decimal integers, `0x…` hex integers in lower
// case without padding, `{…}` GUIDs in upper case, SIDs as `S-1-…`, FILETIMEs to 100 ns with a `Z`,
// binary as upper-case hex. Exporters that write otherwise (python-evtx pads hex, lower-cases GUIDs)
// are brought together by the row mapping (toCanonicalHex, toGuid), not here.
import { EvtxDamage } from './evtxDamage.js';

export const enum ValueType {
  Null = 0x00,
  String = 0x01,
  AnsiString = 0x02,
  Int8 = 0x03,
  UInt8 = 0x04,
  Int16 = 0x05,
  UInt16 = 0x06,
  Int32 = 0x07,
  UInt32 = 0x08,
  Int64 = 0x09,
  UInt64 = 0x0a,
  Real32 = 0x0b,
  Real64 = 0x0c,
  Bool = 0x0d,
  Binary = 0x0e,
  Guid = 0x0f,
  SizeT = 0x10,
  FileTime = 0x11,
  SystemTime = 0x12,
  Sid = 0x13,
  HexInt32 = 0x14,
  HexInt64 = 0x15,
  EvtHandle = 0x20,
  BinXml = 0x21,
  EvtXml = 0x23,
  /** Set on the base type of an array of it. */
  ArrayFlag = 0x80,
}

/** Bytes of one item of a fixed-size type, 0 for the variable-size ones. */
export function fixedSize(type: number): number {
  switch (type) {
    case ValueType.Int8:
    case ValueType.UInt8:
      return 1;
    case ValueType.Int16:
    case ValueType.UInt16:
      return 2;
    case ValueType.Int32:
    case ValueType.UInt32:
    case ValueType.Real32:
    case ValueType.Bool:
    case ValueType.HexInt32:
      return 4;
    case ValueType.Int64:
    case ValueType.UInt64:
    case ValueType.Real64:
    case ValueType.FileTime:
    case ValueType.HexInt64:
      return 8;
    case ValueType.Guid:
    case ValueType.SystemTime:
      return 16;
    default:
      return 0;
  }
}

/** 100 ns intervals between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
const FILETIME_UNIX_EPOCH = 116444736000000000n;

/** A UTF-16LE string, ending at its first NUL: what follows a terminator is not part of the value. */
export function utf16Text(buf: Buffer, start: number, end: number): string {
  // Short values ("-", "0x0", "%%1833") are common; for them a loop beats Buffer's decoder (measured).
  if (end - start <= 12) {
    let text = '';
    for (let i = start; i + 1 < end; i += 2) {
      const c = buf[i]! | (buf[i + 1]! << 8);
      if (c === 0) break;
      text += String.fromCharCode(c);
    }
    return text;
  }
  const even = start + ((end - start) & ~1);
  const text = buf.toString('utf16le', start, even);
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

function hex(value: number | bigint): string {
  return `0x${value.toString(16)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The end of 9999: later times have no four-digit year, and the text readers give them no time. */
const YEAR_10000 = 253402300800n * 10_000_000n;

/**
 * FILETIME as microseconds since 1970, truncated as the text readers truncate its 7th digit: exactly
 * what parseSystemTime makes of fileTimeText, without the text. Null past the year 9999.
 */
export function fileTimeMicros(ticks: bigint): bigint | null {
  const since1970 = ticks - FILETIME_UNIX_EPOCH;
  if (since1970 >= YEAR_10000) return null;
  // Floor division (BigInt division truncates toward zero).
  return since1970 >= 0n ? since1970 / 10n : -((-since1970 + 9n) / 10n);
}

/** FILETIME as Windows renders it: `2021-10-19T14:42:41.2027650Z`. */
export function fileTimeText(ticks: bigint): string {
  const since1970 = ticks - FILETIME_UNIX_EPOCH;
  let seconds = since1970 / 10_000_000n;
  let fraction = since1970 % 10_000_000n;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += 10_000_000n;
  }
  const prefix = secondText(Number(seconds));
  return prefix === '' ? '' : `${prefix}.${fraction.toString().padStart(7, '0')}Z`;
}

// Events come in time order, many on the same day: its text is kept for the next one.
let lastDay = Number.NaN;
let lastDayText = '';
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** `2021-10-19T14:42:41` for seconds since 1970, '' when no date can say it. */
function secondText(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  if (day !== lastDay) {
    const date = new Date(day * 86400_000);
    lastDay = day;
    // toISOString gives ±YYYYYY for years out of four digits: those are kept as they are.
    lastDayText = Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, -14);
  }
  if (lastDayText === '') return '';
  const inDay = seconds - day * 86400;
  const hours = Math.floor(inDay / 3600);
  const minutes = Math.floor((inDay % 3600) / 60);
  return `${lastDayText}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[inDay % 60]}`;
}

function systemTimeText(buf: Buffer, at: number): string {
  const year = buf.readUInt16LE(at);
  const month = buf.readUInt16LE(at + 2);
  const day = buf.readUInt16LE(at + 6);
  const hour = buf.readUInt16LE(at + 8);
  const minute = buf.readUInt16LE(at + 10);
  const second = buf.readUInt16LE(at + 12);
  const millis = buf.readUInt16LE(at + 14);
  return (
    `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:` +
    `${pad(second, 2)}.${pad(millis, 3)}Z`
  );
}

function guidText(buf: Buffer, at: number): string {
  // The first three fields are little-endian, the last two bytes as stored.
  const h = buf.toString('hex', at, at + 16).toUpperCase();
  return (
    `{${h.slice(6, 8)}${h.slice(4, 6)}${h.slice(2, 4)}${h.slice(0, 2)}-${h.slice(10, 12)}${h.slice(8, 10)}-` +
    `${h.slice(14, 16)}${h.slice(12, 14)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`
  );
}

function sidText(buf: Buffer, at: number, end: number): string {
  if (end - at < 8) throw new EvtxDamage(`a SID of ${end - at} bytes is too short`, at);
  const revision = buf[at]!;
  const count = buf[at + 1]!;
  if (at + 8 + count * 4 > end) throw new EvtxDamage(`a SID claims ${count} sub-authorities`, at);
  // The 48-bit authority is big-endian; every real one fits a double.
  const authority = buf.readUIntBE(at + 2, 6);
  let text = `S-${revision}-${authority}`;
  for (let i = 0; i < count; i++) text += `-${buf.readUInt32LE(at + 8 + i * 4)}`;
  return text;
}

/** One item of a fixed-size or SID type at `at`; `end` bounds variable ones. */
function itemText(type: number, buf: Buffer, at: number, end: number): string {
  switch (type) {
    case ValueType.Int8:
      return String(buf.readInt8(at));
    case ValueType.UInt8:
      return String(buf[at]);
    case ValueType.Int16:
      return String(buf.readInt16LE(at));
    case ValueType.UInt16:
      return String(buf.readUInt16LE(at));
    case ValueType.Int32:
      return String(buf.readInt32LE(at));
    case ValueType.UInt32:
      return String(buf.readUInt32LE(at));
    case ValueType.Int64:
      return buf.readBigInt64LE(at).toString();
    case ValueType.UInt64:
      return buf.readBigUInt64LE(at).toString();
    case ValueType.Real32:
      return String(buf.readFloatLE(at));
    case ValueType.Real64:
      return String(buf.readDoubleLE(at));
    case ValueType.Bool:
      return buf.readUInt32LE(at) === 0 ? 'false' : 'true';
    case ValueType.Guid:
      return guidText(buf, at);
    case ValueType.FileTime:
      return fileTimeText(buf.readBigUInt64LE(at));
    case ValueType.SystemTime:
      return systemTimeText(buf, at);
    case ValueType.HexInt32:
      return hex(buf.readUInt32LE(at));
    case ValueType.HexInt64:
      return hex64(buf, at);
    case ValueType.Sid:
      return sidText(buf, at, end);
    default:
      throw new EvtxDamage(`value type 0x${type.toString(16)} is not a fixed-size type`, at);
  }
}

/**
 * The text of a value that is one item (not an array, not Binary XML): the record path's common case,
 * without the array `valueTexts` returns.
 */
export function scalarValueText(type: number, buf: Buffer, at: number, size: number): string {
  const end = at + size;
  if (end > buf.length) throw new EvtxDamage(`a value of ${size} bytes runs past its chunk`, at);
  switch (type) {
    case ValueType.String:
      return utf16Text(buf, at, end);
    case ValueType.UInt8:
      if (size < 1) break;
      return String(buf[at]);
    case ValueType.UInt16:
      if (size < 2) break;
      return String(buf.readUInt16LE(at));
    case ValueType.UInt32:
      if (size < 4) break;
      return String(buf.readUInt32LE(at));
    case ValueType.HexInt32:
      if (size < 4) break;
      return hex(buf.readUInt32LE(at));
    case ValueType.HexInt64:
      if (size < 8) break;
      return hex64(buf, at);
    case ValueType.FileTime:
      if (size < 8) break;
      return fileTimeText(buf.readBigUInt64LE(at));
    case ValueType.Guid:
      if (size < 16) break;
      return guidText(buf, at);
    case ValueType.Sid:
      return sidText(buf, at, end);
    default:
      break;
  }
  return scalarText(type, buf, at, end);
}

/** A 64-bit hex value without BigInt while its high half is zero (most logon ids and keywords are not). */
function hex64(buf: Buffer, at: number): string {
  const high = buf.readUInt32LE(at + 4);
  const low = buf.readUInt32LE(at);
  if (high === 0) return hex(low);
  return `0x${high.toString(16)}${low.toString(16).padStart(8, '0')}`;
}

/**
 * The text of a substitution value of `type` stored in buf[at, at + size). Arrays give one text per
 * item. Nested Binary XML (0x21) is not text: the caller expands it.
 */
export function valueTexts(type: number, buf: Buffer, at: number, size: number): string[] {
  const end = at + size;
  if (end > buf.length) throw new EvtxDamage(`a value of ${size} bytes runs past its chunk`, at);
  if (type & ValueType.ArrayFlag) return arrayTexts(type & ~ValueType.ArrayFlag, buf, at, end);
  return [scalarText(type, buf, at, end)];
}

function scalarText(type: number, buf: Buffer, at: number, end: number): string {
  switch (type) {
    case ValueType.Null:
    case ValueType.EvtHandle:
      return '';
    case ValueType.String:
      return utf16Text(buf, at, end);
    case ValueType.AnsiString:
    case ValueType.EvtXml: {
      const text = buf.toString('latin1', at, end);
      const nul = text.indexOf('\0');
      return nul < 0 ? text : text.slice(0, nul);
    }
    case ValueType.Binary:
      return buf.toString('hex', at, end).toUpperCase();
    case ValueType.SizeT:
      if (end - at === 8) return hex(buf.readBigUInt64LE(at));
      if (end - at === 4) return hex(buf.readUInt32LE(at));
      throw new EvtxDamage(`a size_t of ${end - at} bytes`, at);
    case ValueType.Sid:
      return sidText(buf, at, end);
    default: {
      const size = fixedSize(type);
      if (size === 0) throw new EvtxDamage(`unknown value type 0x${type.toString(16)}`, at);
      // A Bool may be stored in fewer bytes than its 4 (seen in the wild): read what is there.
      if (type === ValueType.Bool && end - at > 0 && end - at < 4) {
        return buf.readUIntLE(at, end - at) === 0 ? 'false' : 'true';
      }
      if (end - at < size) throw new EvtxDamage(`a ${size}-byte value stored in ${end - at} bytes`, at);
      return itemText(type, buf, at, end);
    }
  }
}

function arrayTexts(type: number, buf: Buffer, at: number, end: number): string[] {
  if (type === ValueType.String) {
    const all = buf.toString('utf16le', at, at + ((end - at) & ~1));
    const items = all.split('\0');
    if (items.length > 1 && items[items.length - 1] === '') items.pop();
    return items;
  }
  if (type === ValueType.AnsiString) {
    const items = buf.toString('latin1', at, end).split('\0');
    if (items.length > 1 && items[items.length - 1] === '') items.pop();
    return items;
  }
  if (type === ValueType.Sid) {
    const items: string[] = [];
    for (let p = at; p + 8 <= end;) {
      const text = sidText(buf, p, end);
      items.push(text);
      p += 8 + buf[p + 1]! * 4;
    }
    return items;
  }
  const size = fixedSize(type);
  if (size === 0) throw new EvtxDamage(`an array of unknown value type 0x${type.toString(16)}`, at);
  const items: string[] = [];
  for (let p = at; p + size <= end; p += size) items.push(itemText(type, buf, p, end));
  return items;
}
