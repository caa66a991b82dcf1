import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Account commands whose stream depends on the body (a new user's login name, a new unit's id)
 * cannot find a reused key in their own stream: the key is recorded per person, and another
 * body with it is refused wherever it would write.
 */
describe('Idempotency-Key on account commands', () => {
  let t: TestApp;
  let org: Organisation;
  const key = (name: string) => ({ headers: { 'Idempotency-Key': `${name}-${Date.now()}` } });

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
  });
  afterAll(() => t.dispose());

  it('POST /users: the same key with another body is 422 and creates no second account; the same body replays', async () => {
    const options = { token: org.admin.token, ...key('users') };
    const first = await t.http.post('/api/users', { username: 'clerk-a', password: 'password-a1', displayName: '甲', role: 'staff' }, options);
    expect(first.status).toBe(201);
    const other = await t.http.post('/api/users', { username: 'root-b', password: 'password-b1', displayName: '乙', role: 'admin' }, options);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(other.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await t.http.post('/api/auth/login', { username: 'root-b', password: 'password-b1' })).status).toBe(401);
    const users = await t.http.get(`/api/users?after=${first.body.position}`, { token: org.admin.token });
    expect(users.body.map((u: { id: string }) => u.id)).not.toContain('root-b');

    const again = await t.http.post('/api/users', { username: 'clerk-a', password: 'password-a1', displayName: '甲', role: 'staff' }, options);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('POST /units: the same key with another body is 422 and registers nothing', async () => {
    const options = { token: org.admin.token, ...key('units') };
    expect((await t.http.post('/api/units', { id: 'finance', name: '市财政局' }, options)).status).toBe(201);
    const other = await t.http.post('/api/units', { id: 'audit', name: '市审计局' }, options);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const units = await t.http.get('/api/units', { token: org.admin.token });
    expect(units.body.map((u: { id: string }) => u.id)).not.toContain('audit');
  });

  it('a key used on one route is refused on another route', async () => {
    const options = { token: org.admin.token, ...key('cross') };
    expect((await t.http.post('/api/units', { id: 'justice', name: '市司法局' }, options)).status).toBe(201);
    const other = await t.http.post('/api/users', { username: 'clerk-c', password: 'password-c1', displayName: '丙', role: 'staff' }, options);
    expect(other.status).toBe(422);
  });

  it('a refused request leaves its key free: a 409 first, then another body with the key succeeds', async () => {
    const options = { token: org.admin.token, ...key('refused') };
    expect((await t.http.post('/api/units', { id: 'traffic', name: '重复' }, options)).status).toBe(409);
    expect((await t.http.post('/api/units', { id: 'sports', name: '市体育局' }, options)).status).toBe(201);
  });

  it('POST /auth/password: the same key with another body is 422, the same body replays', async () => {
    const person = await login(t.http, 'education1', PASSWORD);
    const options = { token: person.token, ...key('password') };
    const other = await t.http.post('/api/units', { id: 'x-unit', name: '某局' }, { ...options, token: org.admin.token });
    expect(other.status).toBe(201);
    // Keys are per person: the admin's use of the same key does not touch this person's.
    const changed = await t.http.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'edu-new-pass-1' }, options);
    expect(changed.status).toBe(200);
    // The change ended the token it was made with; the person signs in again and retries.
    const fresh = await login(t.http, 'education1', 'edu-new-pass-1');
    const retryOptions = { ...options, token: fresh.token };
    const replay = await t.http.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'edu-new-pass-1' }, retryOptions);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const reused = await t.http.post('/api/auth/password', { currentPassword: 'edu-new-pass-1', newPassword: 'edu-new-pass-2' }, retryOptions);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    await expect(login(t.http, 'education1', 'edu-new-pass-1')).resolves.toMatchObject({ id: 'education1' });
  });
});
