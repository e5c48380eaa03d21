// The CLI says what it removed of the temporary files that stopped runs left (store/scratchFiles.ts), one
// line each on stderr, above any progress bar.
import { describeLeftovers, type Leftover } from '../store/scratchFiles.js';
import type { ProgressBar } from './progressBar.js';

export function printLeftovers(bar: ProgressBar | null, removed: readonly Leftover[]): void {
  if (removed.length === 0) return;
  bar?.clear();
  for (const line of describeLeftovers(removed)) process.stderr.write(`accountscope: ${line}\n`);
}
