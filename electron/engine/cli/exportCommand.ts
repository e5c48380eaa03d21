// `accountscope export --case FILE [--parquet DIR [--with-raw]] [--timesketch FILE.jsonl]`: the case as Parquet and/or
// a Timesketch timeline, with a progress line on a terminal and a summary of what was written.
import { exportCase, type ExportCaseOptions } from '../usecases/exportCase.js';
import { printLeftovers } from './leftoversLine.js';
import { ProgressBar, formatBytes } from './progressBar.js';
import { EXIT_OK } from './usage.js';

export async function exportCommand(
  casePath: string,
  what: Pick<ExportCaseOptions, 'parquet' | 'withRaw' | 'timesketch'>,
): Promise<number> {
  const started = performance.now();
  const bar = new ProgressBar();
  const result = await exportCase(casePath, {
    ...what,
    onParquetProgress: (p) =>
      bar.draw(
        `Parquet: table ${Math.min(p.tablesDone + 1, p.tables)}/${p.tables} ${p.table}  ${p.rowsDone}/${p.rows} rows`,
      ),
    onTimesketchProgress: (p) => bar.draw(`Timesketch: ${p.linesDone}/${p.lines} lines`),
    onLeftovers: (removed) => printLeftovers(bar, removed),
  }).finally(() => bar.clear());
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.parquet) {
    const { manifest, dir } = result.parquet;
    const rows = manifest.tables.reduce((a, t) => a + t.rows, 0);
    console.log(
      `Parquet: ${manifest.tables.length} tables, ${rows} rows → ${dir} (manifest.json beside them)`,
    );
  }
  if (result.timesketch) {
    const { counts, file } = result.timesketch;
    console.log(
      `Timesketch: ${counts.lines} lines (${counts.winEvents} Windows events, ${counts.signins} sign-ins, ` +
        `${counts.audits} audit records, ${counts.findings} findings), ${formatBytes(counts.bytes)} → ${file}` +
        (counts.untimed > 0
          ? `\n  ${counts.untimed} record(s) without a time were left out (Timesketch cannot place them)`
          : ''),
    );
  }
  console.log(`Exported in ${seconds} s.`);
  return EXIT_OK;
}
