import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Accounts edited after creation: a deputy's phone (who may set it, who is shown it, and that the
 * public never is), a deputy's delegation, a unit user's unit, a unit's name. Each is a command
 * through the pipeline; bad input is a 400 naming the field and appends nothing.
 */
describe('editing accounts after creation', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let probe: StoreProbe;
  let suggestionId: string;
  const PHONE = '13912345678';

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    probe = new StoreProbe(t);
    ({ id: suggestionId } = await s.submit(org.deputy1, { title: '加装路口信号灯', content: '学校门口路口车多', coSignerIds: ['deputy2'] }));
    await s.run(org.staff, suggestionId, 'accept');
    await s.run(org.staff, suggestionId, 'assign', { mode: 'lead', unitIds: ['traffic', 'housing'], leadUnitId: 'traffic' });
  });
  afterAll(() => t?.dispose());

  /** A 400 that names `field` and leaves the store as it was. */
  async function refusedNaming(field: string, send: () => Promise<{ status: number; body: any }>): Promise<void> {
    const before = await probe.head();
    const response = await send();
    expect({ status: response.status, fields: (response.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: [field] });
    expect(response.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(await probe.head()).toBe(before);
  }

  it('an admin creates a deputy with a phone; a malformed one is a 400 naming phone', async () => {
    const created = await t.http.post(
      '/api/users',
      { username: 'deputy-wu', password: 'long-enough-1', displayName: '吴刚', role: 'deputy', phone: '0571-87654321' },
      { token: org.admin.token },
    );
    expect(created.status).toBe(201);
    const listed = await t.http.get(`/api/users?role=deputy&after=${created.body.position}`, { token: org.admin.token });
    expect(listed.body.find((u: { id: string }) => u.id === 'deputy-wu')).toMatchObject({ phone: '0571-87654321' });
    for (const phone of ['12345', '+8613912345678', '139 1234 5678', '010-1234']) {
      await refusedNaming('phone', () =>
        t.http.post('/api/users', { username: 'deputy-bad', password: 'long-enough-1', displayName: '错号', role: 'deputy', phone }, { token: org.admin.token }),
      );
    }
  });

  it('a deputy sets their own phone on 个人信息 and reads it back; not another deputy’s, and a bad one is a 400 naming phone', async () => {
    const set = await t.http.post('/api/users/deputy1/phone', { phone: PHONE }, { token: org.deputy1.token });
    expect(set.status).toBe(200);
    const profile = await t.http.get('/api/auth/profile', { token: org.deputy1.token });
    expect(profile.body).toEqual({ id: 'deputy1', displayName: '张三', role: 'deputy', phone: PHONE });
    await refusedNaming('phone', () => t.http.post('/api/users/deputy1/phone', { phone: '1391234567' }, { token: org.deputy1.token }));
    const before = await probe.head();
    expect((await t.http.post('/api/users/deputy1/phone', { phone: '13800000000' }, { token: org.deputy2.token })).status).toBe(403);
    expect((await t.http.post('/api/users/deputy1/phone', { phone: PHONE }, { token: org.deputy1.token })).status).toBe(409);
    expect(await probe.head()).toBe(before);
  });

  it('the number reaches staff, admins and the units handling the suggestion, and nobody else', async () => {
    const forStaff = await t.http.get(`/api/suggestions/${suggestionId}/deputy-contacts`, { token: org.staff.token });
    expect(forStaff.status).toBe(200);
    expect(forStaff.body).toEqual([
      { userId: 'deputy1', displayName: '张三', role: 'lead', phone: PHONE },
      { userId: 'deputy2', displayName: '李四', role: 'co' },
    ]);
    for (const unit of [org.traffic, org.housing]) {
      const seen = await t.http.get(`/api/suggestions/${suggestionId}/deputy-contacts`, { token: unit.token });
      expect(seen.body[0]).toMatchObject({ userId: 'deputy1', phone: PHONE });
    }
    expect((await t.http.get(`/api/suggestions/${suggestionId}/deputy-contacts`, { token: org.education.token })).status).toBe(404);
    expect((await t.http.get(`/api/suggestions/${suggestionId}/deputy-contacts`, { token: org.supervisor.token })).status).toBe(403);
    expect((await t.http.get(`/api/suggestions/${suggestionId}/deputy-contacts`, { token: org.deputy2.token })).status).toBe(403);
    expect((await t.http.get(`/api/users?role=deputy`, { token: org.staff.token })).body.find((u: { id: string }) => u.id === 'deputy1')).toMatchObject({ phone: PHONE });
    // Everywhere else the number never appears: other roles' user lists, the detail, the public pages.
    const elsewhere = [
      await t.http.get('/api/users', { token: org.deputy2.token }),
      await t.http.get('/api/users', { token: org.traffic.token }),
      await t.http.get('/api/users', { token: org.supervisor.token }),
      await t.http.get(`/api/suggestions/${suggestionId}`, { token: org.traffic.token }),
      await t.http.get(`/api/suggestions/${suggestionId}`, { token: org.deputy2.token }),
      await t.http.get('/api/public/suggestions'),
      await t.http.get(`/api/public/suggestions/${suggestionId}`),
    ];
    for (const response of elsewhere) expect(JSON.stringify(response.body)).not.toContain(PHONE);
  });

  it('an admin moves a deputy to another delegation and out of it; an unknown delegation is a 400 naming it', async () => {
    const made = await t.http.post('/api/delegations', { name: '东城区代表团' }, { token: org.staff.token });
    expect(made.status).toBe(201);
    const moved = await t.http.post('/api/users/deputy3/delegation', { delegationId: made.body.id }, { token: org.admin.token });
    expect(moved.status).toBe(200);
    let listed = await t.http.get(`/api/users?role=deputy&after=${moved.body.position}`, { token: org.admin.token });
    expect(listed.body.find((u: { id: string }) => u.id === 'deputy3')).toMatchObject({ delegationId: made.body.id });
    await refusedNaming('delegationId', () => t.http.post('/api/users/deputy3/delegation', { delegationId: 'no-such-delegation' }, { token: org.admin.token }));
    const out = await t.http.post('/api/users/deputy3/delegation', {}, { token: org.admin.token });
    expect(out.status).toBe(200);
    listed = await t.http.get(`/api/users?role=deputy&after=${out.body.position}`, { token: org.admin.token });
    expect(listed.body.find((u: { id: string }) => u.id === 'deputy3')).not.toHaveProperty('delegationId');
    // Only deputies belong to a delegation: the domain's refusal names the field too.
    await refusedNaming('delegationId', () => t.http.post('/api/users/traffic1/delegation', { delegationId: made.body.id }, { token: org.admin.token }));
  });

  it('an admin moves a unit user to another unit: their old session ends and they now see that unit’s work', async () => {
    const before = await login(t.http, 'education1', PASSWORD);
    expect((await t.http.get(`/api/suggestions/${suggestionId}`, { token: before.token })).status).toBe(404);
    await refusedNaming('unitId', () => t.http.post('/api/users/education1/unit', { unitId: 'no-such-unit' }, { token: org.admin.token }));
    const moved = await t.http.post('/api/users/education1/unit', { unitId: 'traffic' }, { token: org.admin.token });
    expect(moved.status).toBe(200);
    expect((await t.http.get('/api/auth/me', { token: before.token })).status).toBe(401);
    const after = await login(t.http, 'education1', PASSWORD);
    expect((await t.http.get('/api/auth/me', { token: after.token })).body).toMatchObject({ unitId: 'traffic' });
    expect((await t.http.get(`/api/suggestions/${suggestionId}`, { token: after.token })).status).toBe(200);
    const listed = await t.http.get(`/api/users?role=unit&after=${moved.body.position}`, { token: org.admin.token });
    expect(listed.body.find((u: { id: string }) => u.id === 'education1')).toMatchObject({ unitId: 'traffic' });
  });

  it('an admin renames a unit: the unit list and the statistics show the new name under the same id', async () => {
    await refusedNaming('name', () => t.http.post('/api/units/housing/name', { name: '   ' }, { token: org.admin.token }));
    expect((await t.http.post('/api/units/housing/name', { name: '市住房和城乡建设委员会' }, { token: org.staff.token })).status).toBe(403);
    expect((await t.http.post('/api/units/nowhere/name', { name: '无此单位' }, { token: org.admin.token })).status).toBe(404);
    const renamed = await t.http.post('/api/units/housing/name', { name: '市住房和城乡建设委员会' }, { token: org.admin.token });
    expect(renamed.status).toBe(200);
    const units = await t.http.get(`/api/units?after=${renamed.body.position}`, { token: org.deputy1.token });
    expect(units.body).toEqual(expect.arrayContaining([{ id: 'housing', name: '市住房和城乡建设委员会' }]));
    const stats = await t.http.get(`/api/stats/units?after=${renamed.body.position}`, { token: org.supervisor.token });
    expect(stats.status).toBe(200);
    const names = (stats.body.units ?? stats.body).map((u: { unitName: string }) => u.unitName);
    expect(names).toContain('市住房和城乡建设委员会');
    expect(names).not.toContain('市住房和城乡建设局');
    expect((await t.http.post('/api/units/housing/name', { name: '市住房和城乡建设委员会' }, { token: org.admin.token })).status).toBe(409);
  });
});
