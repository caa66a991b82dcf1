import { deadlineOutcomes, foldSuggestion, suggestionStreamId, type DeadlineOutcome, type SuggestionEvent } from '@duban/domain';
import type { EventStore, RecordedEvent } from '@duban/event-store';
import type { TimelineEntry } from '@duban/read-models';
import { stamp } from '../../events/stamp';

/**
 * A suggestion's timeline is its stream: every event in stream order, with when and by whom. It is
 * read from the store rather than kept as a copy in the read model (which would hold every event
 * twice and double a rebuild's writes), so it is always as current as the last append.
 * Empty for an unknown suggestion.
 */
export async function readSuggestionTimeline(store: EventStore, id: string): Promise<TimelineEntry[]> {
  return (await store.readStream(suggestionStreamId(id))).map(toTimelineEntry);
}

/** The timeline and each deadline met or missed by `now`, both from the same events. */
export async function readTimelineWithDeadlines(
  store: EventStore,
  id: string,
  now: string,
): Promise<{ entries: TimelineEntry[]; deadlines: DeadlineOutcome[] }> {
  const events = await store.readStream(suggestionStreamId(id));
  const state = foldSuggestion(events.map((event) => stamp<SuggestionEvent>(event)));
  return { entries: events.map(toTimelineEntry), deadlines: deadlineOutcomes(state, now) };
}

function toTimelineEntry(event: RecordedEvent): TimelineEntry {
  return {
    revision: Number(event.revision),
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    actor: event.metadata.actor,
    data: event.data,
  };
}
