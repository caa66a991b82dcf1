import { createOrganisation, Organisation } from '../support/organisation';
import { startTestApp, TestApp } from '../support/test-app';
import { ContractCheckedClient } from './contract-checker';

/**
 * The request schemas carry the server's rules: a body the document allows is a body the server
 * accepts, and a body the server refuses for its shape the document refuses too (so a client that
 * validates against the document finds the mistake before sending it).
 */
describe('request schemas in the served document agree with the server', () => {
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

  const refused: [string, Record<string, unknown>][] = [
    ['blank title', { title: '   ', content: '内容' }],
    ['title of invisible characters only', { title: '\u200b\u2060', content: '内容' }],
    ['empty content', { title: '标题', content: '' }],
    ['title over the maximum', { title: '长'.repeat(201), content: '内容' }],
    ['missing content', { title: '标题' }],
    ['unknown field', { title: '标题', content: '内容', priority: 'high' }],
    ['co-signer listed twice', { title: '标题', content: '内容', coSignerIds: ['deputy2', 'deputy2'] }],
    ['co-signer id of the wrong form', { title: '标题', content: '内容', coSignerIds: ['Deputy 2'] }],
    ['hideDeputyName not a boolean', { title: '标题', content: '内容', hideDeputyName: 'yes' }],
  ];

  it.each(refused)('a submission with %s is refused by both', async (_case, body) => {
    const response = await http.post('/api/suggestions', body, { token: org.deputy1.token });
    expect(response.status).toBe(400);
    expect(http.documentAllows('POST', '/api/suggestions', body)).not.toBe(true);
  });

  it('a full valid submission is allowed by both', async () => {
    const body = { title: '增开公交线路', content: '建议增开。', coSignerIds: ['deputy2'], hideDeputyName: true };
    expect(http.documentAllows('POST', '/api/suggestions', body)).toBe(true);
    expect((await http.post('/api/suggestions', body, { token: org.deputy1.token })).status).toBe(201);
    expect(http.problems).toEqual([]);
  });

  it('dates: an impossible day and a time without offset are refused by both', async () => {
    const staff = { token: org.staff.token };
    const submitted = await http.post('/api/suggestions', { title: '延期', content: '内容' }, { token: org.deputy1.token });
    await http.post(`/api/suggestions/${submitted.body.id}/accept`, {}, staff);
    await http.post(`/api/suggestions/${submitted.body.id}/assign`, { mode: 'sole', unitIds: ['traffic'] }, staff);
    for (const until of ['2026-02-30', '2026-10-15T08:00:00']) {
      const body = { reason: '需要调研', until };
      expect(http.documentAllows('POST', '/api/suggestions/{id}/request-extension', body)).not.toBe(true);
      expect((await http.post(`/api/suggestions/${submitted.body.id}/request-extension`, body, { token: org.traffic.token })).status).toBe(400);
    }
    expect(http.documentAllows('POST', '/api/suggestions/{id}/request-extension', { reason: '需要调研', until: '2026-10-15' })).toBe(true);
    expect(http.problems).toEqual([]);
  });
});
