// The cases opened lately, newest first, kept in a small JSON file in the user's data folder: File → Open
// Recent lists them, and each OS's own recent list (the Dock's, the taskbar's jump list) gets the same
// paths through app.addRecentDocument. No Electron here, so the rules are testable on plain Node: a path
// is listed once, the list is capped, a file that is gone is left out, and a damaged or foreign file
// reads as an empty list instead of stopping the app.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, normalize } from 'node:path';

/** Most cases remembered. */
export const MAX_RECENT_CASES = 10;

interface RecentFile {
  version: 1;
  cases: string[];
}

export class RecentCases {
  private cases: string[];

  constructor(
    private readonly file: string,
    private readonly exists: (path: string) => boolean = existsSync,
  ) {
    this.cases = readList(file);
  }

  /** The remembered cases whose files still exist, newest first. */
  list(): string[] {
    return this.cases.filter((p) => this.exists(p));
  }

  /** Puts a case at the top (moving it up if listed already) and saves the list. */
  add(path: string): void {
    if (!isAbsolute(path)) return;
    const p = normalize(path);
    this.cases = [p, ...this.cases.filter((c) => c !== p)].slice(0, MAX_RECENT_CASES);
    this.save();
  }

  clear(): void {
    this.cases = [];
    this.save();
  }

  private save(): void {
    const body: RecentFile = { version: 1, cases: this.cases };
    mkdirSync(dirname(this.file), { recursive: true });
    // Written aside and renamed, so a crash mid-write leaves the old list rather than half a file.
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`);
    renameSync(tmp, this.file);
  }
}

function readList(file: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const cases = (parsed as { cases?: unknown }).cases;
  if (!Array.isArray(cases)) return [];
  const seen = new Set<string>();
  for (const c of cases) {
    if (typeof c === 'string' && isAbsolute(c) && !c.includes('\0')) seen.add(normalize(c));
  }
  return [...seen].slice(0, MAX_RECENT_CASES);
}
