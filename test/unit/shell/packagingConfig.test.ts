// `npm run dist` needs the internet (electron-builder and Electron's release are downloaded), so it never
// runs here or in CI. This checks its configuration offline instead, so it cannot rot unnoticed: the
// YAML parses with no duplicate or unknown keys (electron-builder's documented configuration options,
// https://www.electron.build/configuration), the Electron version is the one package.json installs, every
// file pattern and unpacked path names something the build produces, and each platform's targets are
// ones electron-builder offers for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ELECTRON_MIN_NODE } from '../../../electron/main/findElectron.js';
import { projectRoot } from '../../support/paths.js';

type Config = Record<string, unknown>;
const config = load(readFileSync(join(projectRoot, 'build', 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } }>;
};

/** Top-level options of electron-builder's configuration (its documented Configuration interface). */
const KNOWN_KEYS = new Set([
  'appId',
  'productName',
  'copyright',
  'electronVersion',
  'electronDownload',
  'electronDist',
  'directories',
  'files',
  'extraFiles',
  'extraResources',
  'asar',
  'asarUnpack',
  'compression',
  'npmRebuild',
  'nodeGypRebuild',
  'buildDependenciesFromSource',
  'includeSubNodeModules',
  'removePackageScripts',
  'extraMetadata',
  'extends',
  'artifactName',
  'executableName',
  'icon',
  'buildVersion',
  'buildNumber',
  'protocols',
  'fileAssociations',
  'publish',
  'forceCodeSigning',
  'beforeBuild',
  'beforePack',
  'afterPack',
  'afterSign',
  'afterAllArtifactBuild',
  'linux',
  'deb',
  'rpm',
  'snap',
  'appImage',
  'flatpak',
  'pacman',
  'win',
  'nsis',
  'nsisWeb',
  'portable',
  'appx',
  'msi',
  'msiWrapped',
  'squirrelWindows',
  'mac',
  'mas',
  'dmg',
  'pkg',
]);
const TARGETS: Record<string, Set<string>> = {
  linux: new Set([
    'AppImage',
    'deb',
    'rpm',
    'snap',
    'flatpak',
    'pacman',
    'apk',
    'freebsd',
    'p5p',
    'zip',
    'tar.gz',
    'tar.xz',
    'tar.bz2',
    '7z',
    'dir',
  ]),
  win: new Set([
    'nsis',
    'nsis-web',
    'portable',
    'appx',
    'msi',
    'msiwrapped',
    'squirrel',
    'zip',
    '7z',
    'tar.gz',
    'dir',
  ]),
  mac: new Set(['dmg', 'pkg', 'mas', 'mas-dev', 'zip', '7z', 'tar.gz', 'dir']),
};

/** The part of a glob before its first wildcard, as a path that must exist. */
const staticPart = (pattern: string): string => pattern.split(/[*?{[]/)[0]!.replace(/\/$/, '');

test('the packaging config parses and uses only options electron-builder knows', () => {
  assert.equal(typeof config, 'object');
  const unknown = Object.keys(config).filter((k) => !KNOWN_KEYS.has(k));
  assert.deepEqual(
    unknown,
    [],
    `unknown top-level options in build/electron-builder.yml: ${unknown.join(', ')}`,
  );
  assert.match(String(config['appId']), /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/i, 'appId is reverse-DNS');
  assert.equal(config['productName'], 'AccountScope');
  assert.match(pkg.scripts['dist'] ?? '', /--config build\/electron-builder\.yml/);
});

test('it packages the Electron that package.json installs, and its install script is allowed', () => {
  const pinned = pkg.optionalDependencies?.['electron'];
  assert.match(pinned ?? '', /^\d+\.\d+\.\d+$/, 'electron is an optional dependency pinned to one version');
  assert.equal(String(config['electronVersion']), pinned);
  const locked = lock.packages['node_modules/electron'];
  assert.equal(locked?.version, pinned, 'package-lock.json holds the same electron');
  assert.equal(locked?.optional, true, 'and marks it optional, so an offline npm ci drops it');
  assert.equal(
    locked?.engines?.node?.replace(/^>=\s*/, ''),
    ELECTRON_MIN_NODE,
    'findElectron knows its Node floor',
  );
  // npm 12 runs a dependency's install script (electron's fetches its binary) only when allowScripts says so.
  assert.equal(pkg.allowScripts?.[`electron@${pinned}`], true);
});

test('every file pattern and unpacked path names something the build produces', () => {
  const files = config['files'] as string[];
  for (const pattern of files.filter((p) => !p.startsWith('!'))) {
    assert.ok(existsSync(join(projectRoot, staticPart(pattern))), `files: ${pattern} matches nothing`);
  }
  for (const pattern of config['asarUnpack'] as string[]) {
    assert.ok(existsSync(join(projectRoot, staticPart(pattern))), `asarUnpack: ${pattern} matches nothing`);
  }
  const main = (config['extraMetadata'] as { main: string }).main;
  assert.equal(main, pkg.main);
  assert.ok(existsSync(join(projectRoot, main)), `the packaged entry point ${main} is built`);
  assert.ok(
    existsSync(join(projectRoot, 'dist', 'electron', 'preload', 'preload.cjs')),
    'the preload is built',
  );
  assert.ok(existsSync(join(projectRoot, 'renderer-dist', 'index.html')), 'the page is built');
  // The DuckDB binding for this platform is what the package carries (build each OS on that OS).
  const bindings = readdirSync(join(projectRoot, 'node_modules', '@duckdb')).filter((d) =>
    d.startsWith(`node-bindings-${process.platform}-${process.arch}`),
  );
  assert.ok(bindings.length > 0, `no @duckdb/node-bindings for ${process.platform}-${process.arch}`);
});

test('each platform builds targets electron-builder offers there, and case files open in the app', () => {
  for (const [platform, offered] of Object.entries(TARGETS)) {
    const targets = (config[platform] as { target: Array<string | { target: string }> }).target;
    assert.ok(targets.length > 0, `${platform} has targets`);
    for (const t of targets) {
      const name = typeof t === 'string' ? t : t.target;
      assert.ok(offered.has(name), `${platform}: ${name} is not an electron-builder target`);
    }
  }
  assert.match(String((config['mac'] as { category: string }).category), /^public\.app-category\.[a-z-]+$/);
  const associations = config['fileAssociations'] as Array<{ ext: string }>;
  assert.ok(associations.some((a) => a.ext === 'duckdb'));
});
