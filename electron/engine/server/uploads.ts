// Browser-mode file drops. A page cannot tell the server where a dropped file lives, so the bytes are
// streamed into this run's evidence folder and imported from there. The SHA-256 is of the same bytes, so
// the case records the same hash as the original file.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadedFile } from '../../../shared/transport.js';

/** A generous cap: evidence exports run to gigabytes, but not beyond what one case can hold. */
export const MAX_UPLOAD_BYTES = 64 * 1024 ** 3;

/** The name a dropped file is stored under: its own base name, with anything risky replaced. */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\w.\- ()]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return cleaned || 'upload';
}

export class UploadFolder {
  private counter = 0;

  constructor(readonly dir: string) {}

  /** Streams the request body to a new file; the size limit is checked as bytes arrive. */
  async receive(req: IncomingMessage, name: string): Promise<UploadedFile> {
    await mkdir(this.dir, { recursive: true });
    // A numbered sub-folder keeps the original name visible and two drops of "Security.xml" apart.
    const folder = join(this.dir, String(++this.counter).padStart(4, '0'));
    await mkdir(folder);
    const path = join(folder, safeUploadName(name));
    const hash = createHash('sha256');
    let size = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) return done(new Error(`upload larger than ${MAX_UPLOAD_BYTES} bytes`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(req, counting, createWriteStream(path, { flags: 'wx' }));
    } catch (e) {
      await rm(folder, { recursive: true, force: true });
      throw e;
    }
    return { path, size, sha256: hash.digest('hex') };
  }
}
