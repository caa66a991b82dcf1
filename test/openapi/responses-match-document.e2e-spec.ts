import { createOrganisation, Organisation } from '../support/organisation';
import { startTestApp, TestApp } from '../support/test-app';
import { ContractCheckedClient } from './contract-checker';

/**
 * Drives the main flows through real HTTP and checks every answer (successes and refusals)
 * against the document the server serves at /api/docs-json: what an integrator generates a
 * client from must describe what the server really sends.
 */
describe('every response of the main flows matches the served OpenAPI document', () => {
  let app: TestApp;
  let http: ContractCheckedClient;
  let org: Organisation;

  beforeAll(async () => {
    app = await startTestApp();
    const document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as ConstructorParameters<typeof ContractCheckedClient>[1];
    http = new ContractCheckedClient(app.baseUrl, document);
    org = await createOrganisation(http);
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it('the suggestion lifecycle, reads, inbox and the refusals on the way', async () => {
    const deputy = { token: org.deputy1.token };
    const staff = { token: org.staff.token };
    const unit = { token: org.traffic.token };

    expect((await http.get('/api/auth/me', deputy)).status).toBe(200);
    expect((await http.get('/api/auth/me')).status).toBe(401);
    expect((await http.post('/api/auth/login', { username: 'deputy1', password: 'wrong-password' })).status).toBe(401);
    expect((await http.post('/api/auth/login', { username: '', extra: 1 })).status).toBe(400);

    const submitted = await http.post('/api/suggestions', { title: '增开公交线路', content: '建议增开公交线路。', coSignerIds: ['deputy2'] }, { ...deputy, headers: { 'Idempotency-Key': 'contract-1' } });
    expect(submitted.status).toBe(201);
    const id: string = submitted.body.id;
    const replay = await http.post('/api/suggestions', { title: '增开公交线路', content: '建议增开公交线路。', coSignerIds: ['deputy2'] }, { ...deputy, headers: { 'Idempotency-Key': 'contract-1' } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await http.post('/api/suggestions', { title: '另一件', content: '内容' }, { ...deputy, headers: { 'Idempotency-Key': 'contract-1' } })).status).toBe(422);
    expect((await http.post('/api/suggestions', { title: '   ', content: '内容', unknown: true }, deputy)).status).toBe(400);

    expect((await http.post(`/api/suggestions/${id}/accept`, {}, { ...staff, headers: { 'If-Match': '"7"' } })).status).toBe(412);
    expect((await http.post(`/api/suggestions/${id}/accept`, {}, deputy)).status).toBe(403);
    const accepted = await http.post(`/api/suggestions/${id}/accept`, {}, { ...staff, headers: { 'If-Match': `"${submitted.body.revision}"` } });
    expect(accepted.status).toBe(200);
    expect((await http.post(`/api/suggestions/${id}/accept`, {}, staff)).status).toBe(409);
    const assigned = await http.post(`/api/suggestions/${id}/assign`, { mode: 'sole', unitIds: ['traffic'] }, staff);
    expect(assigned.status).toBe(200);
    const answered = await http.post(`/api/suggestions/${id}/answer`, { category: 'A', content: '已开通。', signedBy: '周局长' }, unit);
    expect(answered.status).toBe(200);
    const after = `?after=${answered.body.position}`;

    const detail = await http.get(`/api/suggestions/${id}${after}`, deputy);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe(`"${answered.body.revision}"`);
    expect((await http.get(`/api/suggestions/missing-one${after}`, deputy)).status).toBe(404);
    expect((await http.get(`/api/suggestions${after}&pageSize=5`, staff)).status).toBe(200);
    expect((await http.get(`/api/suggestions${after}&pageSize=abc`, staff)).status).toBe(400);
    expect((await http.get(`/api/suggestions/${id}/timeline${after}`, staff)).status).toBe(200);

    expect((await http.get(`/api/inbox${after}`, deputy)).status).toBe(200);
    expect((await http.post('/api/inbox/read-all', undefined, deputy)).status).toBe(200);
    expect((await http.get('/api/units', staff)).status).toBe(200);
    const users = await http.get('/api/users', { token: org.admin.token });
    expect(users.status).toBe(200);
    // The list says which accounts may sign in: the document must say so too, or a generated client cannot read it.
    expect(users.body[0].active).toBe(true);
    expect((await http.post('/api/units', { id: 'nope', name: '无权' }, deputy)).status).toBe(403);

    expect(http.problems).toEqual([]);
    // The flows above really went through the checker (a vacuous pass would check nothing).
    expect(http.checked.size).toBeGreaterThanOrEqual(25);
  });
  it('grouping, transfer, supervision, disclosure and operations', async () => {
    const staff = { token: org.staff.token };
    const admin = { token: org.admin.token };
    const ids: string[] = [];
    for (const title of ['校园周边交通', '校门口拥堵']) {
      ids.push((await http.post('/api/suggestions', { title, content: '建议治理。' }, { token: org.deputy1.token })).body.id);
    }
    for (const id of ids) expect((await http.post(`/api/suggestions/${id}/accept`, {}, staff)).status).toBe(200);
    const group = await http.post('/api/groups', { suggestionIds: ids }, staff);
    expect(group.status).toBe(201);
    expect((await http.post('/api/groups', { suggestionIds: [ids[0]] }, staff)).status).toBe(400);
    const assigned = await http.post(`/api/groups/${group.body.groupId}/assign`, { mode: 'sole', unitIds: ['education'] }, staff);
    expect(assigned.status).toBe(200);
    const after = `?after=${assigned.body.position}`;
    expect((await http.get(`/api/groups/${group.body.groupId}${after}`, staff)).status).toBe(200);
    const transferred = await http.post(`/api/suggestions/${ids[0]}/transfer`, { fromUnitId: 'education', toUnitId: 'traffic', reason: '属交通部门职责' }, staff);
    expect(transferred.status).toBe(200);
    expect((await http.post(`/api/suggestions/${ids[0]}/transfer`, { fromUnitId: 'education', toUnitId: 'traffic' }, staff)).status).toBe(400);

    expect((await http.get('/api/health')).status).toBe(200);
    expect((await http.get('/api/rulebook', staff)).status).toBe(200);
    expect((await http.get('/api/test-clock', staff)).status).toBe(200);
    expect((await http.get(`/api/stats/units${after}`, staff)).status).toBe(200);
    expect((await http.get(`/api/stats/overview${after}`, staff)).status).toBe(200);
    expect((await http.get(`/api/stats/overview${after}`, { token: org.deputy1.token })).status).toBe(403);
    expect((await http.get(`/api/stats/overview${after}&year=2026`, staff)).status).toBe(200);
    expect((await http.get(`/api/stats/overview?year=2026&from=2026-01-01`, staff)).status).toBe(400);
    expect((await http.get(`/api/stats/delegations${after}&year=2026`, staff)).status).toBe(200);
    expect((await http.get(`/api/supervision/key${after}`, staff)).status).toBe(200);
    expect((await http.get(`/api/commitments${after}`, staff)).status).toBe(200);
    expect((await http.get(`/api/deputies/deputy1/archive${after}`, staff)).status).toBe(200);
    expect((await http.get(`/api/deputies/deputy1/commitments${after}`, staff)).status).toBe(200);
    expect((await http.get(`/api/suggestions/${ids[0]}/audit`, staff)).status).toBe(200);
    expect((await http.get('/api/public/suggestions')).status).toBe(200);
    expect((await http.get('/api/public/suggestions/not-published')).status).toBe(404);
    expect((await http.get('/api/operations/parked', admin)).status).toBe(200);
    expect((await http.post('/api/operations/parked/retry', undefined, admin)).status).toBe(200);
    const sheet = await http.get('/api/suggestions.xlsx', staff);
    expect(sheet.status).toBe(200);

    expect(http.problems).toEqual([]);
  });
});
