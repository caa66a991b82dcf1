import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/** The list's order, answer category, submission dates and several statuses, each validated. */
describe('the suggestions list: sort, category, submission dates, several statuses', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  const ids: Record<'first' | 'second' | 'third', string> = { first: '', second: '', third: '' };

  const setClock = (now: string) => t.http.post('/api/test-clock', { now }, { token: org.admin.token });
  const listIds = async (query: string): Promise<string[]> => {
    const response = await s.list(org.staff, query);
    expect(response.status).toBe(200);
    return response.body.items.map((i: { id: string }) => i.id);
  };

  beforeAll(async () => {
    t = await startTestApp({ CLOCK: 'manual' });
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    // Three suggestions on three Beijing days: 3 March (answered A), 10 March (answered B), 20 March (submitted).
    await setClock('2026-03-03T01:00:00Z');
    ids.first = (await s.submit(org.deputy1, { title: '乙 关于公交的建议', content: '内容一' })).id;
    await s.run(org.staff, ids.first, 'accept');
    await s.run(org.staff, ids.first, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    await s.run(org.traffic, ids.first, 'answer', { category: 'A', content: '已解决。', signedBy: '周局长' });
    // 23:30 on 10 March in Beijing is still 10 March there (15:30 UTC).
    await setClock('2026-03-10T15:30:00Z');
    ids.second = (await s.submit(org.deputy2, { title: '甲 关于学校的建议', content: '内容二' })).id;
    await s.run(org.staff, ids.second, 'accept');
    await s.run(org.staff, ids.second, 'assign', { mode: 'sole', unitIds: ['education'] });
    await s.run(org.education, ids.second, 'answer', {
      category: 'B',
      content: '正在解决。',
      signedBy: '钱局长',
      commitments: [{ description: '年底前完成', dueAt: '2026-12-31' }],
    });
    await setClock('2026-03-20T02:00:00Z');
    ids.third = (await s.submit(org.deputy1, { title: '丙 关于医院的建议', content: '内容三' })).id;
  });
  afterAll(() => t.dispose());

  it('sorts by submission time both ways, and pages keep that order', async () => {
    expect(await listIds('sort=submittedAt&order=asc')).toEqual([ids.first, ids.second, ids.third]);
    expect(await listIds('sort=submittedAt&order=desc')).toEqual([ids.third, ids.second, ids.first]);
    expect(await listIds('sort=submittedAt&order=desc&pageSize=2&page=2')).toEqual([ids.first]);
    const page = await s.list(org.staff, 'sort=submittedAt&pageSize=1&page=3');
    expect(page.body).toMatchObject({ total: 3, items: [{ id: ids.third }] });
  });

  it('sorts by title and by status (in the order a suggestion moves), also within a unit', async () => {
    // Code-point order of 甲 乙 丙: 丙 (4E19) < 乙 (4E59) < 甲 (7532).
    expect(await listIds('sort=title')).toEqual([ids.third, ids.first, ids.second]);
    expect(await listIds('sort=title&order=desc')).toEqual([ids.second, ids.first, ids.third]);
    expect((await listIds('sort=status'))[0]).toBe(ids.third);
    expect((await listIds('sort=status&order=desc'))[2]).toBe(ids.third);
    const unit = await s.list(org.traffic, 'sort=submittedAt&order=desc');
    expect(unit.body.items.map((i: { id: string }) => i.id)).toEqual([ids.first]);
  });

  it('filters by answer category, alone and with a unit', async () => {
    expect(await listIds('category=A')).toEqual([ids.first]);
    expect(await listIds('category=B')).toEqual([ids.second]);
    expect(await listIds('category=B&unitId=traffic')).toEqual([]);
    expect((await s.list(org.staff, 'category=C')).body).toEqual({ items: [], total: 0 });
  });

  it('filters by submission dates as whole Beijing days, both ends included', async () => {
    expect(await listIds('sort=submittedAt&submittedFrom=2026-03-10')).toEqual([ids.second, ids.third]);
    expect(await listIds('sort=submittedAt&submittedTo=2026-03-10')).toEqual([ids.first, ids.second]);
    expect(await listIds('submittedFrom=2026-03-10&submittedTo=2026-03-10')).toEqual([ids.second]);
    expect(await listIds('submittedFrom=2026-03-11&submittedTo=2026-03-19')).toEqual([]);
    const deputy = await s.list(org.deputy1, 'submittedFrom=2026-03-15');
    expect(deputy.body).toEqual({ items: [expect.objectContaining({ id: ids.third })], total: 1 });
  });

  it('filters by several statuses at once, with the total of all of them', async () => {
    const response = await s.list(org.staff, 'statuses=submitted,answered&sort=submittedAt');
    expect(response.body.total).toBe(3);
    expect(await listIds('statuses=submitted')).toEqual([ids.third]);
    expect(await listIds('statuses=assigned,rehandling')).toEqual([]);
  });

  it('待审批: only suggestions with a request waiting for staff, and the total counts them', async () => {
    const id = (await s.submit(org.deputy3, { title: '丁 关于路灯的建议', content: '内容四' })).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['housing'] });
    expect((await s.list(org.staff, 'pendingRequest=true')).body).toEqual({ items: [], total: 0 });
    await s.run(org.housing, id, 'request-return', { reason: '不属于本单位职责' });
    expect((await s.list(org.staff, 'pendingRequest=true&pageSize=1')).body).toEqual({ items: [expect.objectContaining({ id })], total: 1 });
    expect(await listIds('pendingRequest=false&statuses=assigned')).toEqual([]);
    await s.run(org.staff, id, 'decide-return', { approve: false, reason: '请继续办理。' });
    expect((await s.list(org.staff, 'pendingRequest=true')).body.total).toBe(0);
  });

  it('refuses bad values with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['sort=deputy', 'sort'],
      ['order=up', 'order'],
      ['submittedFrom=2026-02-30', 'submittedFrom'],
      ['submittedTo=tomorrow', 'submittedTo'],
      ['submittedFrom=2026-03-10&submittedTo=2026-03-01', 'submittedTo'],
      ['category=' + encodeURIComponent('甲类'), 'category'],
      ['statuses=submitted,lost', 'statuses'],
      ['statuses=', 'statuses'],
      ['pendingRequest=yes', 'pendingRequest'],
    ];
    for (const [query, field] of cases) {
      const response = await s.list(org.staff, query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(response.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('the Excel export takes the same filters', async () => {
    const response = await t.http.get('/api/suggestions.xlsx?category=Z', { token: org.staff.token });
    expect(response.status).toBe(200);
    const bad = await t.http.get('/api/suggestions.xlsx?sort=nope', { token: org.staff.token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('sort');
  });
});
