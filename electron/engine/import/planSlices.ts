// Decides whether a file is parsed whole or in byte-range slices by several workers at once. Big Windows
// logs are sliced: one thread parsing a multi-gigabyte file is the import's bottleneck. Where a format
// may be cut, and how the records before each cut are counted, is its entry in readers/formats.ts.
import { open } from 'node:fs/promises';
import { SNIFF_BYTES, sniffInput, type SniffedKind } from '../readers/sniff.js';
import { INPUT_FORMATS, type RecordCounter } from '../readers/formats.js';
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
    const slicing = INPUT_FORMATS[kind].slicing;
    if (!slicing) return null;
    const readAt = async (position: number, length: number): Promise<Buffer> => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buf, 0, buf.length, position);
      return buf.subarray(0, bytesRead);
    };
    return ranges(await slicing.plan({ size, head, parts, minSliceBytes, readAt }), size);
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
      // The file was sliced by its format's plan; it must still be that format (not replaced meanwhile).
      const slicing = INPUT_FORMATS[sniffInput(chunk.subarray(0, SNIFF_BYTES)).kind].slicing;
      if (!slicing) throw new Error('this file can no longer be read in slices');
      counter = slicing.counter(chunk, starts);
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
