import { LEGACY_SESSION_ID } from '../session/events';
import { CURRENT_EVENT_SCHEMA_VERSION, UnknownSchemaVersionError, upcast } from './upcast';

describe('upcast (the read seam for older event schemas)', () => {
  const current = { type: 'SuggestionAccepted', data: {}, metadata: { schemaVersion: CURRENT_EVENT_SCHEMA_VERSION, eventId: 'e1' } };

  it('returns an event at the current version unchanged, the same object (free on the hot path)', () => {
    expect(upcast(current)).toBe(current);
  });

  it('refuses an event written by newer code instead of folding it wrongly', () => {
    const future = { ...current, metadata: { ...current.metadata, schemaVersion: CURRENT_EVENT_SCHEMA_VERSION + 1 } };
    expect(() => upcast(future)).toThrow(UnknownSchemaVersionError);
  });

  it('reads an event without a version as version 1 and lifts it (an event untouched by the steps keeps its data)', () => {
    const unversioned = { type: 'SuggestionAccepted', data: { assignDueAt: 'x' }, metadata: {} as { schemaVersion: number } };
    expect(upcast(unversioned)).toEqual({ ...unversioned, metadata: { schemaVersion: CURRENT_EVENT_SCHEMA_VERSION } });
  });

  it('given a SuggestionSubmitted of version 1 (before sessions), when read, then it belongs to the legacy session', () => {
    const old = { type: 'SuggestionSubmitted', data: { suggestionId: 's1', title: 't' }, metadata: { schemaVersion: 1 } };
    expect(upcast(old).data).toEqual({ suggestionId: 's1', title: 't', sessionId: LEGACY_SESSION_ID });
    expect(old.data).not.toHaveProperty('sessionId');
  });

  it('given a version-1 SuggestionSubmitted that already names a session, when read, then the session is kept', () => {
    const named = { type: 'SuggestionSubmitted', data: { suggestionId: 's1', sessionId: 'x' }, metadata: { schemaVersion: 1 } };
    expect(upcast(named).data).toEqual({ suggestionId: 's1', sessionId: 'x' });
  });
});
