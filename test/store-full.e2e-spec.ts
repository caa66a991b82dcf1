import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@duban/event-store';
import { createOrganisation, Organisation } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The embedded store's own connection. SQLite's max_page_count is a per-connection cap on the
 * file's size: past it every write fails with SQLITE_FULL, exactly as on a full disk.
 */
function storeConnection(t: TestApp): Database.Database {
  return (t.app.get<EventStore>(EVENT_STORE) as unknown as { db: Database.Database }).db;
}

describe('the event store runs out of disk space', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let firstId: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    firstId = (await s.submit(org.deputy1, { title: '磁盘写满之前提交的建议', content: '内容' })).id;
  });
  afterAll(() => t.dispose());

  it('commands answer 503 with Retry-After and store nothing; reads keep working; health says writes fail; then writes resume', async () => {
    const db = storeConnection(t);
    const probe = new StoreProbe(t);
    const headBefore = await probe.head();
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);

    const big = { title: '磁盘写满时提交的建议', content: '很长的建议内容。'.repeat(2_000) };
    const retryable = { token: org.deputy2.token, headers: { 'idempotency-key': 'store-full-submit-1' } };
    const refused = await t.http.post('/api/suggestions', big, retryable);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ statusCode: 503, code: 'store_full' });
    expect(refused.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Nothing half-written: the store ends where it ended.
    expect(await probe.head()).toBe(headBefore);

    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.store).toMatchObject({ status: 'up', writable: false, lastWriteError: expect.stringMatching(/full/) });
    const list = await s.list(org.staff);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([firstId]);

    // Space is freed: the same request (same idempotency key) goes through, it was not recorded as a 503.
    db.pragma('max_page_count = 1073741823');
    const retried = await t.http.post('/api/suggestions', big, retryable);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await t.http.get('/api/health')).body.store.writable).toBe(true);
    s.lastPosition = retried.body.position;
    expect((await s.list(org.staff)).body.total).toBe(2);
  });
});
