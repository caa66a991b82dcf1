import type { EventMetadata } from '@duban/domain';

/**
 * Published on the EventBus after an append succeeded (never before), one per stored event,
 * for sagas and live updates. `position` is the append's last position: a subscriber that
 * needs a read model to include the event waits for it.
 */
export class SuggestionEventAppended {
  constructor(
    readonly streamId: string,
    readonly suggestionId: string,
    readonly revision: number,
    readonly position: string,
    readonly type: string,
    readonly data: unknown,
    readonly metadata: EventMetadata,
  ) {}
}
