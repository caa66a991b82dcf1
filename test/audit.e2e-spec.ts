import Database from 'better-sqlite3';
import { createHash, createHmac } from 'node:crypto';
import * as path from 'node:path';
import { checkSealSignature, type AuditSeal } from '@duban/event-store';
import { canonicalJson } from '@duban/event-store/audit/canonical-json';
import { AuditSealService } from '../apps/api/src/audit/audit-seal.service';
import { ConfigError } from '../apps/api/src/config/config-error';
import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TEST_AUDIT_KEY, TestApp } from './support/test-app';

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
  it('hashes new events with the audit key: a rating rewritten to "satisfied" with the public sha256 is caught', async () => {
    const rated = (await s.submit(org.deputy3, { title: '关于满意度的建议', content: '内容' })).id;
    await s.run(org.staff, rated, 'accept');
    await s.run(org.staff, rated, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    await s.run(org.traffic, rated, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
    await s.run(org.deputy3, rated, 'rate', { attitude: 'dissatisfied', result: 'dissatisfied', reason: '问题没有解决' });
    const before = await audit(org.supervisor.token, rated);
    expect(before.body.verdict).toBe('intact');
    const events = before.body.events as { revision: number; type: string; hashScheme: string }[];
    expect(events.every((e) => e.hashScheme === 'hmac-sha256')).toBe(true);
    const rating = events.find((e) => e.type === 'SuggestionRated')!.revision;

    // The intruder's move: the rating says satisfied, and its hash is recomputed with the published algorithm.
    const db = new Database(path.join(t.dataDir, 'events.sqlite'));
    try {
      const row = db.prepare('SELECT type, data, metadata FROM events WHERE stream_id = ? AND revision = ?').get(`suggestion-${rated}`, rating) as { type: string; data: string; metadata: string };
      const stored = JSON.parse(row.metadata) as Record<string, unknown>;
      const text = (data: unknown) =>
        `[${JSON.stringify(`suggestion-${rated}`)},"${rating}",${JSON.stringify(row.type)},${canonicalJson(data)},${canonicalJson(stored, ['hash', 'prevHash'])},${JSON.stringify(stored.prevHash)}]`;
      // What is stored is the HMAC under the service's key, not the public sha256.
      expect(stored.hash).toBe(createHmac('sha256', Buffer.from(TEST_AUDIT_KEY, 'hex')).update(text(JSON.parse(row.data))).digest('hex'));
      const forged = { ...(JSON.parse(row.data) as object), attitude: 'satisfied', result: 'satisfied' };
      const hash = createHash('sha256').update(text(forged)).digest('hex');
      db.prepare('UPDATE events SET data = ?, metadata = ? WHERE stream_id = ? AND revision = ?').run(JSON.stringify(forged), JSON.stringify({ ...stored, hash }), `suggestion-${rated}`, rating);
    } finally {
      db.close();
    }
    const after = await audit(org.supervisor.token, rated);
    expect(after.body).toMatchObject({ verdict: 'broken', brokenAt: { revision: rating, code: 'hash_mismatch' } });
  });

  it('refuses to seal a store that no longer verifies, so no seal vouches for it', async () => {
    const latest = (token: string | undefined) => t.http.get('/api/audit/seals/latest', token ? { token } : {});
    expect((await latest(org.supervisor.token)).status).toBe(404);
    // The store has tampered events by now (earlier tests): the service refuses to seal it.
    expect(await t.app.get(AuditSealService).sealOnce()).toBeNull();
    expect((await latest(org.admin.token)).status).toBe(404);
  });

  it('refuses to start in production without an audit key', async () => {
    const error = await startTestApp({ NODE_ENV: 'production', CLOCK: 'system', DEMO_DATA: '', JWT_SECRET: 'a-real-production-secret-of-at-least-32-characters', AUDIT_KEY: '' }).then(
      async (started) => {
        await started.dispose();
        throw new Error('the service started');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringContaining('AUDIT_KEY：生产环境必须设置审计密钥')]);
  });
});

describe('the audit seals of a service', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    await new Suggestions(t.http).submit(org.deputy1, { title: '关于封印的建议', content: '内容' });
  });
  afterAll(() => t?.dispose());

  it('seals the store and serves the seal with its public key to supervisors and admins only', async () => {
    const sealed = await t.app.get(AuditSealService).sealOnce();
    expect(sealed).toMatchObject({ status: 'sealed' });
    const response = await t.http.get('/api/audit/seals/latest', { token: org.supervisor.token });
    expect(response.status).toBe(200);
    const body = response.body as { seal: AuditSeal; publicKey: string; keyId: string; file: string };
    expect(body.file).toMatch(/^seal-\d{8}T\d{9}Z\.json$/);
    expect(body.seal.streams.map(([streamId]) => streamId)).toContain('user-admin');
    expect(body.seal.head).toMatchObject({ events: expect.any(Number), digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // A supervisor checks it with the public key alone; a changed seal does not pass.
    expect(checkSealSignature(body.seal, body.publicKey)).toEqual({ status: 'valid' });
    expect(checkSealSignature({ ...body.seal, streams: body.seal.streams.slice(1) }, body.publicKey).status).toBe('invalid');
    expect((await t.http.get('/api/audit/seals/latest', { token: org.admin.token })).status).toBe(200);
    for (const person of [org.deputy1, org.traffic, org.staff]) expect((await t.http.get('/api/audit/seals/latest', { token: person.token })).status).toBe(403);
    expect((await t.http.get('/api/audit/seals/latest')).status).toBe(401);
  });
});
