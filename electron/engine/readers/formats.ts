// The input formats the engine reads, one entry each: how it is read, and whether a big file of it can be
// cut into byte ranges that several workers parse at once (where the cuts go, and how the records before
// each cut are counted while the file is hashed). Which format a file is, is decided by its content in
// sniff.ts. A new format is its reader folder, its recognition in sniff.ts and one entry here.
//
// A reader's modules load the first time a file of its format is read: a parse worker reads one format
// at a time, and the import coordinator, which only plans slices and counts records, none (loading
// every reader took 85-101 CPU-ms of each thread's start, the XML reader alone 51-53; measured).
import type { Reader } from './types.js';
import type { SniffedKind } from './sniff.js';
import { EvtxRecordCounter, planEvtxSlices } from './evtx/evtxSlices.js';
import { planXmlSlices, xmlEncoding } from './windowsXml/slicePlanner.js';
import { EventStartCounter } from './windowsXml/eventStartCounter.js';

/** Counts the records before each cut as the whole file streams past, for a sliced file's numbering. */
export interface RecordCounter {
  /** The records before each cut, filled in as the stream passes it; the first is 0. */
  readonly before: number[];
  push(chunk: Buffer): void;
  finish(): void;
}

/** What a slice planner may look at: the file's size and head, and reads at any offset. */
export interface SliceSource {
  size: number;
  head: Buffer;
  parts: number;
  minSliceBytes: number;
  readAt(position: number, length: number): Promise<Buffer>;
}

export interface InputFormat {
  kind: SniffedKind;
  read: Reader;
  /** How a big file is cut for parallel parsing; null when it is always read whole. */
  slicing: null | {
    /** File offsets where slices start, the first 0; fewer than two means "read it whole". */
    plan(file: SliceSource): Promise<readonly number[]>;
    /** The counter for the hashing pass, given the file's first chunk; throws if it is not this format. */
    counter(firstChunk: Buffer, cuts: readonly number[]): RecordCounter;
  };
}

/** A reader whose module is imported when it first reads. */
function loadedOnUse(load: () => Promise<Reader>): Reader {
  let reader: Promise<Reader> | null = null;
  return async (source, sink, options) => (await (reader ??= load()))(source, sink, options);
}

export const INPUT_FORMATS: Readonly<Record<SniffedKind, InputFormat>> = {
  // Between its 64 KiB chunks, which are independent.
  evtx: {
    kind: 'evtx',
    read: loadedOnUse(async () => (await import('./evtx/index.js')).readEvtx),
    slicing: {
      plan: async (f) => planEvtxSlices(f.size, f.parts, f.minSliceBytes),
      counter: (_first, cuts) => new EvtxRecordCounter(cuts),
    },
  },
  // Where an event starts, which can be found safely from any point (`<` is always escaped in text).
  xml: {
    kind: 'xml',
    read: loadedOnUse(async () => (await import('./windowsXml/index.js')).readWindowsXml),
    slicing: {
      plan: (f) => planXmlSlices(f.readAt, f.size, f.head, f.parts, f.minSliceBytes),
      counter: (first, cuts) => {
        const info = xmlEncoding(first);
        if (info === null) throw new Error('not XML any more');
        return new EventStartCounter(info, cuts);
      },
    },
  },
  // One JSON document, or lines of them: read whole.
  json: {
    kind: 'json',
    read: loadedOnUse(async () => (await import('./entra/index.js')).readEntraJson),
    slicing: null,
  },
};
