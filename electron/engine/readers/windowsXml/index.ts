// Streaming reader for Windows event XML in every flavour responders are handed: wevtutil /f:xml, Event
// Viewer "Save As", PowerShell .ToXml() dumps, python-evtx and the Rust evtx_dump; UTF-8 or UTF-16 either
// way round, with or without a byte-order mark. The file is read chunk by chunk and decoded one event at
// a time, so its size is limited only by the disk; memory is bounded by the largest event accepted.
// A big file can also be read as byte-range slices at once (see planXmlSlices and ReaderOptions.slice).
import { readHeadChunks, SNIFF_BYTES, sniffInput } from '../sniff.js';
import { DEFAULT_MAX_RECORD_BYTES, InputFormatError, type Reader, type ReaderOptions } from '../types.js';
import { ReadSession, type SessionPlace } from './readSession.js';
import { isAligned, type EncodingInfo } from './textEncoding.js';

export { planXmlSlices, xmlEncoding } from './slicePlanner.js';

export const readWindowsXml: Reader = async (source, sink, options = {}) => {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const chunks = source[Symbol.asyncIterator]();
  try {
    const { head, ended } = await readHeadChunks(chunks);
    // A later slice starts in the middle of the file: the encoding is the file's, from its first bytes.
    const fileHead = options.slice?.fileHead ?? Buffer.concat(head);
    const sniffed = sniffInput(fileHead.subarray(0, SNIFF_BYTES));
    if (sniffed.kind !== 'xml')
      throw new InputFormatError(
        `this is ${sniffed.kind === 'json' ? 'JSON' : 'a binary .evtx log'}, not Windows event XML`,
        0,
      );
    const info: EncodingInfo = {
      encoding: sniffed.encoding,
      unit: sniffed.encoding === 'utf8' ? 1 : 2,
      bomLength: sniffed.bomLength,
    };

    const session = new ReadSession(info, maxRecordBytes, sink, sessionPlace(options.slice, info));
    for (const chunk of head) session.push(chunk);
    while (!ended) {
      if (options.isCancelled?.() === true) return session.summary();
      const next = await chunks.next();
      if (next.done === true) break;
      session.push(next.value);
    }
    session.finish();
    return session.summary();
  } finally {
    // Closes the file when reading stops early (cancelled, or refused with an InputFormatError).
    await chunks.return?.();
  }
};

function sessionPlace(slice: ReaderOptions['slice'], info: EncodingInfo): SessionPlace | undefined {
  if (slice === undefined) return undefined;
  const { startOffset, fileHead, last } = slice;
  // A slice cut inside a UTF-16 code unit would shift every character: a planning bug, not bad input.
  if (!Number.isSafeInteger(startOffset) || startOffset < 0 || !isAligned(startOffset, info)) {
    throw new RangeError(`a slice cannot start at byte ${startOffset} of a ${info.encoding} file`);
  }
  // The first slice reads the head itself.
  return { startOffset, reachesEnd: last, fileHead: startOffset > 0 ? fileHead : null };
}
