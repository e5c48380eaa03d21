// Streaming reader for binary Windows event logs (.evtx), the files a triage collection holds: the file
// header, then every 64 KiB chunk slot in turn, found by position rather than by the header's chunk
// count (a log copied while in use has a header that was never updated, and chunks can follow a run of
// unused ones). Each chunk is read on its own: its templates and names are cached for its records and
// dropped with it, so memory stays at a chunk or two whatever the file's size.
// It gives the rows the XML readers give for the same events, through the same collector and mapping.
import type { ReadError } from '../../rowContract.js';
import { DEFAULT_MAX_RECORD_BYTES, InputFormatError, type Reader } from '../types.js';
import { readChunkRecords, type ChunkSink } from './chunkRecords.js';
import { newReadingState } from './recordRows.js';
import { SlotAssembler } from './slotAssembler.js';
import { CHUNK_BYTES, FILE_HEADER_BYTES, readFileHeader } from './evtxLayout.js';

export const readEvtx: Reader = async (source, sink, options = {}) => {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const startOffset = options.slice?.startOffset ?? 0;
  let recordNo = 0;
  let records = 0;
  let skipped = 0;
  const chunkSink: ChunkSink = {
    nextRecordNo: () => ++recordNo,
    row(row) {
      records++;
      sink.row({ kind: 'win', row });
    },
    skipped(error: ReadError) {
      skipped++;
      sink.error(error);
    },
    problem: (error) => sink.error(error),
  };

  const state = newReadingState(options.renderXml === true, maxRecordBytes);
  const assembler = new SlotAssembler(startOffset);
  let headerChecked = startOffset > 0;
  if (startOffset > 0) checkHeader(options.slice!.fileHead, sink.error.bind(sink));
  let chunkIndex = startOffset > 0 ? (startOffset - FILE_HEADER_BYTES) / CHUNK_BYTES : 0;
  const readSlots = (final: boolean): void => {
    for (;;) {
      const slot = assembler.take(final);
      if (slot === null) return;
      if (!headerChecked) {
        checkHeader(slot.bytes, sink.error.bind(sink));
        headerChecked = true;
        continue;
      }
      readChunkRecords(slot.bytes, { index: chunkIndex++, fileOffset: slot.offset }, chunkSink, state);
    }
  };
  for await (const buffer of source) {
    if (options.isCancelled?.() === true) break;
    assembler.push(buffer);
    readSlots(false);
    assembler.keepRest();
  }
  if (options.isCancelled?.() !== true) readSlots(true);
  if (!headerChecked) throw new InputFormatError('the file is too short to be an .evtx log', 0);
  return { format: 'windows-evtx', variant: 'evtx', records, skipped };
};

/** The file header must be an .evtx header; a bad checksum is said and reading goes on. */
function checkHeader(head: Buffer, error: (e: ReadError) => void): void {
  const header = readFileHeader(head);
  if (header === null) throw new InputFormatError('this is not an .evtx log (no ElfFile signature)', 0);
  if (header.majorVersion !== 3) {
    error({
      message: `the file header says format version ${header.majorVersion}.${header.minorVersion}, not 3.x; read as 3.x`,
      offset: 0,
    });
  }
  if (!header.checksumOk)
    error({ message: 'the file header fails its checksum; its chunks are read anyway', offset: 0 });
}
