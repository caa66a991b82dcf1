/** Attempts of one username or one address within the window, and the lock they led to. */
interface Entry {
  /** Slots taken in this window: checks under way and checks that failed. */
  attempts: number;
  /** Checks of this window that failed. */
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

/**
 * Counts password checks per key (a username, an address) BEFORE they are made: a check takes a
 * slot synchronously, so however many requests arrive at once, at most `maxAttempts` of them per
 * window are ever checked; the rest are refused while the first are still hashing. A successful
 * check gives its slot back; the `maxAttempts`-th failure locks the key for `lockMs`.
 * Kept in memory: a restart forgets it, and with several API instances each counts its own
 * (documented; a shared store would be needed to go further).
 */
export class AttemptCounter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxAttempts: number,
    private readonly lockMs: number,
    /** Beyond this many keys, expired ones are dropped: a flood of random names cannot grow memory forever. */
    private readonly maxKeys = 50_000,
  ) {}

  /** Milliseconds the key stays locked, 0 when it is not. */
  lockedFor(key: string, now: number): number {
    const entry = this.entries.get(key);
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  /**
   * Takes a slot for one check: returns 0 when granted, else the ms to wait (the key is locked,
   * or every slot of the window is taken by checks that failed or are still running).
   */
  reserve(key: string, now: number): number {
    const entry = this.current(key, now);
    if (entry.lockedUntil > now) return entry.lockedUntil - now;
    if (entry.attempts >= this.maxAttempts) return Math.max(1000, entry.windowStart + this.lockMs - now);
    entry.attempts += 1;
    this.prune(now);
    return 0;
  }

  /** The reserved check failed: returns the lock it caused (ms), or 0. */
  fail(key: string, now: number): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    entry.failures += 1;
    if (entry.failures >= this.maxAttempts && entry.lockedUntil <= now) {
      entry.lockedUntil = now + this.lockMs;
      // The next window starts when the lock ends: its attempts are counted afresh.
      entry.windowStart = entry.lockedUntil;
      entry.attempts = 0;
      entry.failures = 0;
    }
    return entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  /** The reserved slot was not used for a failed check (the password was right, or it was never checked). */
  release(key: string): void {
    const entry = this.entries.get(key);
    if (entry && entry.attempts > 0) entry.attempts -= 1;
  }

  /**
   * The reserved check succeeded. Alone, it clears the key (failures must be consecutive to lock
   * it); amid other checks still under way, only its slot comes back: a success in the middle of
   * a burst of guesses must not open the window for more of them.
   */
  succeed(key: string): void {
    const entry = this.entries.get(key);
    if (entry && entry.attempts - entry.failures <= 1) this.entries.delete(key);
    else this.release(key);
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string, now: number): Entry {
    let entry = this.entries.get(key);
    if (!entry || (entry.lockedUntil <= now && now - entry.windowStart > this.lockMs)) {
      entry = { attempts: 0, failures: 0, windowStart: now, lockedUntil: 0 };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private prune(now: number): void {
    if (this.entries.size <= this.maxKeys) return;
    for (const [key, entry] of this.entries) {
      if (entry.lockedUntil <= now && now - entry.windowStart > this.lockMs) this.entries.delete(key);
    }
  }
}
