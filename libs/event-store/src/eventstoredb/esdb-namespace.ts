import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '../port/event-store.port';
import { toRecordedEvent } from './esdb-mapping';
import { isValidStreamNamespace } from './stream-namespace-name';

export { isValidStreamNamespace };

/**
 * Lets several independent deployments (or test runs) share one EventStoreDB server: every
 * stream is stored as `<namespace><streamId>` and handed back under its own name. The rest of
 * the product, the audit chain included, only ever sees the names without the namespace.
 */
export class StreamNamespace {
  constructor(readonly prefix: string = '') {
    if (prefix !== '' && !isValidStreamNamespace(prefix)) {
      throw new Error(`stream namespace "${prefix}" must be 1–64 letters, digits, "_", "." or "-", not starting with a symbol`);
    }
  }

  toServer(streamId: string): string {
    return this.prefix + streamId;
  }

  serverPrefixes(prefixes: readonly string[]): string[] {
    return prefixes.map((prefix) => this.prefix + prefix);
  }

  toPort(event: EsdbRecordedEvent): RecordedEvent {
    const recorded = toRecordedEvent(event);
    return this.prefix === '' ? recorded : { ...recorded, streamId: recorded.streamId.slice(this.prefix.length) };
  }
}
