import type { TokenPayload } from './auth-user';

/** Verified tokens kept; a client sends the same token with every request for hours. */
const DEFAULT_CAPACITY = 5_000;

interface Entry {
  payload: TokenPayload;
  /** The token's `exp`, in ms: a cached token stops counting the moment it expires. */
  expiresAtMs: number;
}

/**
 * Tokens whose signature and claims were already checked, so a repeated token costs a map lookup
 * instead of a JWT verify (HMAC plus jsonwebtoken's parsing: the largest single cost of a small
 * command). Safe because a token is immutable and the key never changes while the process runs;
 * only tokens that passed verification go in, and each is honoured only until its own `exp`
 * (the same `now >= exp` rule jsonwebtoken applies). Bounded: the oldest entries go first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number = DEFAULT_CAPACITY) {}

  get(token: string, nowMs: number = Date.now()): TokenPayload | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (nowMs >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.payload;
  }

  /** Only a token with an `exp` is kept: one without would otherwise be trusted forever. */
  remember(token: string, payload: TokenPayload & { exp?: unknown }): void {
    if (typeof payload.exp !== 'number' || this.capacity <= 0) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { payload, expiresAtMs: payload.exp * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}
