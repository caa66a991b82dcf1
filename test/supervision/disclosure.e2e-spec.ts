import { createOrganisation, Organisation, Person } from '../support/organisation';
import { Suggestions } from '../support/suggestions';
import { startTestApp, TestApp } from '../support/test-app';
import { setClock } from './support/test-clock';

/**
 * 公开: staff publish answered suggestions or exempt them; the public reads published ones without
 * logging in, sees nothing that is not meant for it, and never a hidden deputy or an exempt suggestion.
 */
describe('disclosure: published answers for the public, nothing exempt leaks', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  const ids: Record<string, string> = {};

  /** Secrets that must never reach the public: rating reasons, commitments, contacts, co-opinions. */
  const SECRETS = ['满意度理由-机密', '承诺事项-机密', '联系记录-机密'];

  async function answeredSuggestion(key: string, body: Record<string, unknown>, deputy: Person = org.deputy1): Promise<string> {
    const response = await t.http.post('/api/suggestions', body, { token: deputy.token });
    expect(response.status).toBe(201);
    const id = response.body.id as string;
    ids[key] = id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    await s.run(org.traffic, id, 'contact', { method: '电话', summary: '联系记录-机密' });
    await s.run(org.traffic, id, 'answer', {
      category: 'B',
      content: `${body.title as string}：已列入年度计划逐步解决`,
      signedBy: '交通局局长',
      commitments: [{ description: '承诺事项-机密', dueAt: '2026-12-31' }],
    });
    return id;
  }

  const publicList = (query = '') => t.http.get(`/api/public/suggestions${query}`);
  const publicDetail = (id: string) => t.http.get(`/api/public/suggestions/${id}`);

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    await setClock(t.http, org.admin, '2026-03-02T02:00:00Z');
    await answeredSuggestion('named', { title: '关于夜间公交的建议', content: '延长末班车时间。', coSignerIds: ['deputy2'] });
    await s.run(org.deputy1, ids.named!, 'rate', { attitude: 'satisfied', result: 'dissatisfied', reason: '满意度理由-机密' });
    await answeredSuggestion('hidden', { title: '关于公交无障碍的建议', content: '增加低地板公交。', hideDeputyName: true }, org.deputy3);
    await answeredSuggestion('exempt', { title: '关于涉密线路的建议', content: '内容涉及个人隐私。' });
    await answeredSuggestion('withdrawn', { title: '关于公交专用道的建议', content: '增设专用道。' });
    const unanswered = await s.submit(org.deputy1, { title: '关于未答复公开的建议', content: '尚未答复。' });
    ids.unanswered = unanswered.id;
  });
  afterAll(() => t.dispose());

  it('only staff publish, and only an answered suggestion', async () => {
    for (const person of [org.deputy1, org.traffic, org.supervisor]) {
      const refused = await s.send(person, ids.named!, 'publish', {});
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('disclosure.only_staff');
    }
    const early = await s.send(org.staff, ids.unanswered!, 'publish', {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('disclosure.not_answered');
    const typo = await s.send(org.staff, ids.named!, 'publish', { now: true });
    expect(typo.status).toBe(400);
  });

  it('published answers are readable without a token, with the deputies named', async () => {
    await s.run(org.staff, ids.named!, 'publish', {});
    await s.run(org.staff, ids.hidden!, 'publish', {});
    await s.run(org.staff, ids.withdrawn!, 'publish', {});

    const detail = await publicDetail(ids.named!);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: ids.named,
      title: '关于夜间公交的建议',
      content: '延长末班车时间。',
      deputyIds: ['deputy1', 'deputy2'],
      deputyNames: ['张三', '李四'],
      unitIds: ['traffic'],
      unitNames: ['市交通运输局'],
      publishedAt: '2026-03-02T02:00:00.000Z',
      answers: [
        {
          unitId: 'traffic',
          round: 1,
          category: 'B',
          content: '关于夜间公交的建议：已列入年度计划逐步解决',
          signedBy: '交通局局长',
          answeredAt: '2026-03-02T02:00:00.000Z',
          unitName: '市交通运输局',
        },
      ],
    });
    const list = await publicList();
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.named, ids.hidden, ids.withdrawn].sort());
    expect(list.body.total).toBe(3);
  });

  it('hides the deputies of a suggestion whose deputy asked, in the list and the detail', async () => {
    const detail = await publicDetail(ids.hidden!);
    expect(detail.status).toBe(200);
    expect(detail.body.deputyIds).toBeNull();
    expect(detail.body.deputyNames).toBeNull();
    const item = (await publicList()).body.items.find((i: { id: string }) => i.id === ids.hidden);
    expect(item).toBeDefined();
    for (const text of [JSON.stringify(detail.body), JSON.stringify(item)]) {
      expect(text).not.toContain('deputy3');
      expect(text).not.toContain('王五');
    }
    // The deputy's own view still names them: only the public view hides.
    expect((await s.state(org.deputy3, ids.hidden!)).leadDeputyId).toBe('deputy3');
  });

  it('never shows ratings, commitments, contacts or anything else not meant for the public', async () => {
    const everything = JSON.stringify([(await publicList()).body, ...(await Promise.all([ids.named!, ids.hidden!].map(publicDetail))).map((r) => r.body)]);
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  it('an exempt suggestion cannot be published and stays invisible, with the reason recorded', async () => {
    const bad = await s.send(org.staff, ids.exempt!, 'exempt', { reason: 'because' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('reason');
    expect((await s.send(org.traffic, ids.exempt!, 'exempt', { reason: 'privacy' })).status).toBe(403);

    await s.run(org.staff, ids.exempt!, 'exempt', { reason: 'privacy', note: '涉及个人住址' });
    const refused = await s.send(org.staff, ids.exempt!, 'publish', {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('disclosure.exempt');
    expect((await s.state(org.staff, ids.exempt!)).disclosure).toMatchObject({ status: 'exempt', reason: 'privacy', note: '涉及个人住址' });
    expect((await publicDetail(ids.exempt!)).status).toBe(404);
    expect(JSON.stringify((await publicList()).body)).not.toContain('涉密线路');
  });

  it('exempting a published suggestion withdraws it from the public at once', async () => {
    expect((await publicDetail(ids.withdrawn!)).status).toBe(200);
    await s.run(org.staff, ids.withdrawn!, 'exempt', { reason: 'deputy_request' });
    const gone = await publicDetail(ids.withdrawn!);
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe('该建议不存在或未公开');
    const list = await publicList();
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.withdrawn);
    expect(list.body.total).toBe(2);
  });

  it('answers 404 for what is not published, and searches and pages the published ones', async () => {
    expect((await publicDetail(ids.unanswered!)).status).toBe(404);
    expect((await publicDetail('no-such-suggestion')).status).toBe(404);
    const found = await publicList(`?q=${encodeURIComponent('无障碍')}`);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([ids.hidden]);
    const page = await publicList('?page=2&pageSize=1');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBe(2);
    expect((await publicList('?pageSize=0')).status).toBe(400);
    expect((await publicList('?secret=1')).status).toBe(400);
  });
});
