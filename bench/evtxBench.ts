// The .evtx rows of the bench: the corpus's Windows files written again as binary .evtx (the same
// events, by tools/synth/evtx), each parsed by one worker and imported as `accountscope import` does,
// side by side with its XML twin in the same run; every .evtx in one case (peak memory); a triage
// collection's worth of empty channel logs; and one big .evtx imported on one core and on two.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvtxFileWriter } from '../tools/synth/evtx/evtxFileWriter.js';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '..', '..', 'bin', 'accountscope.js');

export interface ImportFiguresLike {
  ms: number;
  bytes: number;
  events: number;
  errors: number;
  maxRssBytes: number;
}

interface ParseFigures {
  mbPerCpuSecond: number;
  eventsPerCpuSecond: number;
}

function parseOne(path: string): ParseFigures {
  const r = spawnSync(process.execPath, [join(here, 'parseOne.js'), path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`parse bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ParseFigures;
}

/** The whole `accountscope import` process, wall seconds (optionally pinned with taskset). */
function cliImport(inputs: string[], casePath: string, cores?: string): { seconds: number; status: number } {
  for (const suffix of ['', '.wal']) spawnSync('rm', ['-f', `${casePath}${suffix}`]);
  const argv = [CLI, 'import', ...inputs, '--case', casePath];
  const t0 = performance.now();
  const r =
    cores === undefined
      ? spawnSync(process.execPath, argv, { stdio: 'ignore' })
      : spawnSync('taskset', ['-c', cores, process.execPath, ...argv], { stdio: 'ignore' });
  return { seconds: (performance.now() - t0) / 1000, status: r.status ?? -1 };
}

/** 300 empty channel logs as a collection holds them (file header and one unused chunk each). */
function writeEmptyCollection(dir: string): string {
  const logs = join(dir, 'C', 'Windows', 'System32', 'winevt', 'Logs');
  if (existsSync(logs)) return dir;
  mkdirSync(logs, { recursive: true });
  for (let i = 0; i < 300; i++) {
    const path = join(logs, `Microsoft-Windows-Channel${String(i).padStart(3, '0')}%4Operational.evtx`);
    const writer = new EvtxFileWriter(path, { firstRecordId: 1 + i * 1000 });
    writer.close();
    writeFileSync(path, Buffer.alloc(65536), { flag: 'a' });
  }
  return dir;
}

const f1 = (n: number): string => n.toFixed(1);
const mb = (n: number): string => (n / 1e6).toFixed(0);

export function benchEvtx(opts: {
  corpusDir: string;
  evtxDir: string;
  caseDir: string;
  importInChild: (casePath: string, inputs: string[]) => ImportFiguresLike;
  log: (line: string) => void;
}): void {
  const { log } = opts;
  const evtxFiles = readdirSync(opts.evtxDir)
    .filter((f) => f.endsWith('.evtx'))
    .sort()
    .map((f) => join(opts.evtxDir, f));
  log('\n.evtx against XML: the same events, one worker parsing (CPU time), and imported as the CLI does');
  log(
    'file'.padEnd(30) +
      'MB'.padStart(6) +
      'parse MB/s'.padStart(12) +
      'parse ev/s'.padStart(12) +
      'import ev/s'.padStart(13) +
      'XML ev/s'.padStart(10) +
      'evtx/XML'.padStart(10) +
      'RSS MB'.padStart(8),
  );
  for (const evtx of evtxFiles) {
    const xml = join(opts.corpusDir, `${basename(evtx, '.evtx')}.xml`);
    const parsed = parseOne(evtx);
    const im = opts.importInChild(join(opts.caseDir, 'evtx.duckdb'), [evtx]);
    const twin = existsSync(xml) ? opts.importInChild(join(opts.caseDir, 'xml.duckdb'), [xml]) : null;
    const rate = im.events / (im.ms / 1000);
    const xmlRate = twin ? twin.events / (twin.ms / 1000) : NaN;
    log(
      basename(evtx).padEnd(30) +
        mb(statSync(evtx).size).padStart(6) +
        f1(parsed.mbPerCpuSecond).padStart(12) +
        Math.round(parsed.eventsPerCpuSecond).toString().padStart(12) +
        Math.round(rate).toString().padStart(13) +
        Math.round(xmlRate).toString().padStart(10) +
        `${f1(rate / xmlRate)}x`.padStart(10) +
        mb(im.maxRssBytes).padStart(8) +
        (im.errors ? `  ${im.errors} errors!` : ''),
    );
  }
  const all = opts.importInChild(join(opts.caseDir, 'evtx-all.duckdb'), evtxFiles);
  log(
    `every .evtx in one case: ${mb(all.bytes)} MB, ${all.events} events in ${f1(all.ms / 1000)} s = ` +
      `${Math.round(all.events / (all.ms / 1000))} events/s, peak RSS ${mb(all.maxRssBytes)} MB`,
  );

  const collection = writeEmptyCollection(join(opts.caseDir, '..', 'collection-300-empty'));
  const empty = cliImport([collection], join(opts.caseDir, 'collection.duckdb'));
  log(
    `a collection of 300 empty channel logs, whole \`accountscope import\` process: ${f1(empty.seconds)} s`,
  );

  const biggest = evtxFiles.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  const one = cliImport([biggest], join(opts.caseDir, 'cores.duckdb'), '0');
  const two = cliImport([biggest], join(opts.caseDir, 'cores.duckdb'), '0,1');
  const size = statSync(biggest).size;
  log(
    `${basename(biggest)} (${mb(size)} MB), whole process: 1 core ${f1(one.seconds)} s ` +
      `(${f1(size / 1e6 / one.seconds)} MB/s), 2 cores ${f1(two.seconds)} s (${f1(size / 1e6 / two.seconds)} MB/s)`,
  );
}
