import Database from 'better-sqlite3';
import * as path from 'node:path';
import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

const GENESIS = '0'.repeat(64);

/**
 * GET /api/suggestions/:id/audit: the hash chain of one suggestion as stored, and whether it
 * holds. Someone who edits the database directly, behind the service's back, is named by stream
 * and revision.
 */
describe('the audit chain of a suggestion', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    id = (await s.submit(org.deputy1, { title: '关于审计链的建议', content: '记录不能被悄悄改动。' })).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    await s.run(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
  });
  afterAll(() => t?.dispose());

  const audit = (token: string | undefined, suggestionId = id) => t.http.get(`/api/suggestions/${suggestionId}/audit`, token ? { token } : {});

  it('returns every event with its hash and the hash it chains to, and the verdict "intact"', async () => {
    const response = await audit(org.staff.token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ streamId: `suggestion-${id}`, verdict: 'intact' });
    expect(response.body.brokenAt).toBeUndefined();
    const events = response.body.events as { revision: number; type: string; hash: string; prevHash: string }[];
    expect(events.map((e) => [e.revision, e.type])).toEqual([
      [0, 'SuggestionSubmitted'],
      [1, 'SuggestionAccepted'],
      [2, 'SuggestionAssigned'],
      [3, 'SuggestionAnswered'],
    ]);
    expect(events[0]!.prevHash).toBe(GENESIS);
    events.forEach((event, i) => {
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(event.prevHash).toBe(events[i - 1]!.hash);
    });
  });

  it('is for staff, supervisors and admins only', async () => {
    expect((await audit(org.supervisor.token)).status).toBe(200);
    expect((await audit(org.admin.token)).status).toBe(200);
    for (const person of [org.deputy1, org.traffic]) {
      const refused = await audit(person.token);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await audit(undefined)).status).toBe(401);
    expect((await audit(org.staff.token, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('names the stream and revision of an event edited directly in the database', async () => {
    const db = new Database(path.join(t.dataDir, 'events.sqlite'));
    try {
      // The kind of quiet change the chain exists for: the answer's category, rewritten afterwards.
      db.prepare("UPDATE events SET data = json_set(data, '$.category', 'D') WHERE stream_id = ? AND revision = 3").run(`suggestion-${id}`);
    } finally {
      db.close();
    }
    const response = await audit(org.supervisor.token);
    expect(response.status).toBe(200);
    expect(response.body.verdict).toBe('broken');
    expect(response.body.brokenAt).toMatchObject({ revision: 3, code: 'hash_mismatch', reason: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(response.body.streamId).toBe(`suggestion-${id}`);
  });

  it('catches an event removed from the middle of a stream', async () => {
    const other = (await s.submit(org.deputy2, { title: '另一条建议', content: '内容' })).id;
    await s.run(org.staff, other, 'accept');
    await s.run(org.staff, other, 'assign', { mode: 'sole', unitIds: ['health'] });
    const db = new Database(path.join(t.dataDir, 'events.sqlite'));
    try {
      db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 1').run(`suggestion-${other}`);
    } finally {
      db.close();
    }
    const response = await audit(org.staff.token, other);
    expect(response.body).toMatchObject({ verdict: 'broken', brokenAt: { revision: 1, code: 'missing_event' } });
  });
});
