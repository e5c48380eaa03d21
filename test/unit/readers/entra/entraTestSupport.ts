// Shared helpers for the Entra reader tests: fixtures, chunked sources and a sink that records
// everything. Every fixture read is repeated with several chunk sizes, because the scanner keeps state
// across chunk boundaries and a boundary can fall anywhere (inside a key, an escape, a UTF-16 unit).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditRow, ReadError, ReadRow, SigninRow } from '../../../../electron/engine/rowContract.js';
import { readEntraJson } from '../../../../electron/engine/readers/entra/index.js';
import type { ReaderOptions, ReaderSummary } from '../../../../electron/engine/readers/types.js';

export interface ReadResult {
  rows: ReadRow[];
  errors: ReadError[];
  summary: ReaderSummary;
}

/** The repository root, found from this file whether it runs from test/ (tsx) or dist/test/ (tsc). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

export function fixture(name: string): Buffer {
  return readFileSync(join(repoRoot(), 'test', 'fixtures', 'entra', name));
}

export async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) {
    // A copy per chunk, like a file stream; the reader must not rely on chunks sharing memory.
    yield Buffer.from(bytes.subarray(at, at + size));
  }
}

export async function readWith(
  input: Buffer | string,
  chunkSize = 1 << 20,
  options: ReaderOptions = {},
): Promise<ReadResult> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const rows: ReadRow[] = [];
  const errors: ReadError[] = [];
  const summary = await readEntraJson(
    chunksOf(bytes, chunkSize),
    { row: (r) => rows.push(r), error: (e) => errors.push(e) },
    options,
  );
  return { rows, errors, summary };
}

const CHUNK_SIZES = [1, 2, 3, 5, 64, 4099];

/** Reads the input whole, then in small chunks, asserting every reading gives the same result. */
export async function readEntra(input: Buffer | string, options: ReaderOptions = {}): Promise<ReadResult> {
  const whole = await readWith(input, 1 << 20, options);
  for (const size of CHUNK_SIZES) {
    const chunked = await readWith(input, size, options);
    assert.deepEqual(chunked, whole, `reading in ${size}-byte chunks differs from reading whole`);
  }
  return whole;
}

export function signins(result: ReadResult): SigninRow[] {
  return result.rows.flatMap((r) => (r.kind === 'signin' ? [r.row] : []));
}

export function audits(result: ReadResult): AuditRow[] {
  return result.rows.flatMap((r) => (r.kind === 'audit' ? [r.row] : []));
}

/** Microseconds UTC, written the way a person reads a timestamp. */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, micros = 0): bigint {
  return BigInt(Date.UTC(y, mo - 1, d, h, mi, s)) * 1000n + BigInt(micros);
}

/** The raw text must be the record exactly as the file holds it. */
export function assertRawFromFile(raw: string, file: Buffer): void {
  assert.ok(file.toString('utf8').includes(raw), 'raw text is not a verbatim slice of the file');
  assert.equal(typeof JSON.parse(raw), 'object');
}
