import Database from 'better-sqlite3';

export interface CopyProgress {
  totalPages: number;
  copiedPages: number;
}

export interface OnlineCopyResult {
  pages: number;
  /** How often a write to the source made SQLite start the copy over. */
  restarts: number;
}

/** Pages per step while nobody writes: short steps keep the backup from holding a read snapshot for long. */
const FIRST_STEP_PAGES = 256;
/** After this many restarts the rest is copied in one step, under one read snapshot, so it finishes. */
const RESTARTS_BEFORE_ONE_STEP = 3;
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a live SQLite database page by page with SQLite's online backup API. The copy is one
 * consistent snapshot: when another connection writes between two steps, SQLite starts over.
 * Under a steady stream of writes that could go on for ever, so each restart makes the steps
 * bigger and the third copies everything in one step — one read transaction, which in WAL mode
 * does not block the writers.
 */
export async function copyDatabaseOnline(sourceFile: string, targetFile: string, onProgress?: (progress: CopyProgress) => void): Promise<OnlineCopyResult> {
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    let restarts = 0;
    let step = FIRST_STEP_PAGES;
    let lastRemaining = Number.POSITIVE_INFINITY;
    const result = await source.backup(targetFile, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > lastRemaining) {
          restarts += 1;
          step = restarts >= RESTARTS_BEFORE_ONE_STEP ? ALL_PAGES : step * 8;
        }
        lastRemaining = remainingPages;
        onProgress?.({ totalPages, copiedPages: totalPages - remainingPages });
        return step;
      },
    });
    onProgress?.({ totalPages: result.totalPages, copiedPages: result.totalPages });
    return { pages: result.totalPages, restarts };
  } finally {
    source.close();
  }
}
