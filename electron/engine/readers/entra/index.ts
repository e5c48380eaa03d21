// The Entra ID JSON reader: Graph sign-ins and directory audits, Log Analytics / Sentinel exports
// (files or query-API results), and diagnostic-settings output, as arrays, wrappers or JSON lines, in
// UTF-8 or UTF-16. The file streams through a record scanner; each record is parsed on its own.
import { DEFAULT_MAX_JSON_DEPTH, DEFAULT_MAX_RECORD_BYTES, type Reader } from '../types.js';
import { openUnitSource } from './codeUnits.js';
import { EntraRecordHandler } from './entraRecordHandler.js';
import { JsonRecordScanner } from './jsonRecordScanner.js';

export const readEntraJson: Reader = async (source, sink, options = {}) => {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const maxDepth = options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  // JSON has no record boundary that can be found without reading from the start: a slice of a file
  // handed here would be misread, so it is a caller's mistake, not bad input.
  if (options.slice !== undefined && (options.slice.startOffset !== 0 || !options.slice.last)) {
    throw new RangeError('the Entra ID reader reads whole files only, not slices');
  }
  const input = await openUnitSource(source);
  const handler = new EntraRecordHandler(sink, maxDepth, input.encoding === 'utf8' ? 'UTF-8' : 'UTF-16');
  const scanner = new JsonRecordScanner(handler, {
    maxRecordBytes,
    maxDepth,
    origin: input.origin,
    unitBytes: input.unitBytes,
  });
  let cancelled = false;
  for await (const units of input.units) {
    scanner.push(units);
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
  }
  // A cancelled read is not a cut-short file: what was left open is not reported.
  if (!cancelled) scanner.finish();
  return handler.summary(scanner.topLevelValues);
};
