/** Where a DeferredDatabase sends what it recorded (the writer thread). */
export interface DeferredSink {
  prepare(index: number, sql: string): void;
  /** Calls of an open transaction, sent early so a large one is not held in memory twice. */
  part(calls: unknown[]): void;
  /** The transaction's last calls: run them and commit. */
  commit(calls: unknown[]): void;
}

/**
 * Parameters held before a part of an open transaction is sent on: few enough that they are sent
 * before the next minor GC would have to move them to the old generation (a rebuild's final flush
 * is one transaction of every suggestion's rows).
 */
const PART_VALUES = 20_000;

/**
 * A stand-in for the read model's better-sqlite3 connection that runs nothing itself: it records
 * each statement's parameters and hands them, a transaction at a time, to a sink that runs them
 * in the same order on the real connection (in a rebuild, on another thread, so the SQLite writes
 * overlap the fold instead of following it).
 *
 * Only what the projection uses: prepare(), a statement's run() and get(), and transaction().
 * Reads see an empty file: right only for a new file whose rows are never read back, i.e. a rebuild
 * that keeps every state in memory (the projection reads a row only for a state it evicted).
 * run() cannot tell how many rows changed: the projection must never ask (the result says so loudly).
 */
export class DeferredDatabase {
  private calls: unknown[] = [];
  /** Parameters in `calls` (a chunk's array counted by its length). */
  private values = 0;
  private statements = 0;
  private inTransaction = false;
  private partsSent = false;
  /** A transaction failed after some of its calls were sent: they cannot be taken back. */
  private broken = false;

  constructor(private readonly sink: DeferredSink) {}

  prepare(sql: string): DeferredStatement {
    const index = this.statements++;
    this.sink.prepare(index, sql);
    return new DeferredStatement(this, index);
  }

  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args: A): R => {
      // The projection never nests them; a savepoint's partial rollback cannot be replayed later.
      if (this.inTransaction) throw new Error('deferred writes: nested transactions are not supported');
      this.assertUsable();
      this.inTransaction = true;
      this.partsSent = false;
      let committed = false;
      try {
        const result = fn(...args);
        committed = true;
        return result;
      } finally {
        this.inTransaction = false;
        const calls = this.calls;
        this.calls = [];
        this.values = 0;
        // A failed transaction changes nothing, as a rollback would, unless parts of it were sent:
        // then nothing more may be written (a rebuild throws its file away after any failure).
        if (committed) this.sink.commit(calls);
        else if (this.partsSent) this.broken = true;
      }
    };
  }

  /** @internal */
  record(index: number, params: unknown[]): void {
    this.assertUsable();
    const calls = this.calls;
    calls.push(index, params);
    if (!this.inTransaction) {
      this.calls = [];
      this.sink.commit(calls);
      return;
    }
    const first = params[0];
    this.values += params.length === 1 && Array.isArray(first) ? first.length : params.length;
    if (this.values >= PART_VALUES) {
      this.calls = [];
      this.values = 0;
      this.partsSent = true;
      this.sink.part(calls);
    }
  }

  private assertUsable(): void {
    if (this.broken) throw new Error('deferred writes: a failed transaction was partly sent; nothing more can be written');
  }
}

const UNKNOWN_CHANGES = {
  get changes(): number {
    throw new Error('deferred writes: the number of changed rows is not known until the writer has run');
  },
  get lastInsertRowid(): number {
    throw new Error('deferred writes: the inserted rowid is not known until the writer has run');
  },
};

export class DeferredStatement {
  constructor(
    private readonly db: DeferredDatabase,
    private readonly index: number,
  ) {}

  run(...params: unknown[]): typeof UNKNOWN_CHANGES {
    this.db.record(this.index, params);
    return UNKNOWN_CHANGES;
  }

  /** The file is new and nothing is read back: no row. */
  get(): undefined {
    return undefined;
  }
}
