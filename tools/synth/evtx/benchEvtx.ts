// The bench corpus's Windows files as binary .evtx: the same events its XML exports hold, so the bench
// can time .evtx import against XML import on identical data. Either tee the XML writer's events into
// openBenchEvtxFile (one simulation pass), or hand writeBenchEvtxFile the events of a fresh simulation of
// the same group (host simulations are seeded by name, so they replay identically).
import { join } from 'node:path';
import type { BenchFileResult, BenchWindowsFile } from '../benchCorpus/benchWindows.js';
import type { WinEvent } from '../windows/winEvent.js';
import { EvtxFileWriter } from './evtxFileWriter.js';

/** "wef-servers.xml" → "wef-servers.evtx". */
export function benchEvtxName(xmlName: string): string {
  return `${xmlName.replace(/\.xml$/i, '')}.evtx`;
}

export interface BenchEvtxFile {
  write(ev: WinEvent): void;
  /** Closes the file and reports it as the bench reports its other files. */
  finish(): BenchFileResult;
}

/** Opens `<name>.evtx` beside the XML export named `file.name`. */
export function openBenchEvtxFile(dir: string, file: Pick<BenchWindowsFile, 'name'>): BenchEvtxFile {
  const name = benchEvtxName(file.name);
  const writer = new EvtxFileWriter(join(dir, name));
  return {
    write: (ev) => writer.write(ev),
    finish: () => {
      const summary = writer.close();
      return { name, events: summary.events, bytes: summary.bytes };
    },
  };
}

/** Writes the first `file.quota` of `events` to `<name>.evtx` in `dir`. */
export function writeBenchEvtxFile(
  dir: string,
  file: Pick<BenchWindowsFile, 'name' | 'quota'>,
  events: Iterable<WinEvent>,
): BenchFileResult {
  const out = openBenchEvtxFile(dir, file);
  let written = 0;
  for (const ev of events) {
    if (written >= file.quota) break;
    out.write(ev);
    written++;
  }
  return out.finish();
}
