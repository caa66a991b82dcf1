import { createOrganisation, Organisation } from './support/organisation';
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
});
