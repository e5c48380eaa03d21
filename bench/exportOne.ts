// Child process of the bench: exports a case as Parquet and as a Timesketch timeline (as
// `accountscope export` does) and prints one JSON line per export: seconds, records, bytes written and
// this process's peak RSS so far. `node dist/bench/exportOne.js CASE WORKDIR` runs it alone.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportParquet } from '../electron/engine/export/parquet.js';
import { exportTimesketch } from '../electron/engine/export/timesketch.js';
import { openCase } from '../electron/engine/store/openCase.js';

const [casePath, workDir] = process.argv.slice(2);
if (!casePath || !workDir) throw new Error('usage: exportOne CASE WORKDIR');

function sizeOf(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, e) => n + sizeOf(join(path, e)), 0);
}
const rssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

const parquetDir = join(workDir, 'export-parquet');
rmSync(parquetDir, { recursive: true, force: true });
let t = performance.now();
const manifest = await exportParquet(casePath, parquetDir);
// The raw XML/JSON is left out, as `accountscope export --parquet` leaves it out by default.
const records = manifest.tables
  .filter((x) => ['win_events', 'signins', 'audits'].includes(x.name))
  .reduce((n, x) => n + x.rows, 0);
console.log(
  JSON.stringify({
    export: 'parquet',
    seconds: (performance.now() - t) / 1000,
    records,
    bytes: sizeOf(parquetDir),
    peakRssMb: rssMb(),
  }),
);
rmSync(parquetDir, { recursive: true, force: true });

const file = join(workDir, 'export-timeline.jsonl');
t = performance.now();
const db = await openCase(casePath, { readOnly: true });
try {
  const counts = await exportTimesketch(db.conn, file);
  console.log(
    JSON.stringify({
      export: 'timesketch',
      seconds: (performance.now() - t) / 1000,
      records: counts.winEvents + counts.signins + counts.audits,
      bytes: counts.bytes,
      peakRssMb: rssMb(),
    }),
  );
} finally {
  db.close();
  rmSync(file, { force: true });
}
