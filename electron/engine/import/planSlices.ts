// Decides whether a file is parsed whole or in byte-range slices by several workers at once. Big Windows
// logs are sliced: one thread parsing a multi-gigabyte file is the import's bottleneck. An .evtx file is
// cut between its 64 KiB chunks, which are independent; an XML export where an event starts, which can
// be found safely from any point (`<` is always escaped in text).
import { open } from 'node:fs/promises';
import { SNIFF_BYTES, sniffInput, type SniffedKind } from '../readers/sniff.js';
import { EvtxRecordCounter, planEvtxSlices } from '../readers/evtx/evtxSlices.js';
import { FILE_MAGIC as EVTX_MAGIC } from '../readers/evtx/evtxLayout.js';
import { planXmlSlices, xmlEncoding } from '../readers/windowsXml/index.js';
import { EventStartCounter } from '../readers/windowsXml/eventStartCounter.js';
import { readFileHead, type ByteRange } from './parseFile.js';
import { hashFile } from './fileChunks.js';

/** Below this a slice is not worth a worker's start-up and hand-over. */
export const MIN_SLICE_BYTES = 32 * 1024 * 1024;

/** Byte ranges to parse separately, in file order; null when the file is parsed whole. */
export async function planSlices(path: string, parts: number, minSliceBytes = MIN_SLICE_BYTES) {
  if (parts < 2) return null;
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size < 2 * minSliceBytes) return null;
    const head = await readFileHead(handle, size);
    let kind: SniffedKind;
    try {
      kind = sniffInput(head.subarray(0, SNIFF_BYTES)).kind;
    } catch {
      return null; // not a log: the whole-file read reports it
    }
    if (kind === 'json') return null;
    if (kind === 'evtx') return ranges(planEvtxSlices(size, parts, minSliceBytes), size);
    const readAt = async (position: number, length: number): Promise<Buffer> => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buf, 0, buf.length, position);
      return buf.subarray(0, bytesRead);
    };
    return ranges(await planXmlSlices(readAt, size, head, parts, minSliceBytes), size);
  } finally {
    await handle.close();
  }
}

function ranges(starts: readonly number[], size: number): ByteRange[] | null {
  if (starts.length < 2) return null;
  return starts.map((start, i): ByteRange => ({
    start,
    end: starts[i + 1] ?? size,
    last: i === starts.length - 1,
  }));
}

/** What counts the records before each cut: the XML event starts, or the .evtx record signatures. */
interface RecordCounter {
  readonly before: number[];
  push(chunk: Buffer): void;
  finish(): void;
}

/** What one pass over a sliced file finds, each part as soon as it is known. */
export interface SlicedFileScan {
  sha256: Promise<string>;
  /** For each slice, the records before it (see EventStartCounter, EvtxRecordCounter); the first is 0. */
  eventsBefore: Array<Promise<number>>;
}

/**
 * Reads a sliced file once, whole: its SHA-256 (no single slice sees every byte) and the event starts
 * before each slice, which resolve long before the hash as the read passes each cut. Every promise
 * rejects when the file cannot be read.
 */
export function scanSlicedFile(path: string, starts: readonly number[]): SlicedFileScan {
  const counts = starts.map(() => {
    let settle!: { resolve: (n: number) => void; reject: (e: unknown) => void };
    const promise = new Promise<number>((resolve, reject) => (settle = { resolve, reject }));
    promise.catch(() => undefined);
    return { promise, ...settle };
  });
  let counter: RecordCounter | null = null;
  let told = 0;
  // Settles the counts the counter has found since it was last asked.
  const tell = (c: RecordCounter): void => {
    for (; told < c.before.length; told++) counts[told]!.resolve(c.before[told]!);
  };
  const sha256 = hashFile(path, (chunk) => {
    if (counter === null) {
      if (chunk.subarray(0, EVTX_MAGIC.length).equals(EVTX_MAGIC)) counter = new EvtxRecordCounter(starts);
      else {
        const info = xmlEncoding(chunk);
        if (info === null) throw new Error('not XML any more');
        counter = new EventStartCounter(info, starts);
      }
    }
    counter.push(chunk);
    tell(counter);
  }).then((hex) => {
    if (counter) {
      counter.finish();
      tell(counter);
    }
    return hex;
  });
  sha256.catch((e: unknown) => counts.forEach((c) => c.reject(e)));
  return { sha256, eventsBefore: counts.map((c) => c.promise) };
}
