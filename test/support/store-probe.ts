import { EVENT_STORE, EventStore, formatPosition, RecordedEvent } from '@duban/event-store';
import type { TestApp } from './test-app';

/** Looks into the running app's event store directly: what was really appended, not what a read model says. */
export class StoreProbe {
  constructor(private readonly t: TestApp) {}

  private get store(): EventStore {
    return this.t.app.get<EventStore>(EVENT_STORE);
  }

  async head(): Promise<string | null> {
    const head = await this.store.headPosition();
    return head === null ? null : formatPosition(head);
  }

  stream(streamId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId);
  }

  suggestion(id: string): Promise<RecordedEvent[]> {
    return this.stream(`suggestion-${id}`);
  }
}
