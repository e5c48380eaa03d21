// Where an Electron binary is on this machine, if anywhere: the launcher (scripts/start.mjs) and the
// Electron end-to-end test use this on plain Node. The `electron` npm package is not a dependency here
// (its install downloads the binary, impossible offline), so a binary comes from ELECTRON_OVERRIDE_DIST_PATH
// or from an `electron` package someone installed where downloads work.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronLookup = { found: true; path: string } | { found: false; reason: string };

/** The executable's path inside an Electron dist folder, per platform (as the electron package names it). */
export function executableInDist(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return join('Electron.app', 'Contents', 'MacOS', 'Electron');
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

export function findElectron(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): ElectronLookup {
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const path = join(override, executableInDist(platform));
    return existsSync(path)
      ? { found: true, path }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` };
  }
  const pkg = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (existsSync(pathFile)) {
    const path = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(path)) return { found: true, path };
    return { found: false, reason: `the electron package is installed but its binary ${path} is missing` };
  }
  return {
    found: false,
    reason:
      'no ELECTRON_OVERRIDE_DIST_PATH and no installed electron package (its binary cannot be downloaded offline)',
  };
}
