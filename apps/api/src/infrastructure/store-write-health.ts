import { Injectable } from '@nestjs/common';
import { StoreUnavailableError, type EventStore } from '@duban/event-store';

export interface StoreWriteState {
  /** False since an append failed because the store could not write (disk full, server gone), until one succeeds. */
  writable: boolean;
  lastWriteError: string | null;
  lastWriteErrorAt: string | null;
}

/**
 * Whether the event store takes writes, as the last append showed. Reads may keep working while
 * writes fail (a full disk), so a read-only probe in the health check cannot tell; the appends
 * themselves can. Only the store's own failures count: a refused or conflicting command does not.
 */
@Injectable()
export class StoreWriteHealth {
  private state: StoreWriteState = { writable: true, lastWriteError: null, lastWriteErrorAt: null };

  current(): StoreWriteState {
    return { ...this.state };
  }

  succeeded(): void {
    if (!this.state.writable) this.state = { ...this.state, writable: true };
  }

  failed(error: StoreUnavailableError, at: Date = new Date()): void {
    this.state = { writable: false, lastWriteError: error.message, lastWriteErrorAt: at.toISOString() };
  }

  /**
   * The same store, whose appends report to this object. A Proxy rather than a wrapper class, so
   * the adapter's optional methods (scanAll, lastEvent…) stay visible to those who look for them.
   */
  watch(store: EventStore): EventStore {
    const appendToStream: EventStore['appendToStream'] = async (...args) => {
      try {
        const result = await store.appendToStream(...args);
        this.succeeded();
        return result;
      } catch (error) {
        if (error instanceof StoreUnavailableError) this.failed(error);
        throw error;
      }
    };
    return new Proxy(store, {
      get(target, property) {
        if (property === 'appendToStream') return appendToStream;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}
