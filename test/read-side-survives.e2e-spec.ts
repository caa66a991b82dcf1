import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { suggestionDecider } from '@duban/domain';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@duban/event-store';
import { rebuildReadModels } from '@duban/read-models';
import * as notificationRules from '../libs/read-models/src/projection/notifications/notification-rules';
import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp, TEST_ADMIN_PASSWORD } from './support/test-app';

/**
 * An event the projection cannot apply, stored as old data or a future bug would store it
 * (directly in the store, past the api's checks): the read side parks its stream and goes on.
 */
describe('the read side survives an event it cannot project', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  let org: Organisation;
  let good: string;
  let broken: string;

  const health = async (t: TestApp) => t.http.get('/api/health');

  beforeAll(async () => {
    first = await startTestApp();
    org = await createOrganisation(first.http);
    const s = new Suggestions(first.http);
    good = (await s.submit(org.deputy1, { title: '关于增设公交站的建议', content: '内容' })).id;
    broken = (await s.submit(org.deputy1, { title: '将被暂缓处理的建议', content: '内容' })).id;
    await s.run(org.staff, broken, 'accept');
    const store = first.app.get<EventStore>(EVENT_STORE);
    await store.appendToStream(`suggestion-${broken}`, [{ type: 'SuggestionTeleported', data: { to: '月球' }, metadata: metadata() }], {
      expectedRevision: 'any',
    });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await second?.stop();
    await first.dispose();
  });

  it('keeps projecting every other suggestion after the bad event', async () => {
    const s = new Suggestions(first.http);
    const later = await s.submit(org.deputy2, { title: '坏事件之后提交的建议', content: '内容' });
    expect((await s.state(org.deputy2, later.id)).status).toBe('submitted');
    await s.run(org.staff, good, 'accept');
    expect((await s.state(org.deputy1, good)).status).toBe('accepted');
    // The parked suggestion is shown as it was before the bad event.
    expect(await s.state(org.deputy1, broken)).toMatchObject({ status: 'accepted', revision: 1 });
  });

  it('health says degraded (200) and names the held-back stream; operators can list it; the gauge counts it', async () => {
    const response = await health(first);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('degraded');
    expect(response.body.projector).toMatchObject({ status: 'up', error: null, retrying: false, parkedCount: 1 });
    expect(response.body.projector.parked).toEqual([
      { streamId: `suggestion-${broken}`, revision: 2, type: 'SuggestionTeleported', error: expect.stringMatching(/SuggestionTeleported|suggestion event/), since: expect.any(String) },
    ]);

    const listed = await first.http.get('/api/operations/parked', { token: org.staff.token });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ streamId: `suggestion-${broken}`, revision: 2, events: 1, attempts: 1 }] });
    expect((await first.http.get('/api/operations/parked', { token: org.deputy1.token })).status).toBe(403);
    expect((await first.http.get('/api/operations/parked', { token: org.supervisor.token })).status).toBe(403);

    const metrics = await first.http.get('/api/metrics');
    expect(String(metrics.body)).toMatch(/^duban_projector_parked_streams 1$/m);
  });

  it('a rebuild from the store completes and parks the same stream', async () => {
    await first.stop();
    const store = new SqliteEventStore({ path: path.join(first.dataDir, 'events.sqlite') });
    try {
      const result = await rebuildReadModels(store, path.join(first.dataDir, 'rebuilt.sqlite'));
      expect(result.parkedCount).toBe(1);
      expect(result.parked[0]).toMatchObject({ streamId: `suggestion-${broken}`, revision: 2 });
    } finally {
      await store.close();
    }
  });

  it('the service starts with its read model deleted, and the retry route releases the stream once the projection is fixed', async () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(first.dataDir, `read-model.sqlite${suffix}`), { force: true });
    second = await startTestApp({}, first.dataDir);
    const deputy = await login(second.http, 'deputy1', PASSWORD);
    const s = new Suggestions(second.http);
    s.lastPosition = (await health(second)).body.store.head;
    expect((await s.state(deputy, good)).status).toBe('accepted');
    const degraded = await health(second);
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', projector: { parkedCount: 1 } });

    // The fix: a projection that knows the new event type (here: it changes nothing and notifies no one).
    const evolve = suggestionDecider.evolve.bind(suggestionDecider);
    jest.spyOn(suggestionDecider, 'evolve').mockImplementation((state, event) => (isTeleported(event) ? state : evolve(state, event)));
    const notify = notificationRules.notificationsFor;
    jest.spyOn(notificationRules, 'notificationsFor').mockImplementation((event, ctx) => (isTeleported(event) ? [] : notify(event, ctx)));
    const staff = await login(second.http, 'staff1', PASSWORD);
    expect((await second.http.post('/api/operations/parked/retry', {}, { token: staff.token })).status).toBe(403);
    const admin = await login(second.http, 'admin', TEST_ADMIN_PASSWORD);
    const retried = await second.http.post('/api/operations/parked/retry', {}, { token: admin.token });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ released: [`suggestion-${broken}`], stillParked: [] });

    expect((await s.state(deputy, broken)).revision).toBe(2);
    const healthy = await health(second);
    expect(healthy.body).toMatchObject({ status: 'ok', projector: { parkedCount: 0, parked: [] } });
  });
});

function isTeleported(event: { type: string }): boolean {
  return event.type === 'SuggestionTeleported';
}

function metadata() {
  return {
    eventId: randomUUID(),
    actor: { userId: 'a-future-bug', role: 'staff' as const },
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
  };
}
