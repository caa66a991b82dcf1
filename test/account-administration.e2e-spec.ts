import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

const REAL_SECRET = 'a-real-production-secret-of-at-least-32-characters';

describe('an admin resets a password and lists deactivated accounts', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
  });
  afterAll(() => t.dispose());

  it('POST /api/users/:id/password sets the new password and ends the sessions signed in with the old one', async () => {
    const before = await login(t.http, 'deputy1', PASSWORD);
    const reset = await t.http.post('/api/users/deputy1/password', { newPassword: 'reset-by-admin' }, { token: org.admin.token });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ id: 'deputy1', revision: expect.any(Number), position: expect.any(String) });
    expect((await t.http.get('/api/auth/me', { token: before.token })).status).toBe(401);
    expect((await t.http.post('/api/auth/login', { username: 'deputy1', password: PASSWORD })).status).toBe(401);
    expect((await t.http.post('/api/auth/login', { username: 'deputy1', password: 'reset-by-admin' })).status).toBe(200);
  });

  it('refuses other roles, the admin\'s own password, a short one (naming the field), and an unknown user; nothing changes', async () => {
    const byStaff = await t.http.post('/api/users/deputy2/password', { newPassword: 'staff-tries-it' }, { token: org.staff.token });
    expect(byStaff.status).toBe(403);
    const own = await t.http.post('/api/users/admin/password', { newPassword: 'no-current-password' }, { token: org.admin.token });
    expect(own.status).toBe(409);
    expect(own.body.message).toMatch(/修改密码/);
    const short = await t.http.post('/api/users/deputy2/password', { newPassword: 'short' }, { token: org.admin.token });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', message: expect.stringMatching(/至少 8 个字符/) })]);
    expect((await t.http.post('/api/users/nobody/password', { newPassword: 'long-enough-1' }, { token: org.admin.token })).status).toBe(404);
    // deputy2's own password still works, the admin's too.
    expect((await t.http.post('/api/auth/login', { username: 'deputy2', password: PASSWORD })).status).toBe(200);
    expect((await t.http.post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD })).status).toBe(200);
  });

  it('GET /api/users lists a deactivated account with active false, and it is active again once reactivated', async () => {
    const off = await t.http.post('/api/users/deputy3/deactivate', {}, { token: org.admin.token });
    const listed = await t.http.get(`/api/users?role=deputy&after=${off.body.position}`, { token: org.staff.token });
    expect(listed.body).toEqual(
      expect.arrayContaining([
        { id: 'deputy3', displayName: '王五', role: 'deputy', active: false },
        { id: 'deputy2', displayName: '李四', role: 'deputy', active: true },
      ]),
    );
    const on = await t.http.post('/api/users/deputy3/reactivate', {}, { token: org.admin.token });
    const again = await t.http.get(`/api/users?role=deputy&after=${on.body.position}`, { token: org.staff.token });
    expect(again.body.find((u: { id: string }) => u.id === 'deputy3')).toMatchObject({ active: true });
  });
});

describe('in production the bootstrap admin must replace the first password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', CLOCK: 'system', DEMO_DATA: '', JWT_SECRET: REAL_SECRET });
  });
  afterAll(() => t.dispose());

  it('login and /auth/me say so, every other route answers 403 password_change_required until the change', async () => {
    const first = await t.http.post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ id: 'admin', role: 'admin', mustChangePassword: true });
    const token = first.body.accessToken as string;
    expect((await t.http.get('/api/auth/me', { token })).body).toMatchObject({ mustChangePassword: true });
    for (const refused of [
      await t.http.get('/api/users', { token }),
      await t.http.get('/api/suggestions', { token }),
      await t.http.post('/api/units', { id: 'water', name: '市水务局' }, { token }),
    ]) {
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'password_change_required', message: expect.stringMatching(/修改初始密码/) });
    }

    const changed = await t.http.post('/api/auth/password', { currentPassword: TEST_ADMIN_PASSWORD, newPassword: 'chosen-by-the-admin' }, { token });
    expect(changed.status).toBe(200);
    const again = await t.http.post('/api/auth/login', { username: 'admin', password: 'chosen-by-the-admin' });
    expect(again.body.user).not.toHaveProperty('mustChangePassword');
    const users = await t.http.get(`/api/users?after=${changed.body.position}`, { token: again.body.accessToken });
    expect(users.status).toBe(200);
    expect((await t.http.post('/api/units', { id: 'water', name: '市水务局' }, { token: again.body.accessToken })).status).toBe(201);
  });

  it('other accounts created by the admin are not asked to change', async () => {
    const admin = await login(t.http, 'admin', 'chosen-by-the-admin');
    const body = { username: 'clerk', password: 'clerk-password', displayName: '办理员', role: 'staff' };
    expect((await t.http.post('/api/users', body, { token: admin.token })).status).toBe(201);
    const clerk = await t.http.post('/api/auth/login', { username: 'clerk', password: 'clerk-password' });
    expect(clerk.body.user).not.toHaveProperty('mustChangePassword');
  });
});

describe('outside production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.dispose());

  it('the bootstrap admin works at once (development and the demo)', async () => {
    const first = await t.http.post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(first.body.user).not.toHaveProperty('mustChangePassword');
    expect((await t.http.get('/api/users', { token: first.body.accessToken })).status).toBe(200);
  });
});
