// Process ids with Windows' reuse: ids are multiples of 4 and come back after a process exits. A pid is
// never handed out while another process holding it is alive, so "the latest start of that pid before
// the child" (how 4688 parents are resolved) always finds the true parent.
import type { SeededRandom } from '../random.js';

type Interval = [start: number, end: number];

export class PidTable {
  private readonly live = new Map<number, Interval[]>();

  constructor(private readonly rng: SeededRandom) {}

  allocate(start: number, end: number): number {
    for (let attempt = 0; attempt < 64; attempt++) {
      const pid = this.rng.int(40, 6500) * 4;
      if (this.isFree(pid, start, end)) {
        this.reserve(pid, start, end);
        return pid;
      }
    }
    // A crowded table: walk upwards from a random point instead of guessing forever.
    for (let pid = this.rng.int(40, 6500) * 4, n = 0; n < 60000; n++, pid = pid >= 65532 ? 160 : pid + 4) {
      if (this.isFree(pid, start, end)) {
        this.reserve(pid, start, end);
        return pid;
      }
    }
    throw new Error('no free process id');
  }

  /** A pid in [low, high] (multiples of 4): boot-time processes get the low numbers Windows gives them. */
  allocateIn(range: readonly [number, number], start: number, end: number): number {
    for (let pid = Math.ceil(range[0] / 4) * 4 + this.rng.int(0, 16) * 4; pid <= range[1]; pid += 4) {
      if (this.isFree(pid, start, end)) {
        this.reserve(pid, start, end);
        return pid;
      }
    }
    return this.allocate(start, end);
  }

  reserve(pid: number, start: number, end: number): void {
    let list = this.live.get(pid);
    if (!list) this.live.set(pid, (list = []));
    list.push([start, end]);
  }

  /** Drops intervals that ended before t; only valid when nothing earlier than t is generated again. */
  forgetBefore(t: number): void {
    for (const [pid, list] of this.live) {
      const kept = list.filter(([, end]) => end >= t);
      if (kept.length === 0) this.live.delete(pid);
      else if (kept.length !== list.length) this.live.set(pid, kept);
    }
  }

  private isFree(pid: number, start: number, end: number): boolean {
    const list = this.live.get(pid);
    if (!list) return true;
    // A small gap either side keeps a new process from starting in the same millisecond its pid was freed.
    return list.every(([s, e]) => end + 1_000_000 < s || start > e + 1_000_000);
  }
}
