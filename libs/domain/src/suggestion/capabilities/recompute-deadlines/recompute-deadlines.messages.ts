/** The commands recompute-deadlines accepts and the events it records (composed into the suggestion's unions). */

/** One due time moved by DeadlinesRecomputed. */
export interface DeadlineChange {
  obligation: string;
  from: string;
  to: string;
}

export type RecomputeDeadlinesCommand =
  /**
   * System or admin: the official notice for `years` was loaded; every open due time computed on
   * those years' provisional holidays is computed again. Returns [] when none moves.
   */
  | { type: 'RecomputeDeadlines'; data: { years: number[]; reason: string } };

export type RecomputeDeadlinesEvent =
  /**
   * Due times computed on a provisional calendar year (statutory holidays computed, the State
   * Council's notice not loaded yet), recomputed once the notice for `years` was loaded. Each change
   * names the obligation (its key, or `extension_max[:unitId]` for the extension limit) and its due
   * time before and after; `reason` says why, for the timeline.
   */
  | { type: 'DeadlinesRecomputed'; data: { changes: DeadlineChange[]; reason: string; years: number[] } };
