/**
 * A least-recently-used cache for computed results, bounded by memory. Keys
 * carry the data versions they were computed from, so a write (which bumps the
 * version) makes the next read miss; nothing needs evicting by hand.
 * Concurrent misses of one key share a single computation.
 *
 * The bound is in bytes (each value's `bytes`, read when entries are added,
 * since a payload shrinks once it is compressed), not a count: a national
 * network of 3,000 places must fit whole, or a sweep over all its cities
 * always computes (a count of 300 made every read of a 1,000-city network a miss).
 */
export interface Weighed {
  /** What the value holds in memory, roughly, in bytes. */
  readonly bytes: number;
}

interface Entry<T> {
  readonly pending: Promise<T>;
  value: T | undefined;
}

export class ResultCache<T extends Weighed> {
  private readonly entries = new Map<string, Entry<T>>();

  /** @param maxBytes what the cache may hold; the most recently used entry always stays. */
  constructor(private readonly maxBytes: number) {}

  getOrCompute(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.pending;
    }
    const pending = compute();
    const entry: Entry<T> = { pending, value: undefined };
    this.entries.set(key, entry);
    pending.then(
      (value) => {
        entry.value = value;
        // Weighed once known: values still being computed count for nothing.
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return pending;
  }

  /** Drops the least recently used entries until the rest fit (run when a miss is computed). */
  private evict(): void {
    let total = this.bytes;
    for (const [key, entry] of this.entries) {
      if (total <= this.maxBytes || this.entries.size <= 1) break;
      if (entry.value === undefined) continue;
      total -= this.weight(entry);
      this.entries.delete(key);
    }
  }

  private weight(entry: Entry<T>): number {
    return entry.value?.bytes ?? 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the entries hold now, roughly, in bytes. */
  get bytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += this.weight(entry);
    return total;
  }
}
