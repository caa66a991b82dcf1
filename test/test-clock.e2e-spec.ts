import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

describe('the test clock crosses deadlines', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;

  beforeAll(async () => {
    t = await startTestApp({ CLOCK: 'manual' });
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
  });
  afterAll(() => t.dispose());

  const setClock = (now: string) => t.http.post('/api/test-clock', { now }, { token: org.admin.token });

  it('only an admin sets it; anyone signed in reads it', async () => {
    expect((await t.http.post('/api/test-clock', { now: '2026-01-05T01:00:00Z' }, { token: org.staff.token })).status).toBe(403);
    expect((await setClock('2026-01-05T01:00:00Z')).body).toEqual({ now: '2026-01-05T01:00:00.000Z', mode: 'manual' });
    expect((await t.http.get('/api/test-clock', { token: org.deputy1.token })).body.now).toBe('2026-01-05T01:00:00.000Z');
    const bad = await setClock('tomorrow');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('now');
  });

  it('an answer deadline passes: overdue flips in the list and in the filter, and a late answer is not on time', async () => {
    await setClock('2026-09-01T02:00:00Z');
    const id = (await s.submit(org.deputy1, { title: '关于超期测试的建议', content: '内容' })).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['education'] });
    const due = (await s.state(org.staff, id)).assignment.units[0].dueAt;
    // 2026-09-01 + 3 months, to 24:00 Beijing time.
    expect(due).toBe('2026-12-01T16:00:00.000Z');

    const item = async () => (await s.list(org.staff, 'q=' + encodeURIComponent('超期测试'))).body.items[0];
    expect(await item()).toMatchObject({ id, overdue: false, dueAt: due });

    await setClock('2026-12-01T15:59:00Z');
    expect((await item()).overdue).toBe(false);

    await setClock('2026-12-01T16:01:00Z');
    expect((await item()).overdue).toBe(true);
    const overdue = await s.list(org.staff, 'overdue=true');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const notOverdue = await s.list(org.staff, 'overdue=false');
    expect(notOverdue.body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    await s.run(org.education, id, 'answer', { category: 'A', content: '已解决', signedBy: '局长' });
    const detail = await s.state(org.staff, id);
    expect(detail.assignment.units[0].answers[0]).toMatchObject({ onTime: false, answeredAt: '2026-12-01T16:01:00.000Z' });
  });

  it('the return window closes after 10 working days, counted over the National Day holiday', async () => {
    // Assigned Monday 2026-09-28; National Day holiday 10-01..10-07 and make-up working days push
    // the 10th working day to 2026-10-16 (a Friday).
    await setClock('2026-09-28T02:00:00Z');
    const id = (await s.submit(org.deputy1, { title: '关于退回期限测试的建议', content: '内容' })).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['health'] });
    const returnDueAt = (await s.state(org.staff, id)).assignment.deadlines.returnDueAt;
    expect(returnDueAt).toBe('2026-10-16T16:00:00.000Z');

    await setClock('2026-10-17T01:00:00Z');
    const late = await s.send(org.health, id, 'request-return', { reason: '不属于本单位职责' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('return.window_closed');
  });
});

describe('without CLOCK=manual there is no test clock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CLOCK: 'system' });
  });
  afterAll(() => t.dispose());

  it('answers 404 even to the admin', async () => {
    const admin = await t.http.post('/api/auth/login', { username: 'admin', password: 'admin-e2e-password' });
    const token = admin.body.accessToken;
    expect((await t.http.post('/api/test-clock', { now: '2030-01-01T00:00:00Z' }, { token })).status).toBe(404);
    expect((await t.http.get('/api/test-clock', { token })).status).toBe(404);
  });
});
