#!/usr/bin/env node
// Launcher for the compiled CLI. `npm ci` builds dist/ (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/electron/engine/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('accountscope: not built yet; run `npm run build` in the project folder first.');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
