import { createOrganisation, Organisation } from '../support/organisation';
import { Suggestions } from '../support/suggestions';
import { startTestApp, TestApp } from '../support/test-app';
import { setClock } from './support/test-clock';

/** Looking back: the state as it was at any instant, folded from the stream, and each deadline met or missed. */
describe('looking back at a suggestion', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let id: string;

  const asOf = (when: string, person = org.staff) => t.http.get(`/api/suggestions/${id}?asOf=${encodeURIComponent(when)}`, { token: person.token });

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    await setClock(t.http, org.admin, '2026-03-02T02:00:00Z');
    id = (await s.submit(org.deputy1, { title: '关于回溯查询的建议', content: '内容。' })).id;
    await setClock(t.http, org.admin, '2026-03-03T02:00:00Z');
    await s.run(org.staff, id, 'accept');
    await setClock(t.http, org.admin, '2026-03-04T02:00:00Z');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    // Contact due 2026-04-01 24:00 (20 working days): contacted late, answered on time.
    await setClock(t.http, org.admin, '2026-04-10T02:00:00Z');
    await s.run(org.traffic, id, 'contact', { method: '电话', summary: '补充联系' });
    await s.run(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
  });
  afterAll(() => t.dispose());

  it('returns the state as it was at an instant, with the revision it had then', async () => {
    const accepted = await asOf('2026-03-03T12:00:00+08:00');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id, status: 'accepted', revision: 1 });
    expect(accepted.body.assignment).toBeUndefined();

    const assigned = await asOf('2026-03-04T02:00:00Z');
    expect(assigned.body).toMatchObject({ status: 'assigned', revision: 2 });
    expect(assigned.body.assignment.units[0]).toMatchObject({ unitId: 'traffic', stage: 'handling' });

    const now = await s.state(org.staff, id);
    expect(now.status).toBe('answered');
    // An unencoded + in the query string arrives as a space; it is read as the offset it was meant to be.
    const plus = await t.http.get(`/api/suggestions/${id}?asOf=2026-03-03T12:00:00+08:00`, { token: org.staff.token });
    expect(plus.body.status).toBe('accepted');
  });

  it('answers 404 before the suggestion existed and 400 for a time it cannot read', async () => {
    const before = await asOf('2026-03-01T00:00:00Z');
    expect(before.status).toBe(404);
    const bad = await asOf('yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('asOf');
    const noOffset = await asOf('2026-03-03T12:00:00');
    expect(noOffset.status).toBe(400);
  });

  it('shows the past only to those who may see the suggestion now', async () => {
    expect((await asOf('2026-03-04T02:00:00Z', org.deputy2)).status).toBe(404);
    expect((await asOf('2026-03-04T02:00:00Z', org.deputy1)).status).toBe(200);
  });

  it('keeps the timeline an array, and adds each deadline met or missed on request', async () => {
    const plain = await s.timeline(org.staff, id);
    expect(Array.isArray(plain.body)).toBe(true);

    const response = await t.http.get(`/api/suggestions/${id}/timeline?withDeadlines=1&after=${s.lastPosition}`, { token: org.staff.token });
    expect(response.status).toBe(200);
    expect(response.body.entries).toEqual(plain.body);
    const byKey = Object.fromEntries(response.body.deadlines.map((d: { key: string }) => [d.key, d]));
    expect(byKey['assign']).toMatchObject({ kind: 'assign', metAt: '2026-03-04T02:00:00.000Z', missed: false });
    // The national preset sets no contact deadline (only 重庆's text does): contact is a duty, not a clock.
    expect(byKey['contact:traffic']).toBeUndefined();
    expect(byKey['answer:traffic:1']).toMatchObject({ kind: 'answer', dueAt: '2026-06-04T16:00:00.000Z', metAt: '2026-04-10T02:00:00.000Z', missed: false });
    // The feedback window is open and not yet due: neither met nor missed.
    expect(byKey['feedback:traffic:1']).toMatchObject({ kind: 'feedback', missed: false });
    expect(byKey['feedback:traffic:1'].metAt).toBeUndefined();
    expect((await t.http.get(`/api/suggestions/${id}/timeline?withDeadlines=yes`, { token: org.staff.token })).status).toBe(400);
  });
});
