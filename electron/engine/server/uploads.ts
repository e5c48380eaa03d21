// Browser-mode file drops. A page cannot tell the server where a dropped file lives, so the bytes are
// streamed into a folder of the case's own, beside the case file (`client.duckdb` → `client.evidence/`),
// and imported from there: the case's source row names that kept copy, which outlives the server. Each
// drop has a numbered sub-folder (two drops of "Security.xml" stay apart, and the original name stays
// visible); the files and folders are read-only once written, like any evidence. The SHA-256 is of the
// same bytes, so the case records the same hash as the original file.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadedFile } from '../../../shared/transport.js';

/** A generous cap: evidence exports run to gigabytes, but not beyond what one case can hold. */
export const MAX_UPLOAD_BYTES = 64 * 1024 ** 3;

/** Read-only for everyone, as the evidence is: files r--r--r--, folders r-xr-xr-x. */
const READ_ONLY_FILE = 0o444;
const READ_ONLY_FOLDER = 0o555;

/** The name a dropped file is stored under: its own base name, with anything risky replaced. */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\w.\- ()]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return cleaned || 'upload';
}

/** The folder beside a case where the files dropped into it are kept: `x.duckdb` → `x.evidence`. */
export function keptEvidenceDir(casePath: string): string {
  return join(dirname(casePath), `${basename(casePath).replace(/\.duckdb$/i, '')}.evidence`);
}

export class UploadFolder {
  /** Sub-folders are made one at a time: the evidence folder is writable only meanwhile. */
  private making: Promise<unknown> = Promise.resolve();

  /** `casePath` is read at each drop: the page may have opened another case since the last. */
  constructor(private readonly casePath: () => string) {}

  /** Where drops into the case now open are kept. */
  get dir(): string {
    return keptEvidenceDir(this.casePath());
  }

  /** A new numbered sub-folder of `dir`, which is left read-only again. */
  private newFolder(dir: string): Promise<string> {
    const made = this.making.then(async () => {
      await mkdir(dir, { recursive: true });
      await chmod(dir, 0o755);
      try {
        const taken = (await readdir(dir)).map(Number).filter(Number.isSafeInteger);
        for (let n = Math.max(0, ...taken) + 1; ; n++) {
          const folder = join(dir, String(n).padStart(4, '0'));
          try {
            await mkdir(folder, { mode: 0o700 });
            return folder;
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
          }
        }
      } finally {
        await chmod(dir, READ_ONLY_FOLDER);
      }
    });
    this.making = made.catch(() => undefined);
    return made;
  }

  /** Streams the request body to a new file; the size limit is checked as bytes arrive. */
  async receive(req: IncomingMessage, name: string): Promise<UploadedFile> {
    const folder = await this.newFolder(this.dir);
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
      // Created read-only: the stream writes through the descriptor it opened, nothing can after.
      await pipeline(req, counting, createWriteStream(path, { flags: 'wx', mode: READ_ONLY_FILE }));
      await chmod(folder, READ_ONLY_FOLDER);
    } catch (e) {
      await this.discard(folder);
      throw e;
    }
    return { path, size, sha256: hash.digest('hex') };
  }

  /** A drop that failed leaves nothing: its sub-folder goes (the evidence folder is writable meanwhile). */
  private async discard(folder: string): Promise<void> {
    const removed = this.making.then(async () => {
      const dir = dirname(folder);
      await chmod(dir, 0o755).catch(() => undefined);
      try {
        await chmod(folder, 0o700).catch(() => undefined);
        await rm(folder, { recursive: true, force: true });
      } finally {
        await chmod(dir, READ_ONLY_FOLDER).catch(() => undefined);
      }
    });
    this.making = removed.catch(() => undefined);
    await removed.catch(() => undefined);
  }
}
