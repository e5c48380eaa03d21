// The numbers of the EVTX container and of Binary XML (MS-EVEN6 §2.2.12, libyal's EVTX notes): token
// bytes, value types and the fixed sizes of the file and its chunks. Kept in one place so the encoders
// read as the format description does.

export const FILE_HEADER_BLOCK = 4096;
export const FILE_HEADER_SIZE = 128;
export const CHUNK_SIZE = 65536;
export const CHUNK_HEADER_SIZE = 128;
/** Records start after the header and the two hash tables (64 string and 32 template offsets). */
export const CHUNK_RECORDS_START = 512;
export const CHUNK_STRING_TABLE = 128;
export const CHUNK_TEMPLATE_TABLE = 384;
export const STRING_BUCKETS = 64;
export const TEMPLATE_BUCKETS = 32;
export const RECORD_SIGNATURE = 0x00002a2a;
/** Windows pads every record to a multiple of 8 bytes; readers do not need it, but real files have it. */
export const RECORD_ALIGNMENT = 8;

export const TOKEN = {
  endOfStream: 0x00,
  openStartElement: 0x01,
  closeStartElement: 0x02,
  closeEmptyElement: 0x03,
  endElement: 0x04,
  value: 0x05,
  attribute: 0x06,
  templateInstance: 0x0c,
  normalSubstitution: 0x0d,
  optionalSubstitution: 0x0e,
  fragmentHeader: 0x0f,
  /** Or-ed into 0x01 (the element has attributes) and 0x06 (another attribute follows). */
  hasMore: 0x40,
} as const;

/** Fragment header: token, major version 1, minor version 1, flags 0. */
export const FRAGMENT_HEADER = [TOKEN.fragmentHeader, 0x01, 0x01, 0x00] as const;

/** Substitution value types (the subset a WinEvent needs). */
export const VALUE_TYPE = {
  null: 0x00,
  string: 0x01,
  uint8: 0x04,
  uint16: 0x06,
  uint32: 0x08,
  uint64: 0x0a,
  binary: 0x0e,
  guid: 0x0f,
  fileTime: 0x11,
  sid: 0x13,
  hexInt32: 0x14,
  hexInt64: 0x15,
} as const;

export type ValueType = (typeof VALUE_TYPE)[keyof typeof VALUE_TYPE];

/** The name hash stored beside each name: h = h * 65599 + code unit over UTF-16, low 16 bits kept. */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}
