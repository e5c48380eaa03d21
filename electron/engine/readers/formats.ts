// The input formats the engine reads, one entry each: how it is read, and whether a big file of it can be
// cut into byte ranges that several workers parse at once (where the cuts go, and how the records before
// each cut are counted while the file is hashed). Which format a file is, is decided by its content in
// sniff.ts. A new format is its reader folder, its recognition in sniff.ts and one entry here.
import type { Reader } from './types.js';
import type { SniffedKind } from './sniff.js';
import { readEvtx } from './evtx/index.js';
import { EvtxRecordCounter, planEvtxSlices } from './evtx/evtxSlices.js';
import { planXmlSlices, readWindowsXml, xmlEncoding } from './windowsXml/index.js';
import { EventStartCounter } from './windowsXml/eventStartCounter.js';
import { readEntraJson } from './entra/index.js';

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

export const INPUT_FORMATS: Readonly<Record<SniffedKind, InputFormat>> = {
  // Between its 64 KiB chunks, which are independent.
  evtx: {
    kind: 'evtx',
    read: readEvtx,
    slicing: {
      plan: async (f) => planEvtxSlices(f.size, f.parts, f.minSliceBytes),
      counter: (_first, cuts) => new EvtxRecordCounter(cuts),
    },
  },
  // Where an event starts, which can be found safely from any point (`<` is always escaped in text).
  xml: {
    kind: 'xml',
    read: readWindowsXml,
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
  json: { kind: 'json', read: readEntraJson, slicing: null },
};
