/** A refused row of an import: spreadsheet row (header = 1), the column's header, the reason in Chinese. */
export interface RowError {
  row: number;
  column?: string;
  message: string;
}

/** What an import answers: rows created, rows already imported before (skipped), rows refused. */
export interface ImportReport {
  created: number;
  skipped: number;
  errors: RowError[];
  /** Rows read from the sheet (empty rows not counted). */
  rows: number;
  dryRun: boolean;
  /** The latest position a write reached: pass as `?after=` to list what was imported. */
  position: string | null;
}
