// Reads a byte range of an open file in chunks, into a few buffers used in turn. A stream's fresh
// buffer per chunk left a megabyte of garbage behind every chunk; the allocator kept that memory
// mapped, and RSS grew with it (measured on one 324 MB file: ~140 MB of peak RSS).
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

/** How much of a file one read takes. */
export const CHUNK_BYTES = 1 << 20;

/** Buffers in turn: a chunk stays valid while the next one is read (see `fileChunks`). */
const RING = 3;

/**
 * Chunks of up to `chunkBytes` of [start, end), in order. Each chunk is a view of memory that is read
 * into again two chunks later: a consumer keeps nothing of a chunk past the next one without copying
 * it (the readers copy what they carry across chunks).
 */
export async function* fileChunks(
  handle: FileHandle,
  start: number,
  end: number,
  chunkBytes: number,
): AsyncGenerator<Buffer> {
  const ring: Buffer[] = [];
  let turn = 0;
  for (let at = start; at < end;) {
    const buf = (ring[turn] ??= Buffer.allocUnsafe(chunkBytes));
    turn = (turn + 1) % RING;
    const { bytesRead } = await handle.read(buf, 0, Math.min(chunkBytes, end - at), at);
    if (bytesRead === 0) return; // the file shrank under us: what was there is all there is
    at += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}

/**
 * A whole file's SHA-256, read by the import coordinator alongside the parse of a sliced file (no
 * slice sees every byte), or after a parse that could not hash it (a file parsed whole is hashed by its
 * parse worker, which reads every byte anyway). `eachChunk` sees every chunk as it is hashed, in order.
 */
export async function hashFile(path: string, eachChunk?: (chunk: Buffer) => void): Promise<string> {
  // 'r' is O_RDONLY: evidence is never opened for writing.
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const { size } = await handle.stat();
    for await (const chunk of fileChunks(handle, 0, size, CHUNK_BYTES)) {
      hash.update(chunk);
      eachChunk?.(chunk);
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}
