/** How the product's store reports its settings (SqliteEventStore.pragmas()). */
export interface StorePragmas {
  journalMode: string;
  synchronous: string;
  busyTimeoutMs: number;
}

export function describeStorePragmas(p: StorePragmas): string {
  return `journal_mode=${p.journalMode.toUpperCase()}, synchronous=${p.synchronous.toUpperCase()}, busy_timeout=${p.busyTimeoutMs} ms`;
}
