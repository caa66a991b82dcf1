/**
 * What the operators' view of held-back streams shows. Kept in a types-only file so the web app can
 * import it (the projection's own files reach SQLite and Node typings).
 */
/** One stream held back: its first parked event (the one that failed) and how many wait behind it. */
export interface ParkedStream {
  streamId: string;
  /** Revision of the event that could not be applied; the stream's rows are as of the one before. */
  revision: number;
  position: string;
  type: string;
  error: string;
  /** When the projection first failed on it (wall clock, ISO-8601). */
  since: string;
  /** Times it was tried: the first failure plus every retry. */
  attempts: number;
  /** Events of the stream held back, the failed one included. */
  events: number;
}
