import { ExistingSuggestion, SuggestionEvent, foldSuggestionAsOf, instantMs, isIsoInstant, suggestionStreamId, upcast } from '@duban/domain';
import type { EventStore } from '@duban/event-store';
import { stamp } from '../../events/stamp';

/**
 * The suggestion as it was at `asOf`, folded from its stream (not the read model, which only knows
 * now), with the revision of the last event it includes; null when it did not exist yet.
 * A malformed `asOf` is the domain's 400 (`as_of.invalid`).
 */
export async function suggestionAsOf(store: EventStore, id: string, asOf: string): Promise<{ state: ExistingSuggestion; revision: number } | null> {
  const events = (await store.readStream(suggestionStreamId(id))).map((e) => stamp<SuggestionEvent>(upcast(e)));
  const state = foldSuggestionAsOf(events, asOf);
  if (state.status === 'none') return null;
  // foldSuggestionAsOf stops at the first event after asOf: the revision is the one before it.
  const limit = instantMs(asOf);
  const firstLater = events.findIndex((event) => isIsoInstant(event.at) && instantMs(event.at) > limit);
  const revision = (firstLater === -1 ? events.length : firstLater) - 1;
  return { state, revision };
}
