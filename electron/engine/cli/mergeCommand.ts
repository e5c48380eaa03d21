// `accountscope merge A.duckdb B.duckdb … --case all.duckdb [--json]`: cases built apart merged into a
// new one, the analytics run across every host of it, and a summary of what was merged, what was held
// twice, and every setting the cases disagreed on (the exit code says so too).
import { basename } from 'node:path';
import type { MergeSummary } from '../../../shared/api.js';
import { mergeCases } from '../usecases/mergeCases.js';
import { printLeftovers } from './leftoversLine.js';
import { ProgressBar } from './progressBar.js';
import { EXIT_CONFLICTS, EXIT_OK } from './usage.js';

const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The summary as a person reads it. */
export function formatMergeSummary(m: MergeSummary): string {
  const lines = [`Merged ${m.cases.length} cases into ${m.path} in ${(m.elapsedMs / 1000).toFixed(1)} s:`];
  for (const c of m.cases)
    lines.push(
      `  ${c.path}: ${count(c.sources, 'evidence file')}, ${count(c.records, 'record')}` +
        (c.upgraded ? ` (schema ${c.schemaVersion}, upgraded in a copy; the case itself is unchanged)` : ''),
    );
  lines.push(
    `  ${count(m.sources, 'evidence file')} in the merged case: ${count(m.records.winEvents, 'Windows event')}, ` +
      `${count(m.records.signins, 'sign-in')}, ${count(m.records.audits, 'audit record')}; ` +
      `${count(m.findings, 'finding')} from the analytics across every host`,
  );
  if (m.duplicates.length > 0) {
    lines.push(`  ${count(m.duplicates.length, 'file')} held by more than one case, taken once:`);
    for (const d of m.duplicates)
      lines.push(
        `    ${d.name} (SHA-256 ${d.sha256.slice(0, 12)}…) from ${basename(d.keptFrom)}, also in ` +
          `${d.alsoIn.map((p) => basename(p)).join(', ')}` +
          (d.sameCounts ? '' : ' — the cases read different numbers of records from it; the first is kept'),
      );
  }
  if (m.conflicts.length > 0) {
    lines.push(
      `${count(m.conflicts.length, 'conflict')}: the cases disagree, and the merged case holds the first case's ` +
        `value (${m.conflicts[0]!.kept}); change it in the app's Settings if another is right:`,
    );
    for (const c of m.conflicts)
      lines.push(
        `  ${c.item}: ${c.values.map((v) => `${basename(v.case)} ${v.value}${v.case === c.kept ? ' (kept)' : ''}`).join('; ')}`,
      );
  }
  return lines.join('\n');
}

export async function mergeCommand(paths: string[], target: string, json: boolean): Promise<number> {
  const bar = new ProgressBar();
  const summary = await mergeCases(
    paths.map((path) => ({ path })),
    target,
    {
      onLeftovers: (removed) => printLeftovers(bar, removed),
      onProgress: (p) =>
        bar.draw(
          `Merging: ${p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100}%  ${p.done}/${p.total} rows  ${p.step}`,
        ),
    },
  ).finally(() => bar.clear());
  if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else console.log(formatMergeSummary(summary));
  return summary.conflicts.length > 0 ? EXIT_CONFLICTS : EXIT_OK;
}
