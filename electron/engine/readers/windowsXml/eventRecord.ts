// One event's bytes to one row: decode, extract (fast path first, conformant parser when it declines),
// map. A failure is returned, not thrown, because one bad event must never stop an import.
import type { WinEventRow } from '../../rowContract.js';
import { extractEventConformant, MalformedEventError, type XmlVersion } from './conformantEventExtractor.js';
import { extractEventFast } from './fastEventExtractor.js';
import type { ExtractedEvent } from './extractedEvent.js';
import { decodeBytes, type EncodingInfo } from './textEncoding.js';
import { toWinEventRow } from './winEventRow.js';

export type EventOutcome =
  | { ok: true; row: WinEventRow }
  | { ok: false; problem: 'encoding'; badByte: number }
  | { ok: false; problem: 'malformed'; detail: string };

/**
 * The common case of parseEventRecord: the event's bytes decode and the fast path reads it whole. Null
 * when either declines; parseEventRecord then says why, or reads it with the conformant parser. A row
 * from here also means that no other event starts inside these bytes (the fast path declines a nested
 * `<Event`), which the reader otherwise has to look for.
 */
export function parseEventFast(bytes: Buffer, recordNo: number, info: EncodingInfo): WinEventRow | null {
  const decoded = decodeBytes(bytes, info);
  if (!decoded.ok) return null;
  const xml = decoded.text;
  const fast = extractEventFast(xml);
  return fast === null ? null : fastRow(fast, recordNo, xml, bytes, info);
}

function fastRow(
  fast: ExtractedEvent,
  recordNo: number,
  xml: string,
  bytes: Buffer,
  info: EncodingInfo,
): WinEventRow {
  const row = toWinEventRow(fast, recordNo, xml);
  // The fast path accepts no control character but tab, LF and CR, which is what `xmlUtf8` promises.
  // A copy: `bytes` may be a view of a buffer the splitter reuses.
  if (info.encoding === 'utf8') row.xmlUtf8 = Buffer.from(bytes);
  return row;
}

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
  if (fast !== null) return { ok: true, row: fastRow(fast, recordNo, xml, bytes, info) };
  try {
    return { ok: true, row: toWinEventRow(extractEventConformant(xml, xmlVersion), recordNo, xml) };
  } catch (error) {
    if (error instanceof MalformedEventError)
      return { ok: false, problem: 'malformed', detail: error.message };
    throw error;
  }
}
