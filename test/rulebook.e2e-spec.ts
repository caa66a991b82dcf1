import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * `GET /api/rulebook` with a local preset (重庆: the richest in own values), and that preset's rules
 * over real HTTP: contact before answering, notice-only extension told to the deputy, staff deciding
 * re-handling after a dissatisfied rating.
 */
describe('the rulebook in force, with its citations (RULEBOOK=chongqing)', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;

  beforeAll(async () => {
    t = await startTestApp({ RULEBOOK: 'chongqing' });
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const citationShape = (c: Record<string, unknown>) =>
    'file' in c
      ? typeof c.file === 'string' && /\.md$/.test(c.file) && typeof c.article === 'string' && /^第.+条$/.test(c.article) && typeof c.title === 'string'
      : c.default === true && typeof c.note === 'string' && c.note.length > 0;

  it('serves every period and every rule with at least one citation: an article of a stored text, or a default with its reason', async () => {
    const response = await t.http.get('/api/rulebook', { token: org.staff.token });
    expect(response.status).toBe(200);
    const body = response.body as { id: string; name: string; unsourced: boolean; periods: any[]; rules: any[]; answerCategories: any[] };
    expect(body).toMatchObject({ id: 'chongqing', name: '重庆市', unsourced: false });
    expect(body.periods.map((p) => p.key)).toEqual([
      'assignWithin',
      'answerWithin',
      'extendedAnswerMax',
      'returnWithin',
      'coOpinionWithin',
      'contactWithin',
      'feedbackWithin',
      'rehandlingWithin',
      'remindBefore',
    ]);
    expect(body.rules.map((r) => r.key)).toEqual([
      'answerCategories',
      'rehandling',
      'contactBeforeAnswer',
      'coOpinionsBeforeLeadAnswer',
      'extension',
      'withdrawal',
      'commitmentFulfilmentRating',
      'answerRequiresLetter',
    ]);
    for (const value of [...body.periods, ...body.rules]) {
      expect({ key: value.key, cited: value.citations.length > 0 && value.citations.every(citationShape) }).toEqual({ key: value.key, cited: true });
      expect(value.name).toMatch(/[\u4e00-\u9fff]/);
      expect(value.label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(body.periods.find((p) => p.key === 'contactWithin')).toMatchObject({
      amount: 20,
      unit: 'wd',
      label: '20 个工作日',
      citations: [{ file: '重庆市人民代表大会代表建议批评和意见工作条例(2017-11-30).md', article: '第十八条' }],
    });
    // The five answer classes of 重庆 第二十二条 drive the answer form.
    expect(body.answerCategories.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(body.rules.find((r) => r.key === 'answerCategories').citations[0]).toMatchObject({ article: '第二十二条' });
  });

  it('is readable by every signed-in role and by nobody signed out', async () => {
    for (const person of [org.deputy1, org.traffic, org.supervisor, org.admin]) {
      expect((await t.http.get('/api/rulebook', { token: person.token })).status).toBe(200);
    }
    expect((await t.http.get('/api/rulebook')).status).toBe(401);
  });

  async function assigned(): Promise<string> {
    const { id } = await s.submit(org.deputy1, { title: `关于公交夜班线路的建议 ${Date.now().toString(36)}`, content: '建议增开夜班公交。' });
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    return id;
  }

  it('重庆 第十八条: the unit must contact the deputy before it answers', async () => {
    const id = await assigned();
    const answer = { category: 'A', content: '已开通夜班线路。', signedBy: '局长' };
    const refused = await s.send(org.traffic, id, 'answer', answer);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/联系/);
    await s.run(org.traffic, id, 'contact', { method: '电话', summary: '沟通办理思路' });
    await s.run(org.traffic, id, 'answer', answer);
  });

  it('重庆 第二十一条: an extension needs no approval and the deputy is told, with the reason', async () => {
    const id = await assigned();
    // As far as the rulebook allows: six months from assignment.
    const max = (await s.state(org.traffic, id)).assignment.deadlines.extensionMaxAt as string;
    const request = await s.run(org.traffic, id, 'request-extension', { reason: '涉及多个部门协调', until: max });
    expect(request.revision).toBeGreaterThan(0);
    expect(await s.eventTypes(org.staff, id)).toEqual(expect.arrayContaining(['ExtensionRequested', 'ExtensionGranted']));
    const inbox = await t.http.get(`/api/inbox?after=${s.lastPosition}`, { token: org.deputy1.token });
    const told = (inbox.body.items as { suggestionId: string; kind: string; message: string }[]).filter((i) => i.suggestionId === id && i.kind === 'extended');
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toMatch(/延期理由：涉及多个部门协调/);
  });

  it('重庆 第二十七条: a dissatisfied rating waits for staff, who decide the re-handling (两个月)', async () => {
    const id = await assigned();
    await s.run(org.traffic, id, 'contact', { method: '走访', summary: '当面听取意见' });
    await s.run(org.traffic, id, 'answer', { category: 'A', content: '已开通。', signedBy: '局长' });
    await s.run(org.deputy1, id, 'rate', { attitude: 'dissatisfied', result: 'dissatisfied', reason: '线路没有覆盖新区' });
    const rated = await s.state(org.staff, id);
    expect(rated.status).toBe('rated');
    expect(rated.allowedActions).toContain('rehandle');
    // Staff are told what waits for them: the suggestion by its number, the deputy's verdict, the decision.
    const inbox = await t.http.get(`/api/inbox?after=${s.lastPosition}`, { token: org.staff.token });
    const asked = (inbox.body.items as { suggestionId: string; kind: string; message: string }[]).filter((i) => i.suggestionId === id && i.kind === 'rehandling_decision');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toMatch(new RegExp(`建议${rated.number ? `第0*${rated.number}号` : ''}「.+」的答复不满意（办理态度不满意，办理结果不满意，理由：线路没有覆盖新区），请研究决定是否交该单位重新办理`));
    expect(asked[0]!.message).toMatch(/第\d{4}号/);
    const notStaff = await s.send(org.deputy1, id, 'rehandle', { reason: '我要求重新办理' });
    expect(notStaff.status).toBe(403);
    await s.run(org.staff, id, 'rehandle', { reason: '研究代表意见后需再次办理' });
    const after = await s.state(org.traffic, id);
    expect(after.status).toBe('rehandling');
    expect(await s.eventTypes(org.staff, id)).toEqual(expect.arrayContaining(['SuggestionRated', 'RehandlingStarted']));
  });

  it('重庆 第二十八条: after the unit reports its commitments fulfilled, the lead deputy rates the fulfilment', async () => {
    const id = await assigned();
    await s.run(org.traffic, id, 'contact', { method: '电话', summary: '沟通办理思路' });
    const dueAt = `${new Date().getUTCFullYear() + 1}-06-30`;
    await s.run(org.traffic, id, 'answer', { category: 'B', content: '列入明年计划。', signedBy: '局长', commitments: [{ description: '开通夜班线路', dueAt }] });
    const early = await s.send(org.deputy1, id, 'rate-commitments', { rating: 'satisfied' });
    expect(early.status).toBe(409);
    await s.run(org.traffic, id, 'fulfil-commitment', { commitmentId: 'C1', evidence: '夜班线路已开通' });
    expect((await s.state(org.deputy1, id)).allowedActions).toContain('rateCommitments');
    await s.run(org.deputy1, id, 'rate-commitments', { rating: 'basically_satisfied' });
    expect(await s.eventTypes(org.staff, id)).toContain('CommitmentFulfilmentRated');
  });
});
