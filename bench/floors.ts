// The two floors every import figure is shown against, measured on the same file in the same run:
// reading the bytes, and decoding them to text.
import { open } from 'node:fs/promises';

async function eachChunk(path: string, fn: (b: Buffer) => void): Promise<number> {
  const fh = await open(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let total = 0;
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      fn(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return total;
}

export async function rawReadMBps(path: string): Promise<number> {
  const t0 = performance.now();
  const n = await eachChunk(path, () => undefined);
  return n / 1e6 / ((performance.now() - t0) / 1000);
}

export async function decodeMBps(path: string, encoding: 'utf-8' | 'utf-16le'): Promise<number> {
  const dec = new TextDecoder(encoding);
  let chars = 0;
  const t0 = performance.now();
  const n = await eachChunk(path, (b) => {
    chars += dec.decode(b, { stream: true }).length;
  });
  chars += dec.decode().length;
  if (chars < 0) throw new Error('unreachable');
  return n / 1e6 / ((performance.now() - t0) / 1000);
}

export async function sniffEncoding(path: string): Promise<'utf-8' | 'utf-16le'> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(2);
    await fh.read(b, 0, 2, 0);
    return b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : 'utf-8';
  } finally {
    await fh.close();
  }
}
