// A small least-recently-used map: the grid keeps a few scopes, views and match sets, each a temp table,
// and drops the oldest (through `evicted`) when a new one comes.
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    private readonly evicted: (value: V) => void = () => undefined,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined && old !== value) this.evicted(old);
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldestKey);
      this.evicted(oldest);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops (through `evicted`) every entry whose key passes the test. */
  evictWhere(test: (key: K) => boolean): void {
    for (const [key, value] of [...this.entries]) {
      if (!test(key)) continue;
      this.entries.delete(key);
      this.evicted(value);
    }
  }

  clear(): void {
    for (const value of this.entries.values()) this.evicted(value);
    this.entries.clear();
  }
}
