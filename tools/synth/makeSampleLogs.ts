// CLI: regenerates the committed sample case.
//   node dist/tools/synth/makeSampleLogs.js [outDir]   (default: <project>/sample-logs)
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSampleCase } from './sample/writeSampleCase.js';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above this script');
    dir = up;
  }
  return dir;
}

const outDir = process.argv[2] ? resolve(process.argv[2]) : join(projectRoot(), 'sample-logs');
const written = writeSampleCase(outDir);
const total = written.reduce((n, f) => n + f.bytes, 0);
// Plain stdout: this is a command-line tool, and the lint rule against console is for the engine.
for (const f of written) process.stdout.write(`${f.name.padEnd(40)} ${String(f.bytes).padStart(10)}\n`);
process.stdout.write(`${written.length} files, ${(total / 1e6).toFixed(1)} MB in ${outDir}\n`);
