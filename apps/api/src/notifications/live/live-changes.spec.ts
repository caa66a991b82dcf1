import type { MessageEvent } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import { SqliteEventStore } from '@duban/event-store';
import { Projector, ReadModelQueries } from '@duban/read-models';
import { EDU, LI, STAFF, TRAFFIC, WANG, ZHAO } from '@duban/read-models/testing/demo-scenario';
import { HistoryWriter } from '@duban/read-models/testing/history-writer';
import { tempDir } from '@duban/read-models/testing/temp-dir';
import type { Subscription } from 'rxjs';
import { LiveChanges } from './live-changes';

const SILENT = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The live stream's filter and heartbeat, on a real event store and projector. */
describe('LiveChanges', () => {
  const dir = tempDir('live-changes-');
  let store: SqliteEventStore;
  let projector: Projector;
  let live: LiveChanges;
  let writer: HistoryWriter;
  const subscriptions: Subscription[] = [];

  /** Everything the viewer's stream emits, as it comes. */
  function watch(viewer: Actor, heartbeatMs = 60_000): MessageEvent[] {
    const seen: MessageEvent[] = [];
    subscriptions.push(live.forViewer(viewer, heartbeatMs).subscribe((m) => seen.push(m)));
    return seen;
  }
  const changes = (seen: MessageEvent[]) => seen.filter((m) => m.data !== undefined).map((m) => m.data as { type: string; suggestionId?: string });

  beforeEach(async () => {
    store = new SqliteEventStore({ path: dir.file(`events-${Date.now()}.sqlite`) });
    projector = new Projector(store, dir.file(`read-model-${Date.now()}.sqlite`), { logger: SILENT });
    await projector.start();
    live = new LiveChanges(projector, new ReadModelQueries(projector.database));
    writer = new HistoryWriter(store);
  });
  afterEach(async () => {
    for (const s of subscriptions.splice(0)) s.unsubscribe();
    await projector.close();
    await store.close();
  });
  afterAll(() => dir.remove());

  it('says it is connected at once, then sends a heartbeat comment every interval', async () => {
    const seen = watch(LI, 25);
    expect(seen).toEqual([{ comment: 'connected' }]);
    // Wait for the heartbeats rather than a fixed time: a loaded machine delays timers.
    const deadline = Date.now() + 5_000;
    while (seen.filter((m) => m.comment === 'heartbeat').length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const heartbeats = seen.filter((m) => m.comment === 'heartbeat');
    expect(heartbeats.length).toBeGreaterThanOrEqual(2);
    expect(heartbeats.every((m) => m.data === undefined)).toBe(true);
  });

  it('passes each viewer only the changes they may see: signers, the assigned unit from its assignment on, staff everything', async () => {
    const lead = watch(LI);
    const coSigner = watch(WANG);
    const stranger = watch(ZHAO);
    const education = watch(EDU);
    const traffic = watch(TRAFFIC);
    const staff = watch(STAFF);

    await writer.submit('s-1', LI, '2026-04-01T01:00:00.000Z', '关于增设口袋公园的建议', '内容。', ['dep-wang']);
    await writer.command('s-1', STAFF, '2026-04-02T01:00:00.000Z', { type: 'AcceptSuggestion', data: {} });
    await writer.command('s-1', STAFF, '2026-04-03T01:00:00.000Z', { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['unit-edu'] } });
    const marked = await writer.markRead(WANG, ['s-1@2@user:dep-wang'], '2026-04-04T01:00:00.000Z');
    expect(await projector.waitFor(marked.position, 5000)).toBe(true);

    const all = ['SuggestionSubmitted', 'SuggestionAccepted', 'SuggestionAssigned'];
    expect(changes(lead).map((c) => c.type)).toEqual(all);
    expect(changes(staff).map((c) => c.type)).toEqual(all);
    // The co-signer also hears of their own read mark (to refresh the unread count), nobody else does.
    expect(changes(coSigner)).toEqual([
      ...all.map((type, revision) => ({ type, suggestionId: 's-1', revision, position: expect.any(String) })),
      { type: 'NotificationsRead', revision: 0, position: expect.any(String) },
    ]);
    expect(changes(education)).toEqual([{ type: 'SuggestionAssigned', suggestionId: 's-1', revision: 2, position: expect.any(String) }]);
    expect(changes(traffic)).toEqual([]);
    expect(changes(stranger)).toEqual([]);
  });
});
