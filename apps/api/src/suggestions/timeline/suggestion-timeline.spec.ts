import { SqliteEventStore } from '@duban/event-store';
import { EDU, LI, STAFF, writeDemoHistory } from '@duban/read-models/testing/demo-scenario';
import { HistoryWriter } from '@duban/read-models/testing/history-writer';
import { tempDir } from '@duban/read-models/testing/temp-dir';
import { readSuggestionTimeline, readTimelineWithDeadlines } from './suggestion-timeline';

describe('a suggestion timeline read from its stream', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = tempDir();
    store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal' });
    await writeDemoHistory(new HistoryWriter(store));
  });

  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('lists every event in stream order with who did it, when, and what they wrote', async () => {
    const timeline = await readSuggestionTimeline(store, 's-school');

    expect(timeline.map((entry) => [entry.revision, entry.type])).toEqual([
      [0, 'SuggestionSubmitted'],
      [1, 'SuggestionAccepted'],
      [2, 'SuggestionAssigned'],
      [3, 'SuggestionAnswered'],
      [4, 'SuggestionRated'],
      [5, 'RehandlingStarted'],
    ]);
    expect(timeline[0]).toMatchObject({
      occurredAt: '2026-01-05T02:00:00.000Z',
      actor: LI,
      data: { title: '关于增加中小学课后服务的建议', coSignerIds: ['dep-wang'] },
    });
    expect(timeline[1]).toMatchObject({ occurredAt: '2026-01-06T02:00:00.000Z', actor: STAFF });
    expect(timeline[3]!.actor).toEqual(EDU);
  });

  it('is empty for a suggestion that does not exist', async () => {
    expect(await readSuggestionTimeline(store, 's-missing')).toEqual([]);
    expect(await readTimelineWithDeadlines(store, 's-missing', '2026-06-01T00:00:00.000Z')).toEqual({ entries: [], deadlines: [] });
  });

  it('shows an event as soon as it is appended: the timeline never waits for a projector', async () => {
    const before = await readSuggestionTimeline(store, 's-bus');
    await new HistoryWriter(store).command('s-bus', STAFF, '2026-01-20T02:00:00.000Z', { type: 'UrgeSuggestion', data: { note: '请加快办理' } });

    const after = await readSuggestionTimeline(store, 's-bus');
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ revision: before.length, type: 'SuggestionUrged', actor: STAFF });
  });

  it('puts each deadline beside the same events: the answer deadline of an answered suggestion is settled', async () => {
    const { entries, deadlines } = await readTimelineWithDeadlines(store, 's-school', '2026-06-01T00:00:00.000Z');

    expect(entries).toEqual(await readSuggestionTimeline(store, 's-school'));
    const answer = deadlines.find((d) => d.kind === 'answer' && d.unitId === 'unit-edu');
    expect(answer).toBeDefined();
    expect(answer!.metAt ?? answer!.lateAt).toBe(entries[3]!.occurredAt);
  });
});
