// Text output that is encoded and written in large chunks. The bench writes gigabytes, so text is
// batched into ~1 MB pieces before Buffer.from and writeSync; the sample case writes to memory first
// so a file is only replaced when it is complete.
import { closeSync, openSync, writeSync } from 'node:fs';

export type TextEncoding = 'utf8' | 'utf16le';

const FLUSH_CHARS = 1 << 20;

export class TextSink {
  private pending: string[] = [];
  private pendingChars = 0;
  private written = 0;

  constructor(
    private readonly emit: (chunk: Buffer) => void,
    readonly encoding: TextEncoding,
    withBom: boolean,
  ) {
    if (withBom)
      this.emitBuffer(encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xef, 0xbb, 0xbf]));
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.emitBuffer(Buffer.from(text, this.encoding));
  }

  /** Bytes handed on so far (call flush first for an exact figure). */
  get bytesWritten(): number {
    return this.written;
  }

  private emitBuffer(chunk: Buffer): void {
    this.written += chunk.length;
    this.emit(chunk);
  }
}

/** A sink that writes straight to a file; close() flushes and closes it. */
export function openFileSink(
  path: string,
  encoding: TextEncoding,
  withBom: boolean,
): TextSink & { close(): void } {
  const fd = openSync(path, 'w');
  const sink = new TextSink(
    (chunk) => {
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(fd, chunk, offset);
    },
    encoding,
    withBom,
  );
  return Object.assign(sink, {
    close(): void {
      sink.flush();
      closeSync(fd);
    },
  });
}

/** A sink that collects bytes in memory; contents() flushes and returns them. */
export function openMemorySink(encoding: TextEncoding, withBom: boolean): TextSink & { contents(): Buffer } {
  const chunks: Buffer[] = [];
  const sink = new TextSink((chunk) => chunks.push(chunk), encoding, withBom);
  return Object.assign(sink, {
    contents(): Buffer {
      sink.flush();
      return Buffer.concat(chunks);
    },
  });
}
