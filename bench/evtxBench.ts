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

/** The targets of issue 10, which the bench prints its figures against. */
export const EVTX_TARGETS = {
  /** .evtx import events/s over the same events' XML import, in the same run. */
  evtxOverXml: 2,
  /** Parse-only MB of .evtx per CPU-second of one worker. */
  parseMBps: 80,
  /** Peak RSS for 2 GB of .evtx in one case. */
  rssBytesPer2GB: 1e9,
  /** A collection of 300 empty channel logs, whole process. */
  emptyCollectionSeconds: 3,
} as const;

const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
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
  const ratios: number[] = [];
  const parseRates: number[] = [];
  for (const evtx of evtxFiles) {
    const xml = join(opts.corpusDir, `${basename(evtx, '.evtx')}.xml`);
    const parsed = parseOne(evtx);
    const im = opts.importInChild(join(opts.caseDir, 'evtx.duckdb'), [evtx]);
    const twin = existsSync(xml) ? opts.importInChild(join(opts.caseDir, 'xml.duckdb'), [xml]) : null;
    const rate = im.events / (im.ms / 1000);
    const xmlRate = twin ? twin.events / (twin.ms / 1000) : NaN;
    if (twin) ratios.push(rate / xmlRate);
    parseRates.push(parsed.mbPerCpuSecond);
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
  const T = EVTX_TARGETS;
  const above = (xs: number[], floor: number): number => xs.filter((x) => x >= floor).length;
  log(
    `target .evtx/XML >= ${T.evtxOverXml}x: ${verdict(above(ratios, T.evtxOverXml) === ratios.length)} ` +
      `(${above(ratios, T.evtxOverXml)} of ${ratios.length} files; ` +
      `${f1(Math.min(...ratios))}-${f1(Math.max(...ratios))}x, median ${f1(median(ratios))}x)`,
  );
  log(
    `target parse >= ${T.parseMBps} MB/s per worker: ` +
      `${verdict(above(parseRates, T.parseMBps) === parseRates.length)} (${above(parseRates, T.parseMBps)} of ` +
      `${parseRates.length} files; ${f1(Math.min(...parseRates))}-${f1(Math.max(...parseRates))} MB/s)`,
  );
  const all = opts.importInChild(join(opts.caseDir, 'evtx-all.duckdb'), evtxFiles);
  log(
    `every .evtx in one case: ${mb(all.bytes)} MB, ${all.events} events in ${f1(all.ms / 1000)} s = ` +
      `${Math.round(all.events / (all.ms / 1000))} events/s, peak RSS ${mb(all.maxRssBytes)} MB ` +
      `(target under ${mb(T.rssBytesPer2GB)} MB for 2 GB, ${mb((T.rssBytesPer2GB * all.bytes) / 2e9)} MB ` +
      `for these; ${verdict(all.maxRssBytes < T.rssBytesPer2GB)} under the 2 GB figure)`,
  );

  const collection = writeEmptyCollection(join(opts.caseDir, '..', 'collection-300-empty'));
  const empty = cliImport([collection], join(opts.caseDir, 'collection.duckdb'));
  log(
    `a collection of 300 empty channel logs, whole \`accountscope import\` process: ${f1(empty.seconds)} s ` +
      `(target under ${T.emptyCollectionSeconds} s: ${verdict(empty.seconds < T.emptyCollectionSeconds)})`,
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
