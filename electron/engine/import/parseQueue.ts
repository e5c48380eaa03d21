// The units of an import's parse (whole files, or byte-range slices of a big one), started in order on
// whichever parse worker is free. A file may have more slices than there are workers: its later slices
// start as its earlier ones finish, so the importer asks for each unit's job rather than assuming it
// has one.
import type { ByteRange } from './parseFile.js';
import type { ParseJob } from './parseJob.js';
import type { ParseWorkerHandle } from './parseWorkerHandle.js';

export interface ParseUnit {
  path: string;
  range?: ByteRange;
}

interface Queued {
  unit: ParseUnit;
  job: ParseJob | null;
  /** Resolves with the job when a worker takes the unit, or with null when it never will. */
  taken: Promise<ParseJob | null>;
  take: (job: ParseJob | null) => void;
  state: 'waiting' | 'started' | 'dropped' | 'settled';
}

export class ParseQueue {
  private readonly queued: Queued[];
  private next = 0;
  private stopped = false;

  constructor(
    private readonly workers: readonly ParseWorkerHandle[],
    units: readonly ParseUnit[],
    private readonly startJob: (unit: ParseUnit, worker: ParseWorkerHandle) => ParseJob,
  ) {
    this.queued = units.map((unit) => {
      let take!: (job: ParseJob | null) => void;
      const taken = new Promise<ParseJob | null>((resolve) => (take = resolve));
      return { unit, job: null, taken, take, state: 'waiting' };
    });
  }

  /** Unit `k`'s job once a worker has taken it; null when the queue stopped or dropped it first. */
  job(k: number): Promise<ParseJob | null> {
    return this.queued[k]!.taken;
  }

  unit(k: number): ParseUnit {
    return this.queued[k]!.unit;
  }

  /** Unit `k`'s job if it has started. */
  started(k: number): ParseJob | null {
    return this.queued[k]!.job;
  }

  /** Starts waiting units on free workers, in order; each finished parse frees its worker for the next. */
  pump(): void {
    for (const w of this.workers) {
      while (this.next < this.queued.length && this.queued[this.next]!.state !== 'waiting') this.next++;
      if (this.stopped || this.next >= this.queued.length) return;
      if (w.busy) continue;
      const q = this.queued[this.next++]!;
      const job = this.startJob(q.unit, w);
      q.job = job;
      q.state = 'started';
      q.take(job);
      job.result.finally(() => this.pump()).catch(() => undefined);
    }
  }

  /** Starts nothing more (a cancelled import): every unit not started yet gets no job. */
  stop(): void {
    this.stopped = true;
    for (const q of this.queued) if (q.state === 'waiting') this.dropOne(q);
  }

  /** Cancels the parse of every started unit not yet settled. */
  cancelStarted(): void {
    for (const q of this.queued) if (q.state === 'started') q.job!.cancel();
  }

  /**
   * Units [from, to) are not wanted (a file that failed, or ended at a fatal problem): those not
   * started never will be, and those started are discarded with the batches nobody took.
   */
  async drop(from: number, to: number): Promise<void> {
    const started: ParseJob[] = [];
    for (const q of this.queued.slice(from, to)) {
      if (q.state === 'started') started.push(q.job!);
      if (q.state === 'waiting' || q.state === 'started') this.dropOne(q);
    }
    await Promise.all(started.map((j) => j.discard()));
  }

  /** Units [from, to) are loaded (or dropped): nothing of theirs is left to clean up. */
  settle(from: number, to: number): void {
    for (const q of this.queued.slice(from, to)) {
      if (q.state === 'waiting') q.take(null);
      q.state = 'settled';
    }
  }

  /** Stops the queue and discards every started unit's batches that were never loaded. */
  async close(): Promise<void> {
    this.stop();
    await this.drop(0, this.queued.length);
  }

  private dropOne(q: Queued): void {
    q.state = 'dropped';
    q.take(null);
  }
}
