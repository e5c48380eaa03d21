// Finds the shared real recordings beside the project, whether the tests run compiled from dist/ or
// through tsx from test/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RealLogEntry {
  id: string;
  events: number;
  event_counts: Record<string, number>;
  /** Absolute path of the python-evtx XML rendering. */
  xmlPath: string;
}

export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the test file');
    dir = parent;
  }
  return dir;
}

export const realLogsDir = path.join(projectRoot(), '..', 'shared', 'real-logs');

export const NEEDS_SHARED: string | false = existsSync(path.join(realLogsDir, 'manifest.json'))
  ? false
  : `needs ${realLogsDir}: the team's reference logs are only on its machines and CI`;

/** The recordings, or none where ../shared is absent (the tests that use them are then skipped). */
export function realLogEntries(): RealLogEntry[] {
  if (NEEDS_SHARED !== false) return [];
  const manifest = JSON.parse(readFileSync(path.join(realLogsDir, 'manifest.json'), 'utf8')) as {
    entries: Array<{
      id: string;
      events: number;
      event_counts: Record<string, number>;
      files: { path: string }[];
    }>;
  };
  return manifest.entries.flatMap((entry) =>
    entry.files
      .filter((file) => file.path.endsWith('.xml'))
      .map((file) => ({
        id: entry.id,
        events: entry.events,
        event_counts: entry.event_counts,
        xmlPath: path.join(realLogsDir, file.path),
      })),
  );
}

export function realLog(id: string): RealLogEntry {
  const entry = realLogEntries().find((e) => e.id === id);
  if (entry === undefined) throw new Error(`no real log ${id} in the manifest`);
  return entry;
}
