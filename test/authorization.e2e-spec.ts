import { createOrganisation, Organisation, Person } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Who may do what, over HTTP. Every refusal is checked twice: the status, and that the store's
 * head did not move (nothing at all was appended, to any stream).
 */
describe('authorization: people act only where they may, and a refusal changes nothing', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let id: string;

  async function storeHead(): Promise<string | null> {
    const health = await t.http.get('/api/health');
    return health.body.store.head;
  }

  async function expectRefused(person: Person, command: string, body: unknown, status: number | number[]) {
    const headBefore = await storeHead();
    const timelineBefore = (await s.timeline(org.staff, id)).body.length;
    const response = await s.send(person, id, command, body);
    expect([status].flat()).toContain(response.status);
    expect(typeof response.body.message).toBe('string');
    expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await storeHead()).toBe(headBefore);
    expect((await s.timeline(org.staff, id)).body).toHaveLength(timelineBefore);
    return response;
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    id = (await s.submit(org.deputy1, { title: '关于校园食品安全的建议', content: '建议加强校园食堂监管。', coSignerIds: ['deputy2'] })).id;
  });
  afterAll(() => t.dispose());

  it('only staff accept and assign', async () => {
    await expectRefused(org.deputy1, 'accept', {}, 403);
    // A unit sees nothing before it is assigned: the detail's 404, not "you may not".
    await expectRefused(org.traffic, 'accept', {}, 404);
    await s.run(org.staff, id, 'accept');
    await expectRefused(org.traffic, 'assign', { mode: 'sole', unitIds: ['traffic'] }, 404);
    await expectRefused(org.supervisor, 'assign', { mode: 'sole', unitIds: ['traffic'] }, 403);
    await s.run(org.staff, id, 'assign', { mode: 'lead', unitIds: ['education', 'health'], leadUnitId: 'education' });
  });

  it('a deputy who did not sign cannot see it, list it or act on it', async () => {
    expect((await s.detail(org.deputy3, id)).status).toBe(404);
    expect((await s.timeline(org.deputy3, id)).status).toBe(404);
    const list = await s.list(org.deputy3);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    await expectRefused(org.deputy3, 'withdraw', { reason: '撤回' }, 404);
  });

  it('a unit that is not assigned cannot see it or act on it', async () => {
    expect((await s.detail(org.traffic, id)).status).toBe(404);
    // Acting answers as seeing does: 404, so no command tells it that the suggestion exists.
    await expectRefused(org.traffic, 'contact', { method: '电话', summary: '联系' }, 404);
    await expectRefused(org.traffic, 'answer', { category: 'A', content: '答复', signedBy: '局长' }, 404);
    await expectRefused(org.traffic, 'request-return', { reason: '不归我管' }, 404);
  });

  it('a co-handler cannot answer for the lead', async () => {
    const response = await expectRefused(org.health, 'answer', { category: 'A', content: '答复', signedBy: '主任' }, [403, 409]);
    expect(response.body.code).toBe('answer.co_handler_cannot_answer');
  });

  it('nobody but the lead deputy can rate: not staff, not a supervisor, not a unit, not a co-signer', async () => {
    await s.run(org.education, id, 'answer', { category: 'A', content: '已全面排查校园食堂。', signedBy: '局长' });
    const rating = { attitude: 'satisfied', result: 'satisfied' };
    for (const person of [org.staff, org.supervisor, org.education, org.admin, org.deputy2]) {
      const response = await expectRefused(person, 'rate', rating, 403);
      expect(response.body.code).toBe('rating.only_lead_deputy');
    }
    await s.run(org.deputy1, id, 'rate', rating);
  });

  it('units cannot close, deputies cannot urge', async () => {
    await expectRefused(org.education, 'close', {}, 403);
    await expectRefused(org.deputy1, 'urge', { note: '快点' }, 403);
    await s.run(org.staff, id, 'close');
  });

  it('a command on a suggestion that does not exist is 404 and appends nothing', async () => {
    const headBefore = await storeHead();
    const response = await s.send(org.staff, '00000000-0000-4000-8000-000000000000', 'accept');
    expect(response.status).toBe(404);
    expect(await storeHead()).toBe(headBefore);
  });
});
