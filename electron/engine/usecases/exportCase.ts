// Use case: hand a case over to the platforms that take over when it outgrows one laptop: Parquet for a
// data lake (export/parquet.ts) and a Timesketch timeline (export/timesketch.ts). The CLI's `export`
// runs it; each export opens the case read-only, one after the other, and never changes it.
import { existsSync } from 'node:fs';
import { exportParquet, type ParquetManifest, type ParquetProgress } from '../export/parquet.js';
import { exportTimesketch, type TimesketchCounts, type TimesketchProgress } from '../export/timesketch.js';
import { openCase } from '../store/openCase.js';
import type { Leftover } from '../store/scratchFiles.js';

export interface ExportCaseOptions {
  parquet?: string;
  /** Parquet only: include each record's raw XML/JSON. */
  withRaw?: boolean;
  timesketch?: string;
  onParquetProgress?: (p: ParquetProgress) => void;
  onTimesketchProgress?: (p: TimesketchProgress) => void;
  /** Told what was removed of the temporary files of runs that were stopped (store/scratchFiles.ts). */
  onLeftovers?: (removed: Leftover[]) => void;
}

export interface ExportCaseResult {
  parquet?: { dir: string; manifest: ParquetManifest };
  timesketch?: { file: string; counts: TimesketchCounts };
}

export async function exportCase(casePath: string, opts: ExportCaseOptions): Promise<ExportCaseResult> {
  if (!existsSync(casePath)) throw new Error(`no case at ${casePath}`);
  const result: ExportCaseResult = {};
  if (opts.parquet !== undefined) {
    result.parquet = {
      dir: opts.parquet,
      manifest: await exportParquet(casePath, opts.parquet, {
        ...(opts.withRaw ? { withRaw: true } : {}),
        ...(opts.onParquetProgress ? { onProgress: opts.onParquetProgress } : {}),
      }),
    };
  }
  if (opts.timesketch !== undefined) {
    const db = await openCase(casePath, { readOnly: true });
    try {
      result.timesketch = {
        file: opts.timesketch,
        counts: await exportTimesketch(db.conn, opts.timesketch, opts.onTimesketchProgress, opts.onLeftovers),
      };
    } finally {
      db.close();
    }
  }
  return result;
}
