// Chooses where a big file can be cut so that slices of it are parsed at once, each by readWindowsXml
// with the `slice` option. A cut must fall where a whole-file read would be between two events, so that
// the slices' rows and errors put end to end are exactly the file's: never inside an event (an event cut
// in two would be reported twice and imported by neither slice), never between an evtx_dump "Record N"
// line or XML declaration and the event it introduces, and never after an event the file left unclosed
// (a whole-file read reports that event against the next one; a slice would call it truncated).
//
// Only a few windows of the file are read, near each cut wanted: the cut is the first safe event start
// found searching forward from there. `<` is always escaped in XML text and attribute values, so a
// literal `<Event ` outside markup can only open an element; requiring the `</Event>` of the previous
// event right before it rules out the rest (CDATA, comments, a damaged event).
import { SNIFF_BYTES, sniffInput } from '../sniff.js';
import { InputFormatError } from '../types.js';
import { DoctypeGuard } from './doctypeGuard.js';
import { findEventStart } from './eventSplitter.js';
import { asciiAt, type EncodingInfo } from './textEncoding.js';

/** Bytes read at a time while looking for a cut. */
const WINDOW_BYTES = 1024 * 1024;
/**
 * Bytes before a candidate event start read with it, to see the end of the previous event. A real
 * stretch between events is a line break, or for evtx_dump a "Record N" line and a declaration; a
 * candidate whose previous `</Event>` lies further back is passed over for the next one.
 */
const LOOK_BACK_BYTES = 4096;

const [TAB, LF, CR, SPACE, GT, LT, QUESTION] = [0x09, 0x0a, 0x0d, 0x20, 0x3e, 0x3c, 0x3f];
/** Longest XML declaration looked back over. */
const MAX_DECLARATION_BYTES = 1024;
/** As in the splitter: more whitespace than this inside `</Event >` does not end an event there. */
const MAX_END_TAG_SPACE = 64;

/**
 * Sorted file offsets where the slices of a file start: the first is always 0, there are at most
 * `parts` (fewer when the file is too small for that many slices of `minSliceBytes`), and each later
 * one is the start of an event near `size * k / parts` (for evtx_dump output, of the "Record N" line
 * before it). Just [0] when the file is smaller than two slices, when no safe cut is found, and when
 * the file is not XML or has a DOCTYPE in its head (the whole-file read refuses it, with the reason).
 *
 * `readAt(position, length)` returns the file's bytes there (fewer at the end of the file); `fileHead`
 * is the file's first bytes (at least 4 KiB, or the whole file).
 */
export async function planXmlSlices(
  readAt: (position: number, length: number) => Promise<Buffer>,
  size: number,
  fileHead: Buffer,
  parts: number,
  minSliceBytes = 32 * 1024 * 1024,
): Promise<number[]> {
  const starts = [0];
  const count = Math.min(Math.floor(parts), Math.floor(size / Math.max(minSliceBytes, 1)));
  if (!(count >= 2) || size < 2 * minSliceBytes) return starts;
  const info = xmlEncoding(fileHead);
  if (info === null || new DoctypeGuard(info).check(fileHead, 0) >= 0) return starts;

  for (let k = 1; k < count; k++) {
    const target = Math.floor((size * k) / count);
    const next = Math.floor((size * (k + 1)) / count);
    const previous = starts[starts.length - 1]!;
    // Searched up to the next target only: a share holding no safe event start (one huge event) is
    // not cut, and the slice before it simply grows.
    const cut = await findCut(readAt, size, info, Math.max(target, previous + 1), next, previous);
    if (cut > previous) starts.push(cut);
  }
  return starts;
}

export function xmlEncoding(fileHead: Buffer): EncodingInfo | null {
  try {
    const sniffed = sniffInput(fileHead.subarray(0, SNIFF_BYTES));
    if (sniffed.kind !== 'xml') return null;
    return {
      encoding: sniffed.encoding,
      unit: sniffed.encoding === 'utf8' ? 1 : 2,
      bomLength: sniffed.bomLength,
    };
  } catch (error) {
    if (error instanceof InputFormatError) return null;
    throw error;
  }
}

/** The first safe cut for an event starting in [from, to), later than `after`, or -1. */
async function findCut(
  readAt: (position: number, length: number) => Promise<Buffer>,
  size: number,
  info: EncodingInfo,
  from: number,
  to: number,
  after: number,
): Promise<number> {
  // The tag and the character after it, so a tag at the end of a window is judged whole.
  const tagBytes = 7 * info.unit;
  for (let pos = from; pos < to; pos += WINDOW_BYTES) {
    const readFrom = Math.max(0, pos - LOOK_BACK_BYTES);
    const readTo = Math.min(size, pos + WINDOW_BYTES + tagBytes);
    const bytes = await readAt(readFrom, readTo - readFrom);
    const stop = Math.min(pos + WINDOW_BYTES, to) - readFrom;
    for (
      let at = findEventStart(bytes, pos - readFrom, readFrom, info);
      at >= 0 && at < stop;
      at = findEventStart(bytes, at + 1, readFrom, info)
    ) {
      const cut = cutBefore(bytes, at, info);
      if (cut >= 0 && readFrom + cut > after) return readFrom + cut;
    }
    if (bytes.length < readTo - readFrom) break;
  }
  return -1;
}

/**
 * Where a slice should start for the event whose `<Event` is at `at`: there, or at the evtx_dump
 * "Record N" line and declaration that introduce it. -1 when the previous event's `</Event>` is not
 * all that precedes them (the first event, a damaged stretch, or a candidate inside something).
 * Positions are indices into `bytes`; `at` is on a code-unit boundary, and every step keeps to one.
 */
function cutBefore(bytes: Buffer, at: number, info: EncodingInfo): number {
  const { unit } = info;
  const char = (i: number): number => (i >= 0 ? asciiAt(bytes, i, info) : -1);
  const skipSpace = (end: number): number => {
    let p = end;
    for (let c = char(p - unit); c === SPACE || c === LF || c === CR || c === TAB; c = char(p - unit))
      p -= unit;
    return p;
  };
  const endsWith = (end: number, text: string): boolean => {
    const begin = end - text.length * unit;
    if (begin < 0) return false;
    for (let k = 0; k < text.length; k++) if (char(begin + k * unit) !== text.charCodeAt(k)) return false;
    return true;
  };

  let cut = at;
  let end = skipSpace(at);
  // evtx_dump: `<?xml …?>` before every event.
  if (char(end - unit) === GT && char(end - 2 * unit) === QUESTION) {
    const floor = Math.max(0, end - MAX_DECLARATION_BYTES);
    let open = end - 3 * unit;
    while (open >= floor && !(char(open) === LT && char(open + unit) === QUESTION)) open -= unit;
    if (open < floor) return -1;
    cut = open;
    end = skipSpace(open);
  }
  // evtx_dump: `Record N` on the line before.
  let p = end;
  while (char(p - unit) >= 0x30 && char(p - unit) <= 0x39) p -= unit;
  if (p < end && (char(p - unit) === SPACE || char(p - unit) === TAB)) {
    while (char(p - unit) === SPACE || char(p - unit) === TAB) p -= unit;
    if (endsWith(p, 'Record')) {
      cut = p - 6 * unit;
      end = skipSpace(cut);
    }
  }
  // The previous event's end tag: `</Event` and optional whitespace before `>`.
  if (char(end - unit) !== GT) return -1;
  const tagEnd = skipSpace(end - unit);
  if (end - unit - tagEnd > MAX_END_TAG_SPACE * unit) return -1;
  return endsWith(tagEnd, '</Event') ? cut : -1;
}
