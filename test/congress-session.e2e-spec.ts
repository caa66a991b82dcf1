import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Sessions (届次/会次) over HTTP: staff open and close them and set the 交办 date; every suggestion
 * belongs to one (named, or the default session of its day), lists filter by session and year, and
 * staff register suggestions on a deputy's behalf.
 */
describe('congress sessions over HTTP', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
  });
  afterAll(() => t.dispose());

  const openSession = async (body: Record<string, unknown>, token = org.staff.token): Promise<string> => {
    const response = await t.http.post('/api/sessions', body, { token });
    expect(response.status).toBe(201);
    s.lastPosition = response.body.position;
    return response.body.id as string;
  };
  const sessions = async () => (await t.http.get(`/api/sessions?after=${s.lastPosition}`, { token: org.deputy1.token })).body as { id: string; closed: boolean; assignOn?: string }[];
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const daysFromToday = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

  it('staff open a session, everyone lists it (the built-in 未分会次 last); a deputy may not open one', async () => {
    const id = await openSession({ name: '十六届人大二次会议', kind: 'congress', startsOn: '2025-01-12', endsOn: '2025-01-16' });
    const listed = await sessions();
    expect(listed).toEqual(expect.arrayContaining([{ id, name: '十六届人大二次会议', kind: 'congress', startsOn: '2025-01-12', endsOn: '2025-01-16', closed: false }]));
    expect(listed[listed.length - 1]).toMatchObject({ id: 'legacy', name: '未分会次' });
    const refused = await t.http.post('/api/sessions', { name: '代表自建', kind: 'recess', startsOn: '2025-01-17' }, { token: org.deputy1.token });
    expect(refused.status).toBe(403);
  });

  it('a bad session body is a 400 naming the field, and changes nothing', async () => {
    for (const [body, field] of [
      [{ name: '', kind: 'congress', startsOn: '2026-01-10' }, 'name'],
      [{ name: '会次', kind: 'meeting', startsOn: '2026-01-10' }, 'kind'],
      [{ name: '会次', kind: 'congress', startsOn: '2026-02-30' }, 'startsOn'],
      [{ name: '会次', kind: 'congress', startsOn: '2026-01-10', endsOn: '2026-01-09' }, 'endsOn'],
    ] as const) {
      const response = await t.http.post('/api/sessions', body, { token: org.staff.token });
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });

  it('a suggestion goes into the named session; without one, into the open congress session of today, else the current recess', async () => {
    const recess = await openSession({ name: '十六届人大二次会议闭会期间', kind: 'recess', startsOn: daysFromToday(-30) });
    const intoRecess = await s.submit(org.deputy1, { title: '闭会期间的建议', content: '内容' });
    expect((await s.state(org.deputy1, intoRecess.id)).sessionId).toBe(recess);

    const congress = await openSession({ name: '十六届人大三次会议', kind: 'congress', startsOn: daysFromToday(-1), endsOn: daysFromToday(3) });
    const intoCongress = await s.submit(org.deputy1, { title: '大会期间的建议', content: '内容' });
    expect((await s.state(org.deputy1, intoCongress.id)).sessionId).toBe(congress);

    const named = await t.http.post('/api/suggestions', { title: '指定会次', content: '内容', sessionId: recess }, { token: org.deputy2.token });
    expect(named.status).toBe(201);
    s.lastPosition = named.body.position;

    const listed = await s.list(org.staff, `sessionId=${congress}`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([intoCongress.id]);
    expect(listed.body.items[0]).toMatchObject({ sessionId: congress });
    const inRecess = await s.list(org.staff, `sessionId=${recess}`);
    expect(inRecess.body.total).toBe(2);
    const year = Number(today().slice(0, 4));
    expect((await s.list(org.staff, `year=${year}&sessionId=${recess}`)).body.total).toBe(2);
    expect((await s.list(org.staff, `year=${year - 3}&sessionId=${recess}`)).body.total).toBe(0);
  });

  it('an unknown or closed session is a 400 on sessionId; a closed session takes no more suggestions', async () => {
    const unknown = await t.http.post('/api/suggestions', { title: '标题', content: '内容', sessionId: 'no-such-session' }, { token: org.deputy1.token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'sessionId' })]);

    const old = await openSession({ name: '十五届人大五次会议', kind: 'congress', startsOn: '2024-01-10', endsOn: '2024-01-14' });
    const closed = await t.http.post(`/api/sessions/${old}/close`, {}, { token: org.staff.token });
    expect(closed.status).toBe(200);
    s.lastPosition = closed.body.position;
    expect((await sessions()).find((x) => x.id === old)).toMatchObject({ closed: true });
    const into = await t.http.post('/api/suggestions', { title: '标题', content: '内容', sessionId: old }, { token: org.deputy1.token });
    expect(into.status).toBe(400);
    expect(into.body.errors).toEqual([expect.objectContaining({ field: 'sessionId' })]);
    expect((await t.http.post(`/api/sessions/${old}/close`, {}, { token: org.staff.token })).status).toBe(409);
    expect((await t.http.post('/api/sessions/nothing-here/close', {}, { token: org.staff.token })).status).toBe(404);
  });

  it('staff set a congress session’s 交办 date; a recess session has none (409); a bad date is a 400 on assignOn', async () => {
    const congress = await openSession({ name: '十六届人大四次会议', kind: 'congress', startsOn: '2027-01-10', endsOn: '2027-01-14' });
    const set = await t.http.post(`/api/sessions/${congress}/assignment-date`, { assignOn: '2027-02-20' }, { token: org.staff.token });
    expect(set.status).toBe(200);
    s.lastPosition = set.body.position;
    expect((await sessions()).find((x) => x.id === congress)).toMatchObject({ assignOn: '2027-02-20' });
    const bad = await t.http.post(`/api/sessions/${congress}/assignment-date`, { assignOn: '2027-13-01' }, { token: org.staff.token });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('assignOn');
    const recess = await openSession({ name: '十六届人大四次会议闭会期间', kind: 'recess', startsOn: '2027-01-15' });
    expect((await t.http.post(`/api/sessions/${recess}/assignment-date`, { assignOn: '2027-02-20' }, { token: org.staff.token })).status).toBe(409);
  });

  it('staff register a suggestion on a deputy’s behalf: the deputy leads it and sees it; without leadDeputyId, 400', async () => {
    const response = await t.http.post('/api/suggestions', { title: '纸质建议', content: '内容', leadDeputyId: 'deputy3', coSignerIds: ['deputy2'] }, { token: org.staff.token });
    expect(response.status).toBe(201);
    s.lastPosition = response.body.position;
    const detail = await s.state(org.deputy3, response.body.id);
    expect(detail).toMatchObject({ leadDeputyId: 'deputy3', registeredBy: 'staff1', coSignerIds: ['deputy2'] });
    const missing = await t.http.post('/api/suggestions', { title: '纸质建议', content: '内容' }, { token: org.staff.token });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('leadDeputyId');
    const notDeputy = await t.http.post('/api/suggestions', { title: '纸质建议', content: '内容', leadDeputyId: 'super1' }, { token: org.staff.token });
    expect(notDeputy.status).toBe(400);
    const deputyForOther = await t.http.post('/api/suggestions', { title: '代他人', content: '内容', leadDeputyId: 'deputy2' }, { token: org.deputy1.token });
    expect(deputyForOther.status).toBe(400);
  });

  it('numbers: many concurrent registrations in one session get 1…N, no duplicate and no gap; a second accept of one suggestion takes none', async () => {
    const session = await openSession({ name: '并发编号会次', kind: 'recess', startsOn: '2026-01-01' });
    const N = 25;
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const response = await t.http.post('/api/suggestions', { title: `编号测试建议 ${i}`, content: '内容', sessionId: session }, { token: org.deputy1.token });
      expect(response.status).toBe(201);
      ids.push(response.body.id);
    }
    // Every suggestion accepted at once, and the first five twice more, by staff and admin concurrently.
    const accepts = [...ids, ...ids.slice(0, 5), ...ids.slice(0, 5)].map((id, i) =>
      t.http.post(`/api/suggestions/${id}/accept`, {}, { token: i % 2 === 0 ? org.staff.token : org.admin.token }),
    );
    const responses = await Promise.all(accepts);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(N);
    expect(responses.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    s.lastPosition = responses.filter((r) => r.status === 200).map((r) => r.body.position as string).sort((a, b) => Number(BigInt(a.split(':')[0]!) - BigInt(b.split(':')[0]!))).pop()!;
    const listed = await s.list(org.staff, `sessionId=${session}&pageSize=100`);
    const numbers = (listed.body.items as { number: number }[]).map((i) => i.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: N }, (_, i) => i + 1));

    // q matches the number in any of the ways people write it.
    const third = (listed.body.items as { id: string; number: number }[]).find((i) => i.number === 3)!;
    for (const q of ['第3号', '3', '0003', '第0003号']) {
      const found = await s.list(org.staff, `sessionId=${session}&q=${encodeURIComponent(q)}`);
      expect({ q, ids: found.body.items.map((i: { id: string }) => i.id) }).toEqual({ q, ids: expect.arrayContaining([third.id]) });
    }
    expect((await s.state(org.deputy1, third.id)).number).toBe(3);
    // The timeline's 立案 carries it too.
    const timeline = await s.timeline(org.staff, third.id);
    expect(timeline.body.find((e: { type: string }) => e.type === 'SuggestionAccepted').data).toMatchObject({ number: 3 });
  });

  it('a congress-session suggestion is due for assignment on the session’s 交办 date, not overdue before it; setting the date re-dates registered ones', async () => {
    const congress = await openSession({ name: '十六届人大五次会议', kind: 'congress', startsOn: daysFromToday(-60), endsOn: daysFromToday(-55) });
    const early = await t.http.post('/api/suggestions', { title: '大会期间建议甲', content: '内容', sessionId: congress }, { token: org.deputy1.token });
    const late = await t.http.post('/api/suggestions', { title: '大会期间建议乙', content: '内容', sessionId: congress }, { token: org.deputy1.token });
    await s.run(org.staff, early.body.id, 'accept');
    // Submitted after the meeting closed and no 交办 date yet: the regulation clock from submission.
    const assignOn = daysFromToday(40);
    expect((await s.state(org.staff, early.body.id)).assignDueAt.slice(0, 10) < assignOn).toBe(true);

    const set = await t.http.post(`/api/sessions/${congress}/assignment-date`, { assignOn }, { token: org.staff.token });
    expect(set.status).toBe(200);
    s.lastPosition = set.body.position;
    const redated = await s.state(org.staff, early.body.id);
    expect(redated.assignDueAt.slice(0, 10)).toBe(assignOn);
    expect(redated.due.level).not.toBe('overdue');
    expect(await s.eventTypes(org.staff, early.body.id)).toContain('AssignmentScheduled');

    await s.run(org.staff, late.body.id, 'accept');
    const lateState = await s.state(org.staff, late.body.id);
    expect(lateState.assignDueAt.slice(0, 10)).toBe(assignOn);
    expect((await s.list(org.staff, `sessionId=${congress}&overdue=true`)).body.total).toBe(0);
  });

  it('代表团: a delegation’s suggestion is rated by its head, not the lead deputy; lists filter by delegation', async () => {
    const created = await t.http.post('/api/delegations', { name: '东城区代表团', headDeputyId: 'deputy2' }, { token: org.staff.token });
    expect(created.status).toBe(201);
    const delegationId = created.body.id as string;
    const member = await t.http.post('/api/users', { username: 'dt-member', password: PASSWORD, displayName: '赵六', role: 'deputy', delegationId }, { token: org.admin.token });
    expect(member.status).toBe(201);
    const badDelegation = await t.http.post('/api/users', { username: 'dt-nobody', password: PASSWORD, displayName: '孙七', role: 'deputy', delegationId: 'no-such' }, { token: org.admin.token });
    expect(badDelegation.status).toBe(400);
    expect(JSON.stringify(badDelegation.body)).toContain('delegationId');
    const zhao = await login(t.http, 'dt-member', PASSWORD);

    const submitted = await t.http.post('/api/suggestions', { title: '代表团建议', content: '内容', byDelegation: true }, { token: zhao.token });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    s.lastPosition = submitted.body.position;
    const notMember = await t.http.post('/api/suggestions', { title: '非代表团', content: '内容', byDelegation: true }, { token: org.deputy1.token });
    expect(notMember.status).toBe(400);
    expect(JSON.stringify(notMember.body)).toContain('byDelegation');

    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    await s.run(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
    const byLead = await s.send(zhao, id, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    expect(byLead.status).toBe(403);
    expect(byLead.body.message).toMatch(/团长/);
    expect((await s.state(org.deputy2, id)).allowedActions).toContain('rate');
    await s.run(org.deputy2, id, 'rate', { attitude: 'satisfied', result: 'satisfied' });

    const listed = await s.list(org.staff, `delegationId=${delegationId}`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(listed.body.items[0]).toMatchObject({ delegationId });
    const delegations = await t.http.get(`/api/delegations?after=${s.lastPosition}`, { token: org.deputy1.token });
    expect(delegations.body).toEqual(expect.arrayContaining([{ id: delegationId, name: '东城区代表团', headDeputyId: 'deputy2' }]));
  });
});
