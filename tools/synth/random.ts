// A seeded pseudo-random source. The generator must be reproducible byte for byte, so nothing here may
// touch Math.random or the clock; every draw comes from the seed.

/** Hashes a text seed into 32 bits (FNV-1a), so seeds can be readable labels such as "sample-2026". */
function hashSeed(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** splitmix32: spreads one 32-bit seed over the four words sfc32 needs. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const HEX = '0123456789abcdef';

/** sfc32 generator: fast, small state, good enough statistics for synthetic logs. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: string | number) {
    const mix = splitmix32(hashSeed(seed));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /**
   * An independent stream for one part of the output. Stories draw from their own fork so that adding
   * noise to one host does not shift every other value in the case.
   */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${String(this.seed)}/${label}`);
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: entries are [item, weight]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, w] of entries) {
      roll -= w;
      if (roll < 0) return item;
    }
    return entries[entries.length - 1]![0];
  }

  /** A new array in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** Lower-case hex digits; one 32-bit draw yields eight of them. */
  hex(digits: number): string {
    let s = '';
    while (s.length < digits) {
      const word = this.uint32().toString(16).padStart(8, '0');
      s += word.length <= digits - s.length ? word : word.slice(0, digits - s.length);
    }
    return s;
  }

  /** A random (version 4 shaped) GUID without braces, lower case. */
  guid(): string {
    const h = this.hex(32);
    const variant = HEX[8 + (parseInt(h[16]!, 16) & 3)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Exponentially distributed gap with the given mean, for Poisson-like arrivals. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}
