import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

describe('accounts and login over HTTP', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
  });
  afterAll(() => t.dispose());

  it('logs in with the right password and returns the token and the user', async () => {
    const response = await t.http.post('/api/auth/login', { username: 'traffic1', password: PASSWORD });
    expect(response.status).toBe(200);
    expect(typeof response.body.accessToken).toBe('string');
    expect(response.body.user).toEqual({
      id: 'traffic1',
      username: 'traffic1',
      role: 'unit',
      unitId: 'traffic',
      displayName: '交通局办理员',
    });
  });

  it('answers 401 with one Chinese message for a wrong password and for an unknown user', async () => {
    const wrong = await t.http.post('/api/auth/login', { username: 'deputy1', password: 'not-the-password' });
    const unknown = await t.http.post('/api/auth/login', { username: 'nobody', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe('用户名或密码错误');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses requests without a valid token, but serves health and the OpenAPI docs without one', async () => {
    expect((await t.http.get('/api/suggestions')).status).toBe(401);
    expect((await t.http.get('/api/suggestions', { token: 'forged.token.value' })).status).toBe(401);
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.store.status).toBe('up');
    const docs = await t.http.get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/suggestions/{id}/answer', '/api/auth/login']));
  });

  it('tells the signed-in user who they are', async () => {
    const me = await t.http.get('/api/auth/me', { token: org.deputy1.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'deputy1', role: 'deputy', displayName: '张三' });
  });

  it('lets only the admin create units and users', async () => {
    const unit = await t.http.post('/api/units', { id: 'finance', name: '市财政局' }, { token: org.staff.token });
    expect(unit.status).toBe(403);
    const user = await t.http.post(
      '/api/users',
      { username: 'intruder', password: 'password-1', displayName: '某人', role: 'admin' },
      { token: org.deputy1.token },
    );
    expect(user.status).toBe(403);
    expect((await t.http.post('/api/auth/login', { username: 'intruder', password: 'password-1' })).status).toBe(401);
  });

  it('refuses a second account with the same login name, and a unit user of a unit that does not exist', async () => {
    const again = await t.http.post(
      '/api/users',
      { username: 'deputy1', password: 'another-password', displayName: '冒名', role: 'deputy' },
      { token: org.admin.token },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('user.already_exists');
    // The first account keeps its password.
    await expect(login(t.http, 'deputy1', PASSWORD)).resolves.toMatchObject({ id: 'deputy1' });

    const orphan = await t.http.post(
      '/api/users',
      { username: 'orphan', password: 'password-1', displayName: '无单位', role: 'unit', unitId: 'no-such-unit' },
      { token: org.admin.token },
    );
    expect(orphan.status).toBe(400);
    expect(orphan.body.errors).toEqual([{ field: 'unitId', message: '承办单位「no-such-unit」不存在' }]);
  });

  it('lists units and users (by role) to any signed-in user, never with a password hash', async () => {
    const created = await t.http.post(
      '/api/users',
      { username: 'deputy9', password: 'password-9', displayName: '新代表', role: 'deputy' },
      { token: org.admin.token },
    );
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('deputy9');

    const units = await t.http.get(`/api/units?after=${created.body.position}`, { token: org.deputy1.token });
    expect(units.status).toBe(200);
    expect(units.body.map((u: { id: string }) => u.id).sort()).toEqual(['education', 'health', 'housing', 'traffic']);

    const deputies = await t.http.get(`/api/users?role=deputy&after=${created.body.position}`, { token: org.traffic.token });
    expect(deputies.status).toBe(200);
    expect(deputies.body.map((u: { id: string }) => u.id).sort()).toEqual(['deputy1', 'deputy2', 'deputy3', 'deputy9']);
    expect(JSON.stringify(deputies.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('a user changes their own password only by giving the current one', async () => {
    const deputy = await login(t.http, 'deputy3', PASSWORD);
    const wrong = await t.http.post('/api/auth/password', { currentPassword: 'guess', newPassword: 'new-password-3' }, { token: deputy.token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: '当前密码不正确' }]);
    const short = await t.http.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }, { token: deputy.token });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: 'newPassword', message: '新密码至少 8 个字符' }]);

    const changed = await t.http.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'new-password-3' }, { token: deputy.token });
    expect(changed.status).toBe(200);
    expect((await t.http.post('/api/auth/login', { username: 'deputy3', password: PASSWORD })).status).toBe(401);
    await expect(login(t.http, 'deputy3', 'new-password-3')).resolves.toMatchObject({ id: 'deputy3' });
  });

  it('the bootstrap admin exists with the configured password', async () => {
    await expect(login(t.http, 'admin', TEST_ADMIN_PASSWORD)).resolves.toMatchObject({ id: 'admin' });
  });
});
