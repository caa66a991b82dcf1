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

  it('reads an event without a version as version 1', () => {
    const unversioned = { type: 'SuggestionAccepted', data: {}, metadata: {} as { schemaVersion: number } };
    expect(upcast(unversioned)).toBe(unversioned);
  });
});
