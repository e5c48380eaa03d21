// `npm run bench`: writes (or reuses) the deterministic synthetic corpus in bench-data/, then measures
// for each input the import speed and peak memory next to the raw-read and decode floors, the whole
// corpus in one import, and the analytics on the resulting case.
//   npm run bench -- [--events N] [--signins N] [--skip-analytics] [--corpus DIR] [--merge-copies N]
// --corpus reads an already written corpus folder (corpus-<events>-<signins>-<seed>, with its evtx/) in
// place, e.g. another checkout's bench-data, instead of writing one here; cases still go to bench-data/.
// Each file's own case is kept for the merge bench: the cases merged into one, as analysts who split the
// evidence would merge theirs. --merge-copies N also merges N copies of the whole case (their files'
// hashes made distinct, so nothing is deduplicated): N cases of the whole corpus's size.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBenchCorpus } from './corpus.js';
import { decodeMBps, rawReadMBps, sniffEncoding } from './floors.js';
import { benchEvtx } from './evtxBench.js';
import { benchWholeProcess } from './wholeProcess.js';
import { DEFAULT_MEMORY_LIMIT, IMPORT_OPTIONS } from '../electron/engine/store/openCase.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    signins: { type: 'string', default: '500000' },
    seed: { type: 'string', default: '1612' },
    'skip-analytics': { type: 'boolean', default: false },
    corpus: { type: 'string' },
    'merge-copies': { type: 'string', default: '0' },
  },
});
const spec = {
  windowsEvents: Number(values.events),
  signins: Number(values.signins),
  seed: Number(values.seed),
};
const dataDir = join(root, 'bench-data');
const corpusDir = values.corpus ?? join(dataDir, `corpus-${spec.windowsEvents}-${spec.signins}-${spec.seed}`);
const marker = join(corpusDir, 'corpus.json');
/** The Windows files' events again as binary .evtx (see evtxBench.ts). */
const evtxDir = join(corpusDir, 'evtx');

if (values.corpus !== undefined && (!existsSync(marker) || !existsSync(evtxDir)))
  throw new Error(`--corpus ${values.corpus}: no corpus.json and evtx/ there`);
if (!existsSync(marker) || !existsSync(evtxDir)) {
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  const t0 = performance.now();
  console.log(`writing corpus to ${corpusDir} …`);
  await writeBenchCorpus(corpusDir, { ...spec, evtxDir });
  writeFileSync(marker, JSON.stringify({ ...spec, writtenMs: performance.now() - t0 }));
}
const files = readdirSync(corpusDir)
  .filter((f) => f !== 'corpus.json' && statSync(join(corpusDir, f)).isFile())
  .sort()
  .map((f) => join(corpusDir, f));
const mb = (n: number) => (n / 1e6).toFixed(0);
const f1 = (n: number) => n.toFixed(1);

interface ImportFigures {
  ms: number;
  bytes: number;
  events: number;
  errors: number;
  maxRssBytes: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

function importInChild(casePath: string, inputs: string[], app = false): ImportFigures {
  rmSync(casePath, { force: true });
  rmSync(`${casePath}.wal`, { force: true });
  const mode = app ? ['--app'] : [];
  const r = spawnSync(process.execPath, [join(here, 'importOne.js'), ...mode, casePath, ...inputs], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ImportFigures;
}

console.log(`\ncorpus: ${spec.windowsEvents} Windows events, ${spec.signins} sign-ins (seed ${spec.seed})`);
console.log(
  `each import opens its case as \`accountscope import\` does (DuckDB memory limit ${IMPORT_OPTIONS.memoryLimit}, ` +
    `${IMPORT_OPTIONS.threads} thread)`,
);
console.log(
  'file'.padEnd(34) +
    'MB'.padStart(7) +
    'read MB/s'.padStart(11) +
    'decode MB/s'.padStart(13) +
    'import MB/s'.padStart(13) +
    'events/s'.padStart(11) +
    'peak RSS MB'.padStart(13) +
    'loop p99/max ms'.padStart(17),
);
const caseDir = join(dataDir, 'cases');
mkdirSync(caseDir, { recursive: true });
/** Each file's own case, merged at the end (mergeBench). */
const partCases: string[] = [];
for (const f of files) {
  const size = statSync(f).size;
  const read = await rawReadMBps(f);
  const dec = await decodeMBps(f, await sniffEncoding(f));
  const part = join(caseDir, `part-${partCases.length + 1}.duckdb`);
  partCases.push(part);
  const im = importInChild(part, [f]);
  console.log(
    f.slice(corpusDir.length + 1).padEnd(34) +
      mb(size).padStart(7) +
      f1(read).padStart(11) +
      f1(dec).padStart(13) +
      f1(im.bytes / 1e6 / (im.ms / 1000)).padStart(13) +
      Math.round(im.events / (im.ms / 1000))
        .toString()
        .padStart(11) +
      mb(im.maxRssBytes).padStart(13) +
      `${f1(im.loopDelayP99Ms)}/${f1(im.loopDelayMaxMs)}`.padStart(17) +
      (im.errors ? `  ${im.errors} errors!` : ''),
  );
}

benchEvtx({ corpusDir, evtxDir, caseDir, importInChild, log: (line) => console.log(line) });
const serversXml = files.find((f) => f.endsWith('wef-servers.xml'));
if (serversXml)
  benchWholeProcess({ wevtutilFile: serversXml, workDir: join(dataDir, 'whole-process'), runs: 3 });

/** Merges the cases in a child process as `accountscope merge` does, prints its figures, removes the cases. */
function mergeBench(cases: string[], what: string): void {
  const r = spawnSync(
    process.execPath,
    [join(here, 'mergeOne.js'), join(caseDir, 'merged.duckdb'), ...cases],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  for (const c of cases) rmSync(c, { force: true });
  if (r.status !== 0) {
    console.log(`merge bench failed: ${r.stderr}`);
    return;
  }
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    cases: number;
    bytesIn: number;
    rows: number;
    seconds: number;
    copySeconds: number;
    analyticsSeconds: number;
    cpuSeconds: number;
    peakRssMb: number;
  };
  console.log(
    `\nmerge ${m.cases} cases (${what}; ${(m.bytesIn / 1e9).toFixed(2)} GB) into one: ${m.rows} rows in ` +
      `${f1(m.seconds)} s = copy ${f1(m.copySeconds)} s (${Math.round(m.rows / m.copySeconds)} rows/s, ` +
      `${f1(m.bytesIn / 1e6 / m.copySeconds)} MB/s of case) + analytics across every host ${f1(m.analyticsSeconds)} s; ` +
      `${f1(m.cpuSeconds)} CPU-s, peak RSS ${m.peakRssMb} MB`,
  );
}

/** `n` copies of a case whose evidence files' hashes are made distinct, so a merge keeps every row. */
async function distinctCopies(casePath: string, n: number): Promise<string[]> {
  const { openCase } = await import('../electron/engine/store/openCase.js');
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const copy = join(caseDir, `copy-${i}.duckdb`);
    copyFileSync(casePath, copy);
    const db = await openCase(copy, { memoryLimit: '64MB', threads: 1 });
    await db.conn.run('UPDATE sources SET sha256 = sha256(sha256 || $i)', { i: String(i) });
    db.close();
    out.push(copy);
  }
  return out;
}

function wholeCorpus(label: string, all: ImportFigures): void {
  console.log(
    `${label}: ${mb(all.bytes)} MB, ${all.events} records in ${f1(all.ms / 1000)} s ` +
      `= ${f1(all.bytes / 1e6 / (all.ms / 1000))} MB/s, ${Math.round(all.events / (all.ms / 1000))} records/s, ` +
      `peak RSS ${mb(all.maxRssBytes)} MB, event-loop delay p99 ${f1(all.loopDelayP99Ms)} ms / max ${f1(all.loopDelayMaxMs)} ms` +
      (all.errors ? `, ${all.errors} errors!` : ''),
  );
}

const fullCase = join(caseDir, 'full.duckdb');
console.log('');
const wholeImport = importInChild(fullCase, files);
wholeCorpus('whole corpus in one case', wholeImport);
// The same import as the app runs it: the session's DuckDB limit, a background job polled by the UI.
const appCase = join(caseDir, 'app.duckdb');
wholeCorpus(
  `the same through the app (session limit ${DEFAULT_MEMORY_LIMIT})`,
  importInChild(appCase, files, true),
);
rmSync(appCase, { force: true });

const analyticsBench = join(here, 'analyticsOne.js');
if (!values['skip-analytics'] && existsSync(analyticsBench)) {
  // After the first analysis the child imports one more file (a host the corpus does not have, from the
  // sample case) and analyses again: the second figure is what a responder waits for after adding a file.
  const oneMore = join(here, '..', '..', 'sample-logs', 'evidence', 'ADM01-Security-ps.xml');
  const r = spawnSync(process.execPath, [analyticsBench, fullCase, oneMore], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) console.log(`analytics bench failed: ${r.stderr}`);
  else process.stdout.write(r.stdout);
  // The case keeps its derived tables: a new process analysing the unchanged case (the app reopened, a
  // threshold changed, `accountscope analyze` again) runs the analytics alone.
  console.log('\nthe same case analysed again by a new process:');
  const again = spawnSync(process.execPath, [analyticsBench, fullCase], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (again.status !== 0) console.log(`analytics bench failed: ${again.stderr}`);
  else process.stdout.write(again.stdout);
}
const screensBench = join(here, 'screensOne.js');
if (!values['skip-analytics'] && existsSync(screensBench)) {
  const r = spawnSync(process.execPath, [screensBench, fullCase], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) console.log(`screens bench failed: ${r.stderr}`);
  else process.stdout.write(r.stdout);
}
// The event grid's interactions on the same case (issue 13: each under 200 ms engine side).
const gridBench = join(here, 'gridOne.js');
if (existsSync(gridBench)) {
  const r = spawnSync(process.execPath, [gridBench, fullCase], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) console.log(`grid bench failed: ${r.stderr}`);
  else process.stdout.write(r.stdout);
  // The same grid in Chromium, from a user's action to the rows drawn.
  const b = spawnSync(process.execPath, [join(here, 'gridBrowser.js'), fullCase], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (b.status !== 0) console.log(`grid browser bench failed: ${b.stderr}`);
  else process.stdout.write(b.stdout);
}
// Exports of the whole case (issue 15's target: Parquet at least as fast as the import of the same events).
const exportBench = join(here, 'exportOne.js');
if (existsSync(exportBench)) {
  const r = spawnSync(process.execPath, [exportBench, fullCase, caseDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) console.log(`export bench failed: ${r.stderr}`);
  else {
    const importRate = wholeImport.events / (wholeImport.ms / 1000);
    console.log('');
    for (const line of r.stdout.trim().split('\n')) {
      const e = JSON.parse(line) as {
        export: string;
        seconds: number;
        records: number;
        bytes: number;
        peakRssMb: number;
      };
      const rate = e.records / e.seconds;
      console.log(
        `export ${e.export.padEnd(10)} ${e.records} records in ${f1(e.seconds)} s = ${Math.round(rate)} records/s ` +
          `(${f1(rate / importRate)}x the import's ${Math.round(importRate)}), ${mb(e.bytes)} MB written, ` +
          `peak RSS ${e.peakRssMb} MB` +
          (e.export === 'parquet' ? (rate >= importRate ? '  target met' : '  target NOT met') : ''),
      );
    }
  }
}
// The same exports from the app, on the case it holds open: a snapshot for Parquet, progress polled.
const appTasksBench = join(here, 'appTasksOne.js');
if (existsSync(appTasksBench)) {
  const r = spawnSync(process.execPath, [appTasksBench, fullCase, caseDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) console.log(`app tasks bench failed: ${r.stderr}`);
  else
    for (const line of r.stdout.trim().split('\n')) {
      const e = JSON.parse(line) as {
        task: string;
        seconds: number;
        records: number;
        progressUpdates: number;
        longestGapS: number | null;
        longestGapStep: string | null;
        caseInfoMedianMs: number | null;
        caseInfoMaxMs: number | null;
        peakRssMb: number;
      };
      console.log(
        `app export ${e.task.padEnd(10)} ${e.records} records in ${f1(e.seconds)} s = ` +
          `${Math.round(e.records / e.seconds)} records/s, ${e.progressUpdates} progress updates ` +
          `(longest still ${e.longestGapS === null ? '-' : `${f1(e.longestGapS)} s, at ${e.longestGapStep}`}), ` +
          `caseInfo meanwhile ` +
          `${Math.round(e.caseInfoMedianMs ?? 0)} ms median, ${Math.round(e.caseInfoMaxMs ?? 0)} ms max, ` +
          `peak RSS ${e.peakRssMb} MB`,
      );
    }
}
mergeBench(partCases, 'one per corpus file');
const copies = Number(values['merge-copies']);
if (copies >= 2) mergeBench(await distinctCopies(fullCase, copies), 'copies of the whole case');

const written = JSON.parse(readFileSync(marker, 'utf8')) as { writtenMs: number };
console.log(
  `\n(corpus written once in ${f1(written.writtenMs / 1000)} s; reused until its parameters change)`,
);
