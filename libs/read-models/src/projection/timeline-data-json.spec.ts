import type { RecordedEvent } from '@duban/event-store';
import { timelineDataJson } from './timeline-data-json';

const recorded = (data: unknown, dataJson?: string): RecordedEvent => ({
  streamId: 'suggestion-s1',
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  type: 'SuggestionSubmitted',
  data,
  metadata: { eventId: 'e1', actor: { userId: 'u', role: 'deputy' }, occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: null, schemaVersion: 1 },
  ...(dataJson === undefined ? {} : { dataJson }),
});

describe('timelineDataJson', () => {
  it('uses the stored text when there is one: it is what stringifying the data gives', () => {
    const text = '{"content":"建议内容","title":"关于路灯的建议"}';
    const event = recorded(JSON.parse(text), text);
    expect(timelineDataJson(event)).toBe(text);
    expect(timelineDataJson(recorded(JSON.parse(text)))).toBe(text);
    expect(timelineDataJson(recorded(null, 'null'))).toBe('null');
  });

  it('stringifies data whose keys look like array indexes, which parsing moves to the front', () => {
    // Canonical (sorted) text: "10" < "9" < "a"; JSON.parse orders 9, 10, a.
    const stored = '{"10":"x","9":"y","a":1}';
    const event = recorded(JSON.parse(stored), stored);
    expect(timelineDataJson(event)).toBe('{"9":"y","10":"x","a":1}');
    expect(timelineDataJson(event)).toBe(JSON.stringify(event.data));
  });

  it('stringifies when the read brought no text (the live projector, EventStoreDB)', () => {
    expect(timelineDataJson(recorded({ b: 1, a: [1, 2] }))).toBe('{"b":1,"a":[1,2]}');
    expect(timelineDataJson(recorded(undefined))).toBe('null');
  });
});
