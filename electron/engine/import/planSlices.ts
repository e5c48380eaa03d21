// Decides whether a file is parsed whole or in byte-range slices by several workers at once. Only big
// Windows XML files are sliced: one thread parsing a multi-gigabyte export is the import's bottleneck,
// and XML event boundaries can be found safely from any point (`<` is always escaped in text).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { sniffInput } from '../readers/sniff.js';
import { planXmlSlices } from '../readers/windowsXml/index.js';
import { readFileHead, type ByteRange } from './parseFile.js';

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
    try {
      if (sniffInput(head.subarray(0, 4096)).kind !== 'xml') return null;
    } catch {
      return null; // not a log: the whole-file read reports it
    }
    const readAt = async (position: number, length: number): Promise<Buffer> => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buf, 0, buf.length, position);
      return buf.subarray(0, bytesRead);
    };
    const starts = await planXmlSlices(readAt, size, head, parts, minSliceBytes);
    if (starts.length < 2) return null;
    return starts.map((start, i): ByteRange => ({
      start,
      end: starts[i + 1] ?? size,
      last: i === starts.length - 1,
    }));
  } finally {
    await handle.close();
  }
}

/** SHA-256 of a whole file, streamed: a sliced file's parts are read by other threads. */
export async function hashFile(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false })) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}
