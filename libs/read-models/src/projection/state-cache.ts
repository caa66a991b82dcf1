/**
 * A bounded least-recently-used map. A Map keeps insertion order, so re-inserting on a hit
 * makes the first key the least recently used one. `onEvict` runs before an entry leaves, so
 * the projection can write a state it has not written yet. Capacity `Infinity`: never evicts
 * (a rebuild keeps every suggestion folded: no state is written twice or read back).
 */
export class StateCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly capacity: number,
    private readonly onEvict: (key: string, value: V) => void,
  ) {
    if (capacity !== Infinity && (!Number.isInteger(capacity) || capacity < 1)) {
      throw new Error(`state cache capacity must be ≥ 1, got ${capacity}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    // Recency only matters once something may be evicted: until the cache is full a hit costs
    // one lookup, not a delete and an insert (a rebuild looks up a state for every event).
    if (value !== undefined && this.entries.size >= this.capacity) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      const evicted = this.entries.get(oldest) as V;
      this.entries.delete(oldest);
      this.onEvict(oldest, evicted);
    }
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** Forgets everything without evicting: for states that may be ahead of a rolled-back database. */
  clear(): void {
    this.entries.clear();
  }
}
