/**
 * Milliseconds the suggestion projection spent per phase, summed: a rebuild reports its split from
 * them. Timed only when asked for (two clock reads per phase and event).
 */
export interface PhaseTimes {
  /** Upcasting and folding the events' own effects into the states. */
  fold: number;
  /** The deadline bookkeeping the fold composes after each event (withTrackedDeadlines). */
  deadlines: number;
  /** Notifications and routing evidence, per event. */
  views: number;
  /** A suggestion's rows, facts and statistics worked out and handed to the database when written. */
  rows: number;
}

export function emptyPhaseTimes(): PhaseTimes {
  return { fold: 0, deadlines: 0, views: 0, rows: 0 };
}
