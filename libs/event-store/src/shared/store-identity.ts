import type { EventStoreConfig } from '../config';

/**
 * Which event store a read model is built from, as the read model records it: the kind, and for
 * EventStoreDB the stream namespace (deployments sharing a server are different stores). Not the
 * hosts or file path: adding a cluster node or moving the SQLite file keeps the same history, and
 * a different history behind the same name is caught by the read model's store mark.
 */
export function storeIdentityOf(config: EventStoreConfig): string {
  if (config.kind === 'sqlite') return 'sqlite';
  return config.streamNamespace ? `eventstoredb:${config.streamNamespace}` : 'eventstoredb';
}
