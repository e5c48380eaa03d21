// Where `npm start` finds the desktop window, and the one line it prints when it falls back to the
// browser: the optional electron package installed with its binary, an override, or why there is none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  browserFallbackLine,
  executableInDist,
  findElectron,
  versionBelow,
} from '../../../electron/main/findElectron.js';
import { tempDir } from '../../support/paths.js';

function lineFor(root: string, env: NodeJS.ProcessEnv, node: string): string {
  const found = findElectron(root, env, 'linux', node);
  assert.equal(found.found, false);
  return browserFallbackLine(found as Extract<typeof found, { found: false }>);
}

test('the installed package with its binary, or an override, opens the desktop window', (t) => {
  const { dir, cleanup } = tempDir('accountscope-find-electron-');
  t.after(cleanup);
  const pkg = join(dir, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{}');
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  writeFileSync(join(pkg, 'dist', 'electron'), '');
  assert.deepEqual(findElectron(dir, {}, 'linux', '22.12.0'), {
    found: true,
    path: join(pkg, 'dist', 'electron'),
  });

  const build = join(dir, 'electron-build');
  mkdirSync(join(build, 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
  writeFileSync(join(build, executableInDist('darwin')), '');
  assert.deepEqual(findElectron(join(dir, 'nowhere'), { ELECTRON_OVERRIDE_DIST_PATH: build }, 'darwin'), {
    found: true,
    path: join(build, 'Electron.app', 'Contents', 'MacOS', 'Electron'),
  });
});

test('without it, one plain line says why and that the browser opens instead', (t) => {
  const { dir, cleanup } = tempDir('accountscope-find-electron-');
  t.after(cleanup);
  assert.equal(
    lineFor(dir, {}, '22.14.0'),
    'The desktop window is not installed on this machine (offline install); opening AccountScope in your browser instead.',
  );
  assert.equal(
    lineFor(dir, {}, '20.20.2'),
    'The desktop window is not installed on this machine (it needs Node 22.12.0 or newer, this is Node 20.20.2); opening AccountScope in your browser instead.',
  );
  assert.match(
    lineFor(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'x') }, '22.14.0'),
    /ELECTRON_OVERRIDE_DIST_PATH names no Electron build/,
  );
  // The package without its binary: npm 12 skips install scripts that package.json's allowScripts does not name.
  mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), '{}');
  assert.match(lineFor(dir, {}, '22.14.0'), /its download never ran/);
});

test('versions compare by number, not as text', () => {
  assert.equal(versionBelow('20.20.2', '22.12.0'), true);
  assert.equal(versionBelow('22.9.0', '22.12.0'), true);
  assert.equal(versionBelow('22.12.0', '22.12.0'), false);
  assert.equal(versionBelow('24.1.0', '22.12.0'), false);
});
