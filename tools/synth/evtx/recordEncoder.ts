// One event record: header, BinXML (fragment header, template instance with the template's definition
// inline the first time the chunk uses it, the substitution values, end of stream), padding to 8 bytes
// and the trailing copy of the size.
import { FRAGMENT_HEADER, RECORD_ALIGNMENT, RECORD_SIGNATURE, TOKEN } from './binXmlTokens.js';
import type { ByteWriter } from './byteWriter.js';
import type { ChunkIndex } from './chunkIndex.js';
import type { PreparedEvent } from './eventShape.js';
import { writeValue } from './evtxValues.js';
import { writeTemplateFragment } from './templateFragment.js';

export interface ChunkTables {
  names: ChunkIndex;
  templates: ChunkIndex;
}

function writeTemplateInstance(w: ByteWriter, ev: PreparedEvent, tables: ChunkTables): void {
  const { shape } = ev;
  w.u8(TOKEN.templateInstance);
  w.u8(0x01);
  w.u32(shape.templateId);
  const defined = tables.templates.find(shape.key);
  if (defined !== undefined) {
    w.u32(defined);
    return;
  }
  // The definition follows at once: its offset is the position right after this field.
  const at = w.chunkOffset + 4;
  w.u32(at);
  w.u32(tables.templates.add(shape.key, shape.templateId, at));
  w.raw(shape.templateGuid);
  const sizeAt = w.pos;
  w.u32(0);
  writeTemplateFragment(w, shape.root, tables.names);
  w.patchU32(sizeAt, w.pos - sizeAt - 4);
}

function writeInstanceData(w: ByteWriter, ev: PreparedEvent): void {
  const { values } = ev;
  w.u32(values.length);
  const descriptorsAt = w.pos;
  w.zeros(4 * values.length);
  values.forEach((v, i) => {
    const size = writeValue(w, v);
    w.patchU16(descriptorsAt + 4 * i, size);
    w.patchU8(descriptorsAt + 4 * i + 2, v.type);
  });
}

/** Encodes the record at w.base; names and templates it introduces are added to the chunk's tables. */
export function encodeRecord(w: ByteWriter, recordId: number, ev: PreparedEvent, tables: ChunkTables): void {
  w.u32(RECORD_SIGNATURE);
  const sizeAt = w.pos;
  w.u32(0);
  w.u64(BigInt(recordId));
  w.u64(ev.fileTime);
  w.raw(FRAGMENT_HEADER);
  writeTemplateInstance(w, ev, tables);
  writeInstanceData(w, ev);
  w.u8(TOKEN.endOfStream);
  const unpadded = w.pos + 4;
  w.zeros((RECORD_ALIGNMENT - (unpadded % RECORD_ALIGNMENT)) % RECORD_ALIGNMENT);
  const size = w.pos + 4;
  w.u32(size);
  w.patchU32(sizeAt, size);
}
