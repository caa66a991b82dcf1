/** Failures of one username or one address within the window, and the lock they led to. */
interface Entry {
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

/**
 * Counts failed attempts per key (a username, an address) and locks a key for `lockMs` once it
 * reaches `maxFailures` within `lockMs`. Kept in memory: a restart forgets it, and with several
 * API instances each counts its own (documented; a shared store would be needed to go further).
 */
export class AttemptCounter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxFailures: number,
    private readonly lockMs: number,
    /** Beyond this many keys, expired ones are dropped: a flood of random names cannot grow memory forever. */
    private readonly maxKeys = 50_000,
  ) {}

  /** Milliseconds the key stays locked, 0 when it is not. */
  lockedFor(key: string, now: number): number {
    const entry = this.entries.get(key);
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  /** Counts a failure; returns the lock it caused (ms), or 0. */
  fail(key: string, now: number): number {
    let entry = this.entries.get(key);
    if (!entry || now - entry.windowStart > this.lockMs) {
      entry = { failures: 0, windowStart: now, lockedUntil: 0 };
      this.entries.set(key, entry);
    }
    entry.failures += 1;
    if (entry.failures >= this.maxFailures) {
      entry.lockedUntil = now + this.lockMs;
      // The next window starts when the lock ends: one more failure then locks again only after max failures.
      entry.windowStart = entry.lockedUntil;
      entry.failures = 0;
    }
    this.prune(now);
    return entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  private prune(now: number): void {
    if (this.entries.size <= this.maxKeys) return;
    for (const [key, entry] of this.entries) {
      if (entry.lockedUntil <= now && now - entry.windowStart > this.lockMs) this.entries.delete(key);
    }
  }
}
