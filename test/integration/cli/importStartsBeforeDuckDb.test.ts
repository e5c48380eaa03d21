// `accountscope import` starts its parse workers before DuckDB's modules load (0.2–0.5 s of them) and
// opens the case while they parse. That holds only while nothing the command loads up front imports
// DuckDB: a static import of it anywhere in that graph would quietly put the wait back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../support/paths.js';

const engine = join(projectRoot, 'dist', 'electron', 'engine');

function duckDbModulesLoadedBy(modules: string[]): string[] {
  const script = `
    import { createRequire } from 'node:module';
    for (const m of ${JSON.stringify(modules)}) await import(m);
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('@duckdb'));
    process.stdout.write(JSON.stringify(loaded));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as string[];
}

test('the import command, the importer and the parse worker load nothing of DuckDB up front', () => {
  const modules = ['cli/main.js', 'cli/importCommand.js', 'import/importer.js', 'import/caseOpener.js'];
  assert.deepEqual(duckDbModulesLoadedBy(modules.map((m) => join(engine, m))), []);
});

test('the check above can fail: the store module does load DuckDB', () => {
  assert.notDeepEqual(duckDbModulesLoadedBy([join(engine, 'store', 'openCase.js')]), []);
});
