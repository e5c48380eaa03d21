// Where an Electron binary is on this machine, if anywhere: the launcher (scripts/start.mjs) and the
// Electron end-to-end test use this on plain Node. `electron` is an optional dependency: it installs with
// its binary where the download works and Node is new enough for it, and npm leaves it out otherwise
// (offline, Node older than it asks for); ELECTRON_OVERRIDE_DIST_PATH names an Electron build instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronLookup =
  | { found: true; path: string }
  /** `reason` is the technical one; `plain` says it in a few words for the line `npm start` prints. */
  | { found: false; reason: string; plain: string };

/** The oldest Node the pinned electron package installs on (its package.json `engines`). */
export const ELECTRON_MIN_NODE = '22.12.0';

/** The executable's path inside an Electron dist folder, per platform (as the electron package names it). */
export function executableInDist(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return join('Electron.app', 'Contents', 'MacOS', 'Electron');
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/** a < b for dotted version numbers. */
export function versionBelow(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

export function findElectron(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  nodeVersion = process.versions.node,
): ElectronLookup {
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const path = join(override, executableInDist(platform));
    return existsSync(path)
      ? { found: true, path }
      : {
          found: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist`,
          plain: 'ELECTRON_OVERRIDE_DIST_PATH names no Electron build',
        };
  }
  const pkg = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (existsSync(pathFile)) {
    const path = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(path)) return { found: true, path };
    return {
      found: false,
      reason: `the electron package is installed but its binary ${path} is missing`,
      plain: 'its download did not finish; `npm ci` again online fetches it',
    };
  }
  if (existsSync(join(pkg, 'package.json')))
    return {
      found: false,
      reason: 'the electron package is installed but its install script never fetched the binary',
      plain: 'its download never ran; `npm ci` again online fetches it',
    };
  const oldNode = versionBelow(nodeVersion, ELECTRON_MIN_NODE);
  return {
    found: false,
    reason: oldNode
      ? `no installed electron package: it needs Node >= ${ELECTRON_MIN_NODE} and this is ${nodeVersion}`
      : 'no installed electron package (its binary cannot be downloaded offline) and no ELECTRON_OVERRIDE_DIST_PATH',
    plain: oldNode
      ? `it needs Node ${ELECTRON_MIN_NODE} or newer, this is Node ${nodeVersion}`
      : 'offline install',
  };
}

/** The one line `npm start` prints when it falls back to the browser. */
export function browserFallbackLine(lookup: ElectronLookup & { found: false }): string {
  return `The desktop window is not installed on this machine (${lookup.plain}); opening AccountScope in your browser instead.`;
}
