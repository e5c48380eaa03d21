// One event's bytes to one row: decode, extract (fast path first, conformant parser when it declines),
// map. A failure is returned, not thrown, because one bad event must never stop an import.
import type { WinEventRow } from '../../rowContract.js';
import { extractEventConformant, MalformedEventError, type XmlVersion } from './conformantEventExtractor.js';
import { extractEventFast } from './fastEventExtractor.js';
import { EVENT_OPEN, opensEvent } from './eventSplitter.js';
import { decodeBytes, encodeAscii, type EncodingInfo } from './textEncoding.js';
import { toWinEventRow } from './winEventRow.js';

export type EventOutcome =
  | { ok: true; row: WinEventRow }
  | { ok: false; problem: 'encoding'; badByte: number }
  | { ok: false; problem: 'malformed'; detail: string };

export function parseEventRecord(
  bytes: Buffer,
  recordNo: number,
  info: EncodingInfo,
  xmlVersion: XmlVersion,
): EventOutcome {
  const decoded = decodeBytes(bytes, info);
  if (!decoded.ok) return { ok: false, problem: 'encoding', badByte: decoded.badByte };
  const xml = decoded.text;
  const fast = extractEventFast(xml);
  if (fast !== null) {
    const row = toWinEventRow(fast, recordNo, xml);
    // The fast path accepts no control character but tab, LF and CR, which is what `xmlUtf8` promises.
    // A copy: `bytes` may be a view of a buffer the splitter reuses.
    if (info.encoding === 'utf8') row.xmlUtf8 = Buffer.from(bytes);
    return { ok: true, row };
  }
  try {
    return { ok: true, row: toWinEventRow(extractEventConformant(xml, xmlVersion), recordNo, xml) };
  } catch (error) {
    if (error instanceof MalformedEventError)
      return { ok: false, problem: 'malformed', detail: error.message };
    throw error;
  }
}

/**
 * Where a second event starts inside a slice that failed to parse (relative to the slice), or -1. The
 * splitter cuts at the first `</Event>`, so an event cut short in the file swallows the next one; this
 * finds the next one so that only the damaged event is lost. `fileOffset` keeps UTF-16 alignment right.
 */
export function findNextEventStart(bytes: Buffer, fileOffset: number, info: EncodingInfo): number {
  return findEventStart(bytes, 1, fileOffset, info);
}

/**
 * The first `<Event` at or after `from` that opens an event (followed by whitespace, `>` or `/`, so not
 * `<Events>` or `<EventData>`), relative to `bytes`, or -1. `fileOffset` is the file offset of `bytes[0]`.
 */
export function findEventStart(bytes: Buffer, from: number, fileOffset: number, info: EncodingInfo): number {
  const needle = encodeAscii(EVENT_OPEN, info);
  for (let at = bytes.indexOf(needle, from); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    if (opensEvent(bytes, at, fileOffset, info)) return at;
  }
  return -1;
}
