// The app's long jobs on the whole case: a merge of cases into a new one, and the Parquet and Timesketch
// exports. startCaseTask answers at once with an id; the UI polls caseTaskStatus for progress and the
// result. One runs at a time.
//
// The app holds its case open read-write, locked down with its configuration frozen, so its connection
// can never be given the export's folder (lock_configuration refuses any SET), and its instance must not
// take the export's settings (no insertion order, few open files) that its own screens rely on. Nor may
// another instance in this process open the same file: DuckDB's file lock is per process, so a second
// instance would share it, and closing that instance would drop the lock the app holds. So the Parquet
// export, and a merge that names the open case, read a snapshot: the case checkpointed (everything in
// the .duckdb itself) and copied beside it (a copy-on-write clone where the file system has them), while
// every other call waits, then opened by its own locked-down instance (export/parquet.ts,
// store/caseMerge.ts), and removed. The app's connections keep their lockdown exactly as it was. The
// Timesketch export reads through a connection of the app's own instance (DuckDB writes no file for it:
// the lines are written by Node), so it needs no snapshot.
import { randomUUID } from 'node:crypto';
import { constants, existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { CaseTaskRequest, CaseTaskStatus } from '../../../shared/api.js';
import { exportParquet } from '../export/parquet.js';
import { exportTimesketch } from '../export/timesketch.js';
import { scratchPath, sweepLeftovers, type Leftover } from '../store/scratchFiles.js';
import { mergeCases } from '../usecases/mergeCases.js';
import type { CaseSession } from './caseSession.js';
import { ServiceError, notFound } from './serviceError.js';

/** Finished tasks kept for caseTaskStatus; older ones are forgotten. */
const KEPT_TASKS = 20;

export interface TaskHost {
  /** The case open now. */
  session(): CaseSession;
  /** Runs `work` while every other API call waits (the snapshot's copy must see no write). */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** Told what was removed of the temporary files of runs that were stopped (store/scratchFiles.ts). */
  onLeftovers(removed: Leftover[]): void;
}

/** Checks what can be checked before any work starts, so a wrong path is answered at once. */
function checkRequest(req: CaseTaskRequest): void {
  if (req.kind === 'parquet') {
    const dir = resolve(req.dir);
    if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0))
      throw new ServiceError(
        'BAD_REQUEST',
        `${dir} is not an empty folder: export into a new or empty folder`,
      );
    if (!existsSync(dirname(dir))) throw new ServiceError('NOT_FOUND', `no folder ${dirname(dir)}`);
  } else if (req.kind === 'timesketch') {
    if (!/\.jsonl$/i.test(req.file))
      throw new ServiceError(
        'BAD_REQUEST',
        'Timesketch imports JSON lines only from a file ending in .jsonl',
      );
    if (!existsSync(dirname(resolve(req.file))))
      throw new ServiceError('NOT_FOUND', `no folder ${dirname(resolve(req.file))}`);
  } else if (existsSync(resolve(req.target))) {
    throw new ServiceError('EXISTS', `${resolve(req.target)} already exists: a merge writes a new case`);
  }
}

export class CaseTasks {
  private readonly tasks = new Map<string, CaseTaskStatus>();
  private running: Promise<void> | null = null;

  constructor(private readonly host: TaskHost) {}

  get busy(): boolean {
    return this.running !== null;
  }

  start(req: CaseTaskRequest): string {
    if (this.running) throw new ServiceError('BUSY', 'a merge or export is running: wait for it to finish');
    checkRequest(req);
    const taskId = randomUUID();
    const status: CaseTaskStatus = {
      taskId,
      kind: req.kind,
      state: 'running',
      step: 'starting',
      done: 0,
      total: 0,
    };
    this.tasks.set(taskId, status);
    for (const id of [...this.tasks.keys()].slice(0, Math.max(0, this.tasks.size - KEPT_TASKS)))
      this.tasks.delete(id);
    this.running = this.run(req, status)
      .then(() => void (status.state = 'done'))
      .catch((e: Error) => {
        status.state = 'failed';
        status.message = e.message;
      })
      .finally(() => {
        this.running = null;
      });
    return taskId;
  }

  status(taskId: string): CaseTaskStatus {
    const status = this.tasks.get(taskId);
    if (!status) throw notFound(`task ${taskId}`);
    return { ...status };
  }

  /** Waits for the running task, if any (closing the service). */
  async settle(): Promise<void> {
    await this.running;
  }

  private progress(status: CaseTaskStatus, step: string, done: number, total: number): void {
    Object.assign(status, { step, done, total });
  }

  /** The open case, checkpointed and copied beside itself; the caller removes the copy. */
  private snapshot(status: CaseTaskStatus): Promise<string> {
    return this.host.exclusively(async () => {
      const s = this.host.session();
      if (s.imports.busy || s.analyzing)
        throw new ServiceError('BUSY', 'wait for the import or analysis to finish, then try again');
      this.progress(status, 'a snapshot of the case', 0, 0);
      await s.checkpoint();
      // Snapshots a killed app left beside the case (each the case's size) go first.
      const removed = sweepLeftovers(dirname(s.path));
      if (removed.length > 0) this.host.onLeftovers(removed);
      const copy = scratchPath(s.path, 'snapshot');
      try {
        await copyFile(s.path, copy, constants.COPYFILE_FICLONE);
      } catch (e) {
        await rm(copy, { force: true });
        throw e;
      }
      return copy;
    });
  }

  private async run(req: CaseTaskRequest, status: CaseTaskStatus): Promise<void> {
    const session = this.host.session();
    if (req.kind === 'timesketch') {
      const conn = await session.db.connect();
      try {
        const counts = await exportTimesketch(
          conn,
          resolve(req.file),
          (p) => this.progress(status, 'timeline lines', p.linesDone, p.lines),
          (removed) => this.host.onLeftovers(removed),
        );
        status.timesketch = {
          file: resolve(req.file),
          lines: counts.lines,
          bytes: counts.bytes,
          untimed: counts.untimed,
        };
      } finally {
        conn.closeSync();
      }
      return;
    }
    let snapshot: string | null = null;
    try {
      if (req.kind === 'parquet') {
        snapshot = await this.snapshot(status);
        const manifest = await exportParquet(snapshot, resolve(req.dir), {
          caseFile: basename(session.path),
          ...(req.withRaw ? { withRaw: true } : {}),
          onProgress: (p) =>
            this.progress(status, p.table ? `table ${p.table}` : 'manifest', p.rowsDone, p.rows),
        });
        status.parquet = {
          dir: resolve(req.dir),
          tables: manifest.tables.length,
          rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
        };
        return;
      }
      const open = await stat(session.path);
      const inputs = [];
      for (const path of req.paths) {
        const st = await stat(resolve(path)).catch(() => null);
        if (st && st.dev === open.dev && st.ino === open.ino) {
          snapshot ??= await this.snapshot(status);
          inputs.push({ path: snapshot, name: session.path });
        } else inputs.push({ path });
      }
      status.merge = await mergeCases(inputs, req.target, {
        onLeftovers: (removed) => this.host.onLeftovers(removed),
        onProgress: (p) => this.progress(status, p.step, p.done, p.total),
      });
    } finally {
      if (snapshot) await rm(snapshot, { force: true });
    }
  }
}
