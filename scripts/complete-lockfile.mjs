// Run after any `npm install` that changes package-lock.json.
//
// The registry reachable from this workplace serves only the packages for this platform, so npm writes a
// lock file without the other platforms' optional binaries (@duckdb/node-bindings-darwin-arm64,
// @rollup/rollup-win32-x64-msvc, …) — and `npm ci` then refuses that lock as out of sync with
// package.json. This adds the missing entries the way npm records them on a full registry: name,
// version, `optional`, and the os/cpu/libc read from the package name, so npm skips them on every
// other platform and fetches them by version where they apply.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const OSES = [
  'darwin',
  'linux',
  'win32',
  'freebsd',
  'openbsd',
  'netbsd',
  'android',
  'openharmony',
  'sunos',
  'aix',
];
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x'];

let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const parts = dep.split('/').pop().split('-');
    const os = OSES.find((o) => parts.includes(o));
    const cpu = CPUS.find((c) => parts.includes(c));
    if (!os) {
      console.warn(`skipped ${dep}: no platform in its name; add it by hand`);
      continue;
    }
    const record = { version: range.replace(/^[~^]/, ''), optional: true, os: [os] };
    if (cpu) record.cpu = [cpu];
    if (parts.includes('musl')) record.libc = ['musl'];
    else if (os === 'linux' && parts.includes('gnu')) record.libc = ['glibc'];
    lock.packages[key] = record;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entr${added === 1 ? 'y' : 'ies'} added`);
