// Which case a launch of the app names: `--case=PATH` or `--case PATH` (npm start, the tests), or a bare
// `.duckdb` path, which is how the OS hands over a case file opened with the app (a double-click, "Open
// with", the file dropped on the app's icon). A second launch while the app runs passes its argv and
// working folder to the first (app 'second-instance'), so relative paths resolve against that folder.
import { isAbsolute, resolve } from 'node:path';

/** The case a command line names, as an absolute path; null when it names none. */
export function casePathFromArgs(argv: readonly string[], cwd = process.cwd()): string | null {
  const flag = argv.findIndex((a) => a === '--case' || a.startsWith('--case='));
  let path: string | undefined;
  if (flag >= 0)
    path = argv[flag]!.startsWith('--case=') ? argv[flag]!.slice('--case='.length) : argv[flag + 1];
  // argv[0] is the executable; a bare case file is any later argument that is not a switch.
  else path = argv.slice(1).find((a) => !a.startsWith('-') && /\.duckdb$/i.test(a));
  if (!path || path.includes('\0')) return null;
  return isAbsolute(path) ? path : resolve(cwd, path);
}
