import type { SqliteStatements, StreamTip } from './sqlite-statements';

/** How many streams' tips are remembered; the least recently appended are forgotten first. */
export const DEFAULT_TIP_CACHE_SIZE = 4096;

/**
 * Every stream's tip (last revision and hash), remembered after each committed append, so an
 * append needs no lookup of its stream's end: that SELECT (with the hash pulled out of the
 * metadata JSON) was ~10 % of an append's CPU.
 *
 * The cache is only ever trusted inside a write transaction, and only while no other connection
 * has committed since this one last looked: `PRAGMA data_version` changes exactly when another
 * connection (another process, a backup restore, a second store on the same file) commits, and
 * the write lock held by the transaction keeps it that way until the commit. Tips linked during a
 * batch stay pending until the batch has committed; a rolled-back batch leaves the cache as it was.
 */
export class StreamTips {
  private readonly committed = new Map<string, StreamTip | null>();
  private readonly pending = new Map<string, StreamTip>();
  private dataVersion: number | null = null;

  constructor(
    private readonly statements: SqliteStatements,
    private readonly maxSize = DEFAULT_TIP_CACHE_SIZE,
  ) {}

  /** Call first inside each write transaction: forgets everything if another connection wrote. */
  beginBatch(): void {
    this.pending.clear();
    const version = this.statements.dataVersion();
    if (version !== this.dataVersion) {
      this.committed.clear();
      this.dataVersion = version;
    }
  }

  /** The stream's tip as this transaction sees it; null when the stream does not exist. */
  tip(streamId: string): StreamTip | null {
    const pending = this.pending.get(streamId);
    if (pending !== undefined) return pending;
    const known = this.committed.get(streamId);
    if (known !== undefined) return known;
    const read = this.statements.tip(streamId);
    this.remember(streamId, read);
    return read;
  }

  /** The stream's new tip after an append in the running batch. */
  linked(streamId: string, tip: StreamTip): void {
    this.pending.set(streamId, tip);
  }

  /** The batch committed: its tips are now the file's. */
  commitBatch(): void {
    for (const [streamId, tip] of this.pending) this.remember(streamId, tip);
    this.pending.clear();
  }

  /** The batch rolled back (or something looked wrong): trust nothing remembered. */
  forget(): void {
    this.pending.clear();
    this.committed.clear();
    this.dataVersion = null;
  }

  private remember(streamId: string, tip: StreamTip | null): void {
    // Delete first so the stream moves to the end: Map order is then least recently used first.
    this.committed.delete(streamId);
    this.committed.set(streamId, tip);
    if (this.committed.size > this.maxSize) {
      const oldest = this.committed.keys().next().value;
      if (oldest !== undefined) this.committed.delete(oldest);
    }
  }
}
