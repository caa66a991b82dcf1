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
    expect((await http.get('/api/users', { token: org.admin.token })).status).toBe(200);
    expect((await http.post('/api/units', { id: 'nope', name: '无权' }, deputy)).status).toBe(403);

    expect(http.problems).toEqual([]);
    // The flows above really went through the checker (a vacuous pass would check nothing).
    expect(http.checked.size).toBeGreaterThanOrEqual(25);
  });
});
