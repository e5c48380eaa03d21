// The `accountscope` command line: argument parsing and dispatch. Each command lives in its own module.
import { parseArgs } from 'node:util';
import { importCommand } from './importCommand.js';
import { analyzeCommand } from './analyzeCommand.js';
import { PARAMS } from '../analytics/index.js';
import { serveCommand } from '../server/serveCommand.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, USAGE, UsageError } from './usage.js';

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async import(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { case: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (!values.case) throw new UsageError('import needs --case FILE');
    if (positionals.length === 0) throw new UsageError('import needs at least one file or folder');
    return importCommand(positionals, values.case, values.json ?? false);
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
      },
    });
    if (positionals.length === 0 && !values.case) {
      throw new UsageError('analyze needs files or folders to import, or an existing --case');
    }
    return analyzeCommand({
      paths: positionals,
      params: values.param ?? [],
      ...(values.case ? { casePath: values.case } : {}),
      ...(values.json ? { json: values.json } : {}),
      ...(values.html ? { html: values.html } : {}),
      ...(values.csv ? { csv: values.csv } : {}),
      ...(values.allowlist ? { allowlist: values.allowlist } : {}),
      ...(values.profile ? { profile: values.profile } : {}),
    });
  },
  async params() {
    for (const p of PARAMS) {
      console.log(
        `${p.name.padEnd(34)} ${p.analytic.padEnd(7)} ${JSON.stringify(p.default)}\n    ${p.description}`,
      );
    }
    return EXIT_OK;
  },
  serve: serveCommand,
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
