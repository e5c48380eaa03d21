// Compiles the engine, shell, shared contract and tests to dist/, copies the analytics' .sql files
// beside their compiled modules, and builds the renderer with Vite when it exists.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) copyAssets(p);
    else if (name.endsWith('.sql')) {
      const out = join(root, 'dist', relative(root, p));
      mkdirSync(dirname(out), { recursive: true });
      cpSync(p, out);
    }
  }
}

function testFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) testFiles(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/**
 * The renderer's unit tests import renderer modules, which are written for a bundler (extensionless
 * imports, DOM types), so Node cannot load them as tsc emits them. They are type-checked with the
 * renderer's settings and bundled by Vite, one file per test, into dist/test/unit/renderer/ where
 * run-tests.mjs finds them beside the others.
 */
async function buildRendererTests() {
  const testsDir = join(root, 'test', 'unit', 'renderer');
  if (!existsSync(testsDir)) return;
  run(bin('tsc'), ['-p', join('test', 'unit', 'renderer', 'tsconfig.json'), '--noEmit']);
  const input = Object.fromEntries(
    testFiles(testsDir).map((p) => [relative(testsDir, p).replace(/\.test\.ts$/, ''), p]),
  );
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      // SSR output is for Node: node: built-ins and packages stay imports, renderer sources are inlined.
      ssr: true,
      outDir: join(root, 'dist', 'test', 'unit', 'renderer'),
      emptyOutDir: true,
      sourcemap: true,
      rollupOptions: {
        input,
        output: { format: 'es', entryFileNames: '[name].test.js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}

run(bin('tsc'), ['-p', 'tsconfig.json']);
copyAssets(join(root, 'electron'));
// Test fixtures that are analytics in their own folders (test/fixtures/analytics) carry .sql files too.
copyAssets(join(root, 'test', 'fixtures'));
if (existsSync(join(root, 'renderer', 'vite.config.ts')) && !process.argv.includes('--no-renderer')) {
  run(bin('tsc'), ['-p', 'renderer/tsconfig.json', '--noEmit']);
  run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  await buildRendererTests();
}
