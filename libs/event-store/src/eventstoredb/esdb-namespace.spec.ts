import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { StreamNamespace } from './esdb-namespace';

const serverEvent = (streamId: string): EsdbRecordedEvent =>
  ({
    streamId,
    id: 'e1',
    revision: 3n,
    type: 'SuggestionAccepted',
    isJson: true,
    data: { a: 1 },
    metadata: { eventId: 'e1' },
    created: new Date(),
    position: { commit: 10n, prepare: 9n },
  }) as unknown as EsdbRecordedEvent;

describe('stream namespace on a shared EventStoreDB server', () => {
  it('stores streams under the namespace and hands them back under their own names', () => {
    const ns = new StreamNamespace('e2e-4f2a-');
    expect(ns.toServer('suggestion-1')).toBe('e2e-4f2a-suggestion-1');
    expect(ns.serverPrefixes(['suggestion-', 'user-', ''])).toEqual(['e2e-4f2a-suggestion-', 'e2e-4f2a-user-', 'e2e-4f2a-']);
    expect(ns.toPort(serverEvent('e2e-4f2a-suggestion-1'))).toMatchObject({ streamId: 'suggestion-1', revision: 3n, position: { commit: 10n, prepare: 9n } });
  });

  it('changes nothing without a namespace, and refuses one that is not a plain name', () => {
    const none = new StreamNamespace();
    expect(none.toServer('suggestion-1')).toBe('suggestion-1');
    expect(none.toPort(serverEvent('suggestion-1')).streamId).toBe('suggestion-1');
    for (const bad of ['$all', '-x', 'a b', 'x'.repeat(65)]) expect(() => new StreamNamespace(bad)).toThrow('stream namespace');
  });
});
