// Mutational fuzzing of the .evtx reader: real and synthetic files with bytes flipped, cut short at and
// around chunk boundaries, random lengths written into size fields (records, value descriptors,
// template definitions, names), runs of zeroes and template references pointed at other places. Every
// mutant must end in rows and located errors, or in a refusal of the whole file (InputFormatError):
// never an exception out of the reader, never a hang, never memory out of proportion to the input.
import type { ReadError } from '../../electron/engine/rowContract.js';
import { readEvtx } from '../../electron/engine/readers/evtx/index.js';
import { InputFormatError } from '../../electron/engine/readers/types.js';
import type { SeededRandom } from '../../tools/synth/random.js';

const CHUNK = 65536;
const HEADER = 4096;

export interface FuzzOutcome {
  mutation: string;
  rows: number;
  errors: number;
  refused: boolean;
  ms: number;
}

/** One mutant of `file`, and what was done to it. */
export function mutate(file: Buffer, rng: SeededRandom): { bytes: Buffer; mutation: string } {
  const bytes = Buffer.from(file);
  const at = (): number => rng.int(0, bytes.length - 1);
  switch (rng.int(0, 6)) {
    case 0: {
      const n = rng.int(1, 24);
      for (let i = 0; i < n; i++) bytes[at()] = rng.int(0, 255);
      return { bytes, mutation: `${n} bytes flipped` };
    }
    case 1: {
      const chunks = Math.max(1, Math.floor((bytes.length - HEADER) / CHUNK));
      const cut = Math.max(
        0,
        Math.min(bytes.length, HEADER + rng.int(0, chunks) * CHUNK + rng.int(-600, 600)),
      );
      return { bytes: bytes.subarray(0, cut), mutation: `cut at ${cut}` };
    }
    case 2: {
      const records = signatures(bytes);
      if (records.length === 0) return { bytes, mutation: 'no record to change' };
      const r = rng.pick(records);
      const size = rng.pick([0, 1, 27, 28, 29, 0xffff, 0x7fffffff, 0xffffffff, rng.int(0, 70000)]);
      bytes.writeUInt32LE(size >>> 0, r + 4);
      return { bytes, mutation: `record at ${r} given size ${size}` };
    }
    case 3: {
      // A random 16-bit length somewhere in a record: value descriptors, name lengths, value counts.
      const records = signatures(bytes);
      const r = records.length > 0 ? rng.pick(records) : at();
      const p = Math.min(bytes.length - 2, r + rng.int(24, 400));
      const value = rng.pick([0, 1, 0x7fff, 0xffff, rng.int(0, 4096)]);
      bytes.writeUInt16LE(value, Math.max(0, p));
      return { bytes, mutation: `u16 ${value} at ${p}` };
    }
    case 4: {
      const start = at();
      const end = Math.min(bytes.length, start + rng.int(1, 20000));
      bytes.fill(0, start, end);
      return { bytes, mutation: `zeroes over [${start}, ${end})` };
    }
    case 5: {
      // A template instance's definition offset pointed elsewhere: itself, another template, nowhere.
      const tokens = templateInstances(bytes);
      if (tokens.length === 0) return { bytes, mutation: 'no template instance' };
      const t = rng.pick(tokens);
      const chunkStart = HEADER + Math.floor((t - HEADER) / CHUNK) * CHUNK;
      const target = rng.pick([t - chunkStart, t - chunkStart + 10, rng.int(0, CHUNK + 100), 512, 0]);
      bytes.writeUInt32LE(target >>> 0, t + 6);
      return { bytes, mutation: `template instance at ${t} pointed at ${target}` };
    }
    default: {
      // A 32-bit value written into a template definition's data size or a name's offset.
      const p = Math.max(0, Math.min(bytes.length - 4, at()));
      const value = rng.pick([0, 0xffffffff, rng.int(0, CHUNK), rng.int(0, 0x7fffffff)]);
      bytes.writeUInt32LE(value >>> 0, p);
      return { bytes, mutation: `u32 ${value} at ${p}` };
    }
  }
}

function signatures(bytes: Buffer): number[] {
  const out: number[] = [];
  const sig = Buffer.from([0x2a, 0x2a, 0, 0]);
  for (let p = bytes.indexOf(sig); p >= 0 && out.length < 4000; p = bytes.indexOf(sig, p + 4)) {
    if (p + 8 <= bytes.length) out.push(p);
  }
  return out;
}

function templateInstances(bytes: Buffer): number[] {
  const out: number[] = [];
  for (const r of signatures(bytes)) {
    // A record's Binary XML starts with a fragment header and, nearly always, a template instance.
    if (r + 38 <= bytes.length && bytes[r + 24] === 0x0f && bytes[r + 28] === 0x0c) out.push(r + 28);
  }
  return out;
}

/** The bytes in pieces of random sizes, as a file reader would hand them over. */
async function* pieces(bytes: Buffer, rng: SeededRandom): AsyncGenerator<Buffer> {
  for (let p = 0; p < bytes.length;) {
    const n = rng.pick([1, 7, 512, 4096, 65536, 1 << 20, rng.int(1, 200000)]);
    yield bytes.subarray(p, p + n);
    p += n;
  }
}

/** Reads one mutant; throws when the reader breaks its contract. */
export async function readMutant(bytes: Buffer, mutation: string, rng: SeededRandom): Promise<FuzzOutcome> {
  const started = performance.now();
  let rows = 0;
  const errors: ReadError[] = [];
  let refused = false;
  try {
    await readEvtx(
      pieces(bytes, rng),
      { row: () => void rows++, error: (e) => void errors.push(e) },
      { renderXml: rng.chance(0.5) },
    );
  } catch (e) {
    if (!(e instanceof InputFormatError))
      throw new Error(`${mutation}: the reader threw ${(e as Error).stack}`);
    refused = true;
  }
  const ms = performance.now() - started;
  // A record is at least 28 bytes: more rows than that would be events made from nothing.
  if (rows > bytes.length / 28) throw new Error(`${mutation}: ${rows} rows from ${bytes.length} bytes`);
  if (errors.some((e) => typeof e.offset !== 'number' || e.offset < 0 || e.offset > bytes.length))
    throw new Error(`${mutation}: an error without a place in the file`);
  return { mutation, rows, errors: errors.length, refused, ms };
}
