// Runs every compiled test under dist/test with Node's own test runner.
// Node 20 takes no glob on --test, so the files are collected here.
// Usage: node scripts/run-tests.mjs [unit|integration|e2e ...] [--filter substring]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const fi = args.indexOf('--filter');
const filter = fi >= 0 ? args.splice(fi, 2)[1] : undefined;
const suites = args.length ? args : ['unit', 'integration', 'e2e'];

// A compiled test whose source was moved or deleted is left behind in dist/ by tsc: it is not run.
function hasSource(compiled) {
  const source = join(root, compiled.slice(join(root, 'dist').length + 1)).replace(/\.js$/, '.ts');
  return existsSync(source);
}

function collect(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (name.endsWith('.test.js') && (!filter || p.includes(filter)) && hasSource(p)) out.push(p);
  }
  return out;
}

const files = suites.flatMap((s) => collect(join(root, 'dist', 'test', s), []));
if (files.length === 0) {
  console.error('no test files found: run `npm run build` first');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
