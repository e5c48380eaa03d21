// Imports run in the background: startImport answers at once with an id, the UI polls importStatus for
// per-file progress and may cancel. Jobs run one after another on the case's own connection (the
// Importer commits each file in one transaction), so a second drop waits its turn instead of
// interleaving with the first.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { ImportFileProgress, ImportStatus } from '../../../shared/api.js';
import type { SourceSummary } from '../../../shared/report.js';
import type { Importer } from '../import/importer.js';
import { expandPaths } from '../import/expandPaths.js';
import { notFound } from './serviceError.js';

interface ImportJob {
  status: ImportStatus;
  abort: AbortController;
  byPath: Map<string, ImportFileProgress>;
}

/** Finished jobs kept for importStatus; older ones are forgotten. */
const KEPT_JOBS = 50;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly importer: Importer,
    /**
     * Awaited after each job before it reports done: the service writes the case file through (a
     * checkpoint), so the .duckdb alone holds what was imported.
     */
    private readonly onJobDone: (sources: SourceSummary[]) => Promise<void> = async () => undefined,
  ) {}

  get busy(): boolean {
    return this.pending > 0;
  }

  async start(paths: readonly string[]): Promise<string> {
    const importId = randomUUID();
    const expanded = await expandPaths(paths);
    const files: ImportFileProgress[] = await Promise.all(
      expanded.map(async (f) => {
        const size = f.error
          ? 0
          : await stat(f.path).then(
              (s) => s.size,
              () => 0,
            );
        const entry: ImportFileProgress = {
          path: f.path,
          size,
          bytesRead: 0,
          events: 0,
          eventsPerSec: 0,
          bytesPerSec: 0,
          state: 'queued',
        };
        if (f.error) {
          entry.state = 'failed';
          entry.summary = {
            path: f.path,
            sha256: '',
            format: 'unread',
            events: 0,
            skipped: 0,
            errors: [{ message: f.error }],
          };
        }
        return entry;
      }),
    );
    const job: ImportJob = {
      status: { importId, state: 'running', files },
      abort: new AbortController(),
      byPath: new Map(files.map((f) => [f.path, f])),
    };
    this.remember(importId, job);
    const readable = files.filter((f) => f.state === 'queued').map((f) => f.path);
    this.pending++;
    this.queue = this.queue.then(() => this.run(job, readable)).finally(() => this.pending--);
    return importId;
  }

  private async run(job: ImportJob, paths: string[]): Promise<void> {
    const signal = job.abort.signal;
    try {
      const sources = await this.importer.importPaths(paths, {
        signal,
        onProgress: (p) => {
          const f = job.byPath.get(p.path);
          if (!f) return;
          Object.assign(f, {
            state: 'reading',
            bytesRead: p.bytesRead,
            events: p.events,
            size: p.size || f.size,
          });
          f.eventsPerSec = Math.round(p.eventsPerSec);
          f.bytesPerSec = Math.round(p.bytesPerSec);
        },
        onFileDone: (s) => {
          const f = job.byPath.get(s.path);
          if (!f) return;
          f.summary = s;
          f.events = s.events;
          if (s.size !== undefined) f.bytesRead = s.size;
          f.state = fileState(s, signal.aborted);
        },
      });
      await this.onJobDone(sources);
      job.status.state = signal.aborted ? 'cancelled' : 'done';
    } catch (e) {
      job.status.state = 'failed';
      job.status.message = (e as Error).message;
    }
  }

  status(importId: string): ImportStatus {
    const job = this.jobs.get(importId);
    if (!job) throw notFound(`import ${importId}`);
    // A copy: the caller may serialise it while the job keeps updating.
    return structuredClone(job.status);
  }

  cancel(importId: string): boolean {
    const job = this.jobs.get(importId);
    if (!job) throw notFound(`import ${importId}`);
    if (job.status.state !== 'running') return false;
    job.abort.abort();
    for (const f of job.status.files) if (f.state === 'queued') f.state = 'cancelled';
    return true;
  }

  /** Cancels everything still running and waits until the case connection is free. */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) if (job.status.state === 'running') job.abort.abort();
    await this.queue;
  }

  private remember(importId: string, job: ImportJob): void {
    this.jobs.set(importId, job);
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEPT_JOBS) break;
      if (old.status.state !== 'running') this.jobs.delete(id);
    }
  }
}

function fileState(s: SourceSummary, aborted: boolean): ImportFileProgress['state'] {
  const unread = s.format === 'unread' || s.format === 'rejected';
  if (aborted && unread && s.events === 0) return 'cancelled';
  if (unread) return 'failed';
  return 'done';
}
