// The two hash tables in a chunk header: names (64 buckets by name hash) and template definitions
// (32 buckets). Each entry's first u32 in the chunk is the offset of the next entry in its bucket, so a
// new entry is linked in front of the bucket's current head, which is known when the entry is written.
// Entries added while a record is being encoded are journaled: if the record does not fit, they go.

interface JournalEntry {
  key: string;
  bucket: number;
  previousHead: number;
}

export class ChunkIndex {
  private readonly offsets = new Map<string, number>();
  private readonly heads: Uint32Array;
  private journal: JournalEntry[] = [];

  constructor(buckets: number) {
    this.heads = new Uint32Array(buckets);
  }

  /** Chunk offset of the entry already written for `key` (by this record or an earlier one). */
  find(key: string): number | undefined {
    return this.offsets.get(key);
  }

  /** Registers an entry about to be written at `offset`; returns the value of its next-offset field. */
  add(key: string, bucketKey: number, offset: number): number {
    const bucket = bucketKey % this.heads.length;
    const previousHead = this.heads[bucket]!;
    this.journal.push({ key, bucket, previousHead });
    this.offsets.set(key, offset);
    this.heads[bucket] = offset;
    return previousHead;
  }

  /** The record was placed: keep what it added. */
  commit(): void {
    this.journal = [];
  }

  /** The record did not fit: forget what it added. */
  rollback(): void {
    for (let i = this.journal.length - 1; i >= 0; i--) {
      const e = this.journal[i]!;
      this.offsets.delete(e.key);
      this.heads[e.bucket] = e.previousHead;
    }
    this.journal = [];
  }

  clear(): void {
    this.offsets.clear();
    this.heads.fill(0);
    this.journal = [];
  }

  /** Writes the bucket heads as u32s at `at` in the chunk header. */
  writeTable(chunk: Buffer, at: number): void {
    this.heads.forEach((head, i) => chunk.writeUInt32LE(head, at + 4 * i));
  }
}
