// The `accountscope` command line: argument parsing and dispatch. Each command lives in its own module,
// loaded only when it runs: `import` starts parsing before DuckDB's modules load (0.2–0.5 s of them),
// and `params` needs no database at all.
import { parseArgs } from 'node:util';
import { parseWorkerCount, workerCountFrom } from '../import/importConcurrency.js';
import { prestartParseWorkers } from '../import/parseWorkerHandle.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, USAGE, UsageError } from './usage.js';

type Command = (argv: string[]) => Promise<number>;

/** `--workers N`, checked; undefined leaves the count to the machine (or ACCOUNTSCOPE_WORKERS). */
function workersOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    return workerCountFrom(text, '--workers');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const commands: Record<string, Command> = {
  async import(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        case: { type: 'string' },
        json: { type: 'boolean', default: false },
        workers: { type: 'string' },
      },
    });
    if (!values.case) throw new UsageError('import needs --case FILE');
    if (positionals.length === 0) throw new UsageError('import needs at least one file or folder');
    const workers = workersOption(values.workers) ?? parseWorkerCount();
    // The workers boot while the rest of the command loads.
    prestartParseWorkers(workers);
    const { importCommand } = await import('./importCommand.js');
    return importCommand(positionals, values.case, values.json ?? false, workers);
  },
  async analyze(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        case: { type: 'string' },
        json: { type: 'string' },
        html: { type: 'string' },
        csv: { type: 'string' },
        param: { type: 'string', multiple: true, default: [] },
        allowlist: { type: 'string' },
        profile: { type: 'string' },
        workers: { type: 'string' },
        'time-zone': { type: 'string' },
        'include-paths': { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0 && !values.case) {
      throw new UsageError('analyze needs files or folders to import, or an existing --case');
    }
    const workers = workersOption(values.workers);
    const { analyzeCommand } = await import('./analyzeCommand.js');
    return analyzeCommand({
      paths: positionals,
      params: values.param ?? [],
      ...(values.case ? { casePath: values.case } : {}),
      ...(values.json ? { json: values.json } : {}),
      ...(values.html ? { html: values.html } : {}),
      ...(values.csv ? { csv: values.csv } : {}),
      ...(values.allowlist ? { allowlist: values.allowlist } : {}),
      ...(values.profile ? { profile: values.profile } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      ...(values['include-paths'] ? { includePaths: true } : {}),
    });
  },
  async params() {
    const { paramSpecs } = await import('../analytics/index.js');
    for (const p of paramSpecs()) {
      console.log(
        `${p.name.padEnd(34)} ${p.analytic.padEnd(7)} ${JSON.stringify(p.default)}\n    ${p.description}`,
      );
    }
    return EXIT_OK;
  },
  async export(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        case: { type: 'string' },
        parquet: { type: 'string' },
        'with-raw': { type: 'boolean', default: false },
        timesketch: { type: 'string' },
      },
    });
    if (!values.case) throw new UsageError('export needs --case FILE');
    if (values.parquet === undefined && values.timesketch === undefined)
      throw new UsageError('export needs --parquet DIR, --timesketch FILE.jsonl, or both');
    if (values.timesketch !== undefined && !/\.jsonl$/i.test(values.timesketch))
      throw new UsageError('--timesketch needs a file name ending in .jsonl (Timesketch imports only those)');
    const { exportCommand } = await import('./exportCommand.js');
    return exportCommand(values.case, {
      ...(values.parquet !== undefined ? { parquet: values.parquet } : {}),
      ...(values['with-raw'] ? { withRaw: true } : {}),
      ...(values.timesketch !== undefined ? { timesketch: values.timesketch } : {}),
    });
  },
  async merge(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { case: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (!values.case) throw new UsageError('merge needs --case NEW.duckdb, the merged case to write');
    if (positionals.length < 2) throw new UsageError('merge needs at least two cases to merge');
    const { mergeCommand } = await import('./mergeCommand.js');
    return mergeCommand(positionals, values.case, values.json ?? false);
  },
  async serve(argv) {
    const { serveCommand } = await import('../server/serveCommand.js');
    return serveCommand(argv);
  },
};

export function registerCommand(name: string, run: Command): void {
  commands[name] = run;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const run = commands[name];
  try {
    if (!run) throw new UsageError(`unknown command: ${name}`);
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`accountscope: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    process.stderr.write(`accountscope: ${(e as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
