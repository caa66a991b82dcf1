import { createOrganisation, Organisation } from '../support/organisation';
import { Suggestions } from '../support/suggestions';
import { startTestApp, TestApp } from '../support/test-app';
import { setClock } from './support/test-clock';

/** 并案 ("办理一件、解决一类"): one group assigned and answered together; every deputy still gets the answer and rates it. */
describe('grouping similar suggestions', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let a: string;
  let b: string;
  let c: string;
  let loner: string;
  let groupId: string;

  const types = (id: string) => s.eventTypes(org.staff, id);

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    await setClock(t.http, org.admin, '2026-03-02T02:00:00Z');
    a = (await s.submit(org.deputy1, { title: '关于治理学校周边交通拥堵的建议（一）', content: '早晚高峰拥堵。' })).id;
    b = (await s.submit(org.deputy2, { title: '关于治理学校周边交通拥堵的建议（二）', content: '接送车辆乱停。' })).id;
    c = (await s.submit(org.deputy3, { title: '关于治理学校周边交通拥堵的建议（三）', content: '缺少护学岗。' })).id;
    loner = (await s.submit(org.deputy1, { title: '关于另一件事的建议', content: '无关。' })).id;
    for (const id of [a, b, c, loner]) await s.run(org.staff, id, 'accept');
  });
  afterAll(() => t.dispose());

  it('only staff group, and a refused member leaves every member unchanged', async () => {
    // A unit may not read these yet: it gets the suggestion read's own 404, not a hint that they exist.
    const byUnit = await t.http.post('/api/groups', { suggestionIds: [a, b] }, { token: org.traffic.token });
    expect(byUnit.status).toBe(404);
    expect(byUnit.body.message).toBe('建议不存在');
    const byDeputy = await t.http.post('/api/groups', { suggestionIds: [a, loner] }, { token: org.deputy1.token });
    expect(byDeputy.status).toBe(403);
    expect(byDeputy.body.code).toBe('group.only_staff');
    const tooFew = await t.http.post('/api/groups', { suggestionIds: [a] }, { token: org.staff.token });
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.errors[0].field).toBe('suggestionIds');

    const missing = await t.http.post('/api/groups', { suggestionIds: [a, 'no-such-suggestion'] }, { token: org.staff.token });
    expect(missing.status).toBe(404);
    expect(missing.body.errors).toEqual([{ field: 'no-such-suggestion', message: '建议不存在' }]);
    expect(await types(a)).not.toContain('SuggestionGrouped');
  });

  it('groups three suggestions under a primary, recorded on every member', async () => {
    const response = await t.http.post('/api/groups', { suggestionIds: [a, b, c], primarySuggestionId: a }, { token: org.staff.token });
    expect(response.status).toBe(201);
    groupId = response.body.groupId;
    expect(groupId).toBe(`g-${a}`);
    expect(response.body.results.map((r: { suggestionId: string; ok: boolean }) => [r.suggestionId, r.ok])).toEqual([
      [a, true],
      [b, true],
      [c, true],
    ]);
    s.lastPosition = response.body.position;
    for (const id of [a, b, c]) {
      expect((await s.state(org.staff, id)).group).toMatchObject({ primarySuggestionId: a, memberIds: [a, b, c] });
    }
    // A suggestion already in a group cannot join another: nothing of the new group is recorded anywhere.
    const again = await t.http.post('/api/groups', { suggestionIds: [loner, b] }, { token: org.staff.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('group.already_grouped');
    expect(again.body.errors.map((e: { field: string }) => e.field)).toEqual([b]);
    expect(await types(loner)).not.toContain('SuggestionGrouped');
  });

  it('staff see the whole group; a deputy only their own member', async () => {
    const all = await t.http.get(`/api/groups/${groupId}?after=${s.lastPosition}`, { token: org.staff.token });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ groupId, primarySuggestionId: a });
    expect(all.body.members.map((m: { id: string }) => m.id)).toEqual([a, b, c]);
    const own = await t.http.get(`/api/groups/${groupId}`, { token: org.deputy2.token });
    expect(own.body.members.map((m: { id: string; leadDeputyId: string }) => [m.id, m.leadDeputyId])).toEqual([[b, 'deputy2']]);
    expect((await t.http.get(`/api/groups/g-${loner}`, { token: org.staff.token })).status).toBe(404);
    expect((await t.http.get('/api/groups/not-a-group', { token: org.staff.token })).status).toBe(404);
  });

  it('assigns every member in one request', async () => {
    const unknownUnit = await t.http.post(`/api/groups/${groupId}/assign`, { mode: 'sole', unitIds: ['nowhere'] }, { token: org.staff.token });
    expect(unknownUnit.status).toBe(400);
    const response = await t.http.post(`/api/groups/${groupId}/assign`, { mode: 'sole', unitIds: ['traffic'] }, { token: org.staff.token });
    expect(response.status).toBe(200);
    expect(response.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    s.lastPosition = response.body.position;
    for (const id of [a, b, c]) {
      const detail = await s.state(org.traffic, id);
      expect(detail.status).toBe('assigned');
      expect(detail.assignment.units).toEqual([expect.objectContaining({ unitId: 'traffic', role: 'sole' })]);
    }
  });

  it('a unit not assigned cannot answer the group; the assigned unit answers every member at once', async () => {
    const body = { category: 'A', content: '已增设护学岗并优化信号配时。', signedBy: '交通局局长' };
    // A unit not assigned may read none of the members: the same 404 as reading one, naming none and counting none.
    const stranger = await t.http.post(`/api/groups/${groupId}/answer`, body, { token: org.health.token });
    const read = await t.http.get(`/api/suggestions/${a}`, { token: org.health.token });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual(read.body);
    expect(await types(a)).not.toContain('SuggestionAnswered');

    const response = await t.http.post(`/api/groups/${groupId}/answer`, body, { token: org.traffic.token });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: { ok: boolean; revision: number }) => r.ok)).toEqual([true, true, true]);
    s.lastPosition = response.body.position;
  });

  it('every deputy in the group gets the answer and rates it for their own suggestion', async () => {
    for (const [deputy, id] of [[org.deputy1, a], [org.deputy2, b], [org.deputy3, c]] as const) {
      const detail = await s.state(deputy, id);
      expect(detail.status).toBe('answered');
      expect(detail.assignment.units[0].answers[0]).toMatchObject({ category: 'A', content: '已增设护学岗并优化信号配时。' });
    }
    await s.run(org.deputy2, b, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    expect((await s.state(org.deputy2, b)).status).toBe('rated');
    expect((await s.state(org.deputy1, a)).status).toBe('answered');
    // One deputy cannot rate another's member (which they may not even read: the suggestion read's 404).
    const other = await s.send(org.deputy2, c, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    expect(other.status).toBe(404);
    expect((await s.state(org.deputy3, c)).status).toBe('answered');
  });
});
