// The XML of one imported .evtx event, rendered from its evidence file when the raw-event viewer asks:
// the chunk that holds the record is read (read-only) and the record rendered as the import would have.
// The record's EventRecordID must be the one imported, or the file is not the file that was imported.
import { open } from 'node:fs/promises';
import { DEFAULT_MAX_RECORD_BYTES } from '../types.js';
import { EvtxDamage } from './evtxDamage.js';
import { CHUNK_BYTES, FILE_HEADER_BYTES } from './evtxLayout.js';
import { renderRecordXml } from './recordRows.js';

export async function readEvtxRecordXml(
  path: string,
  recordOffset: number,
  recordId: bigint | null,
): Promise<string> {
  if (!Number.isSafeInteger(recordOffset) || recordOffset < FILE_HEADER_BYTES)
    throw new EvtxDamage(`byte ${recordOffset} cannot hold an event record`);
  const chunkStart =
    FILE_HEADER_BYTES + Math.floor((recordOffset - FILE_HEADER_BYTES) / CHUNK_BYTES) * CHUNK_BYTES;
  // 'r' is O_RDONLY: evidence is never opened for writing.
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, chunkStart);
    const rendered = renderRecordXml(
      chunk.subarray(0, bytesRead),
      recordOffset - chunkStart,
      DEFAULT_MAX_RECORD_BYTES,
    );
    if (recordId !== null && rendered.recordId !== recordId) {
      throw new EvtxDamage(
        `the record there is ${rendered.recordId}, not the imported ${recordId}: the file has changed`,
      );
    }
    return rendered.xml;
  } finally {
    await handle.close();
  }
}
