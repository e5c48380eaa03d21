// A one-line progress bar on stderr, drawn only when stderr is a terminal (never in CI logs or pipes).
import { basename } from 'node:path';
import type { ImportProgress } from '../import/importer.js';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export class ProgressBar {
  private last = 0;
  private drawn = false;
  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return Boolean(this.out.isTTY);
  }

  /** A terminal may report 0 columns (a pty with no size, such as `script`'s): assume a narrow one. */
  private get columns(): number {
    return Math.max(40, this.out.columns || 80);
  }

  /** True at most ten times a second, and only on a terminal: drawing more often only costs. */
  private due(): boolean {
    if (!this.enabled) return false;
    const now = Date.now();
    if (now - this.last < 100) return false;
    this.last = now;
    return true;
  }

  private write(line: string): void {
    const cols = this.columns;
    this.out.write(`\r${line.slice(0, cols - 1).padEnd(cols - 1)}`);
    this.drawn = true;
  }

  /** One line in place of the last, cut to the terminal's width. */
  draw(line: string): void {
    if (this.due()) this.write(line);
  }

  /** An import's file, its bar, bytes and speed. */
  update(p: ImportProgress): void {
    if (!this.due()) return;
    const width = 24;
    const frac = p.size > 0 ? Math.min(1, p.bytesRead / p.size) : 0;
    const filled = Math.round(frac * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    this.write(
      `[${p.fileIndex + 1}/${p.fileCount}] [${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ` +
        `${formatBytes(p.bytesRead)}/${formatBytes(p.size)} ${Math.round(p.eventsPerSec)} ev/s  ${basename(p.path)}`,
    );
  }

  clear(): void {
    if (!this.drawn) return;
    this.out.write(`\r${' '.repeat(this.columns - 1)}\r`);
    this.drawn = false;
  }
}
