import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

/** An open live stream, read until the server ends it. */
async function openStream(baseUrl: string, token: string): Promise<{ status: number; ended: Promise<boolean>; close(): void }> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events/stream?access_token=${encodeURIComponent(token)}`, {
    headers: { accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const ended = (async () => {
    if (!response.body) return true;
    const reader = response.body.getReader();
    try {
      for (;;) if ((await reader.read()).done) return true;
    } catch {
      return false;
    }
  })();
  return { status: response.status, ended, close: () => abort.abort() };
}

/** Resolves true when `ended` settles within `ms`, false otherwise. */
function within(ended: Promise<boolean>, ms: number): Promise<boolean> {
  return Promise.race([ended, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

describe('sessions end: logout, password change, deactivation, role change', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
  });
  afterAll(() => t.dispose());

  it('logout revokes exactly the token it was sent with, on every route and on an open live stream', async () => {
    const first = await login(t.http, 'deputy1', PASSWORD);
    const second = await login(t.http, 'deputy1', PASSWORD);
    const stream = await openStream(t.baseUrl, first.token);
    expect(stream.status).toBe(200);

    const out = await t.http.post('/api/auth/logout', {}, { token: first.token });
    expect(out.status).toBe(200);
    expect(await within(stream.ended, 5000)).toBe(true);

    for (const path of ['/api/auth/me', '/api/suggestions', '/api/inbox']) {
      const refused = await t.http.get(path, { token: first.token });
      expect(refused.status).toBe(401);
      expect(refused.body.message).toMatch(/登录已失效/);
    }
    expect((await t.http.post('/api/suggestions', { title: '标题', content: '内容' }, { token: first.token })).status).toBe(401);
    expect((await openStream(t.baseUrl, first.token)).status).toBe(401);
    // The other session of the same person goes on.
    expect((await t.http.get('/api/auth/me', { token: second.token })).status).toBe(200);
  });

  it('a password change refuses every token issued before it at once, the changer\'s own too, and closes their streams', async () => {
    const other = await login(t.http, 'deputy2', PASSWORD);
    const changer = await login(t.http, 'deputy2', PASSWORD);
    const stream = await openStream(t.baseUrl, other.token);
    const changed = await t.http.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'new-password-2' }, { token: changer.token });
    expect(changed.status).toBe(200);
    expect((await t.http.get('/api/auth/me', { token: other.token })).status).toBe(401);
    expect((await t.http.get('/api/auth/me', { token: changer.token })).status).toBe(401);
    expect(await within(stream.ended, 5000)).toBe(true);
    const fresh = await login(t.http, 'deputy2', 'new-password-2');
    expect((await t.http.get('/api/auth/me', { token: fresh.token })).status).toBe(200);
  });

  it('an admin deactivates an account: its tokens are refused, it cannot log in (the same 401 as a wrong password); reactivated, it can', async () => {
    const before = await login(t.http, 'deputy3', PASSWORD);
    const stream = await openStream(t.baseUrl, before.token);
    const off = await t.http.post('/api/users/deputy3/deactivate', {}, { token: org.admin.token });
    expect(off.status).toBe(200);
    expect((await t.http.get('/api/suggestions', { token: before.token })).status).toBe(401);
    expect(await within(stream.ended, 5000)).toBe(true);

    const refused = await t.http.post('/api/auth/login', { username: 'deputy3', password: PASSWORD });
    const wrong = await t.http.post('/api/auth/login', { username: 'deputy1', password: 'wrong-password' });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(wrong.body);

    expect((await t.http.post('/api/users/deputy3/deactivate', {}, { token: org.admin.token })).status).toBe(409);
    expect((await t.http.post('/api/users/deputy3/reactivate', {}, { token: org.admin.token })).status).toBe(200);
    const after = await login(t.http, 'deputy3', PASSWORD);
    expect((await t.http.get('/api/auth/me', { token: after.token })).status).toBe(200);
    // Tokens from before the deactivation stay refused after the reactivation.
    expect((await t.http.get('/api/auth/me', { token: before.token })).status).toBe(401);
  });

  it('a role change ends the sessions; the next login carries the new role', async () => {
    const before = await login(t.http, 'health1', PASSWORD);
    const missing = await t.http.post('/api/users/health1/role', { role: 'unit' }, { token: org.admin.token });
    expect(missing.status).toBe(400);
    const unknownUnit = await t.http.post('/api/users/health1/role', { role: 'unit', unitId: 'no-such-unit' }, { token: org.admin.token });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.errors).toEqual([{ field: 'unitId', message: expect.stringMatching(/不存在/) }]);
    expect((await t.http.get('/api/auth/me', { token: before.token })).status).toBe(200);

    const changed = await t.http.post('/api/users/health1/role', { role: 'unit', unitId: 'housing' }, { token: org.admin.token });
    expect(changed.status).toBe(200);
    expect((await t.http.get('/api/auth/me', { token: before.token })).status).toBe(401);
    const after = await login(t.http, 'health1', PASSWORD);
    const me = await t.http.get('/api/auth/me', { token: after.token });
    expect(me.body).toMatchObject({ role: 'unit', unitId: 'housing' });
  });

  it('only admins manage accounts, and an admin can neither deactivate nor demote themselves', async () => {
    expect((await t.http.post('/api/users/deputy1/deactivate', {}, { token: org.staff.token })).status).toBe(403);
    const self = await t.http.post('/api/users/admin/deactivate', {}, { token: org.admin.token });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('user.cannot_deactivate_self');
    const demote = await t.http.post('/api/users/admin/role', { role: 'staff' }, { token: org.admin.token });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('user.cannot_change_own_role');
    expect((await t.http.post('/api/users/nobody/deactivate', {}, { token: org.admin.token })).status).toBe(404);
    expect((await t.http.get('/api/auth/me', { token: org.admin.token })).status).toBe(200);
  });

  it('after a restart, tokens ended before it stay refused (learned from the read model)', async () => {
    const kept = await login(t.http, 'education1', PASSWORD);
    const loggedOut = await login(t.http, 'education1', PASSWORD);
    expect((await t.http.post('/api/auth/logout', {}, { token: loggedOut.token })).status).toBe(200);
    const staleDeputy = await login(t.http, 'traffic1', PASSWORD);
    expect((await t.http.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'traffic-new-1' }, { token: staleDeputy.token })).status).toBe(200);
    const dir = t.dataDir;
    await t.stop();
    t = await startTestApp({}, dir);
    // The projector catches up in the background: wait until it has, as a client would retry.
    const deadline = Date.now() + 10_000;
    while ((await t.http.get('/api/auth/me', { token: kept.token })).status !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await t.http.get('/api/auth/me', { token: kept.token })).status).toBe(200);
    expect((await t.http.get('/api/auth/me', { token: loggedOut.token })).status).toBe(401);
    expect((await t.http.get('/api/auth/me', { token: staleDeputy.token })).status).toBe(401);
  });
});

describe('a live stream ends when its token expires', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JWT_EXPIRES_IN: '2s' });
  });
  afterAll(() => t.dispose());

  it('closes at the token\'s expiry, and a reconnect with it is refused', async () => {
    const admin = await login(t.http, 'admin', TEST_ADMIN_PASSWORD);
    const stream = await openStream(t.baseUrl, admin.token);
    expect(stream.status).toBe(200);
    expect(await within(stream.ended, 6000)).toBe(true);
    expect((await openStream(t.baseUrl, admin.token)).status).toBe(401);
  });
});
