import type { RecordedEvent } from '@duban/event-store';
import type { AppliedEvent } from './applied-event';
import { ProjectionError } from './projection-error';
import type { ReadModelProjection } from './read-model-projection';

export interface BatchOutcome {
  /** Events applied and committed, in order. */
  applied: readonly AppliedEvent[];
  /** Events that could not be applied and were parked (each the first of its stream). */
  parked: readonly ProjectionError[];
  /** Set when a transient failure (disk full, I/O, lock) stopped the batch: the rest was not applied. */
  transient: ProjectionError | null;
}

/**
 * Applies a batch in one transaction; when it fails on an event the projection rejects, applies
 * its events one at a time instead, parking each one that fails (and, through the projection,
 * every later event of its stream). A transient failure parks nothing: it stops the batch where it
 * is, with the checkpoint after the last event committed, so the same events are tried again.
 */
export function applyOrPark(projection: ReadModelProjection, events: readonly RecordedEvent[], describe: boolean): BatchOutcome {
  try {
    return { applied: projection.applyBatch(events, describe), parked: [], transient: null };
  } catch (error) {
    const failure = asProjectionError(error, events);
    if (failure.transient) return { applied: [], parked: [], transient: failure };
  }
  // One event at a time: a batch of 1,000 costs 1,000 small transactions, paid only when one fails.
  const applied: AppliedEvent[] = [];
  const parked: ProjectionError[] = [];
  for (const event of events) {
    try {
      applied.push(...projection.applyBatch([event], describe));
    } catch (error) {
      const failure = asProjectionError(error, [event]);
      if (failure.transient) return { applied, parked, transient: failure };
      try {
        projection.park(event, failure.reason);
      } catch (parkError) {
        const parkFailure = asProjectionError(parkError, [event]);
        if (parkFailure.transient) return { applied, parked, transient: parkFailure };
        throw parkFailure;
      }
      parked.push(failure);
    }
  }
  return { applied, parked, transient: null };
}

function asProjectionError(error: unknown, events: readonly RecordedEvent[]): ProjectionError {
  return error instanceof ProjectionError ? error : new ProjectionError(events[events.length - 1]!, error);
}
