import { createOrganisation, Organisation, Person } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';
import { describeOnEachEventStore } from '../libs/event-store/src/testing/event-store-switch';

/**
 * The whole life of one suggestion over HTTP, with a dissatisfied rating, re-handling and a
 * second answer, checking status, detail and timeline after every step.
 */
describeOnEachEventStore('the whole lifecycle over HTTP', (storeEnv) => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp(storeEnv());
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    // A fixed Monday morning in Beijing, so every deadline below is known.
    const clock = await t.http.post('/api/test-clock', { now: '2026-03-02T02:00:00Z' }, { token: org.admin.token });
    expect(clock.status).toBe(200);
  });
  afterAll(() => t.dispose());

  /** After each step: the status, the revision (also in the list), and the last timeline entry. */
  async function expectStep(step: { status: string; revision: number; event: string; by: Person; unitId?: string }) {
    const detail = await s.state(org.staff, id);
    expect(detail.status).toBe(step.status);
    expect(detail.revision).toBe(step.revision);
    const timeline = (await s.timeline(org.staff, id)).body;
    expect(timeline).toHaveLength(step.revision + 1);
    const last = timeline[timeline.length - 1];
    expect(last.type).toBe(step.event);
    expect(last.revision).toBe(step.revision);
    expect(last.actor.userId).toBe(step.by.id);
    if (step.unitId) expect(last.actor.unitId).toBe(step.unitId);
    const list = await s.list(org.staff, `q=${encodeURIComponent('公交')}`);
    const item = list.body.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ status: step.status, revision: step.revision });
    return detail;
  }

  it('1. a deputy submits with a co-signer: 201, id, revision 0 and an ETag', async () => {
    const response = await t.http.post(
      '/api/suggestions',
      { title: '关于优化城区公交线网的建议', content: '部分线路重复率高、换乘不便，建议优化线网并增设微循环线路。', coSignerIds: ['deputy2'] },
      { token: org.deputy1.token },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ revision: 0 });
    expect(response.headers.get('etag')).toBe('"0"');
    id = response.body.id;
    s.lastPosition = response.body.position;
    const detail = await expectStep({ status: 'submitted', revision: 0, event: 'SuggestionSubmitted', by: org.deputy1 });
    expect(detail).toMatchObject({ leadDeputyId: 'deputy1', coSignerIds: ['deputy2'], title: '关于优化城区公交线网的建议' });
    // The co-signer sees it too; a deputy who did not sign does not.
    expect((await s.detail(org.deputy2, id)).status).toBe(200);
    expect((await s.detail(org.deputy3, id)).status).toBe(404);
  });

  it('2. staff accept it, with an assignment target', async () => {
    const outcome = await s.run(org.staff, id, 'accept');
    expect(outcome.revision).toBe(1);
    const detail = await expectStep({ status: 'accepted', revision: 1, event: 'SuggestionAccepted', by: org.staff });
    expect(detail.assignDueAt).toEqual(expect.any(String));
  });

  it('3. staff assign it to a lead unit and a co-handler, each with its role and due time', async () => {
    await s.run(org.staff, id, 'assign', { mode: 'lead', unitIds: ['traffic', 'housing'], leadUnitId: 'traffic' });
    const detail = await expectStep({ status: 'assigned', revision: 2, event: 'SuggestionAssigned', by: org.staff });
    expect(detail.assignment.mode).toBe('lead');
    const units = Object.fromEntries(detail.assignment.units.map((u: { unitId: string; role: string }) => [u.unitId, u]));
    expect(units.traffic).toMatchObject({ role: 'lead', stage: 'handling' });
    expect(units.housing).toMatchObject({ role: 'co' });
    // Three months from 2026-03-02 (Beijing), ending at 24:00 of its last day.
    expect(units.traffic.dueAt).toBe('2026-06-02T16:00:00.000Z');
    expect(detail.assignment.deadlines.coOpinionDueAt).toEqual(expect.any(String));
    // Each unit now sees it in its own list.
    const trafficList = await s.list(org.traffic);
    expect(trafficList.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('4. the co-handler sends its opinion to the lead', async () => {
    await s.run(org.housing, id, 'co-opinion', { content: '建议结合老旧小区改造同步优化站点设置。' });
    const detail = await expectStep({ status: 'assigned', revision: 3, event: 'CoHandlerOpinionSubmitted', by: org.housing, unitId: 'housing' });
    const housing = detail.assignment.units.find((u: { unitId: string }) => u.unitId === 'housing');
    expect(housing.coOpinion.content).toBe('建议结合老旧小区改造同步优化站点设置。');
  });

  it('5. the lead unit logs its contact with the deputy', async () => {
    await s.run(org.traffic, id, 'contact', { method: '座谈', summary: '与张三代表座谈，听取意见。' });
    const detail = await expectStep({ status: 'assigned', revision: 4, event: 'DeputyContacted', by: org.traffic, unitId: 'traffic' });
    const traffic = detail.assignment.units.find((u: { unitId: string }) => u.unitId === 'traffic');
    expect(traffic.contactedAt).toBe('2026-03-02T02:00:00.000Z');
  });

  it('6. the lead unit asks for an extension and staff grant it: the due time moves', async () => {
    await s.run(org.traffic, id, 'request-extension', { reason: '涉及多部门协调，需进一步调研。', until: '2026-07-15' });
    await expectStep({ status: 'assigned', revision: 5, event: 'ExtensionRequested', by: org.traffic, unitId: 'traffic' });
    await s.run(org.staff, id, 'decide-extension', { approve: true, reason: '同意延期。' });
    const detail = await expectStep({ status: 'assigned', revision: 6, event: 'ExtensionGranted', by: org.staff });
    const traffic = detail.assignment.units.find((u: { unitId: string }) => u.unitId === 'traffic');
    expect(traffic.dueAt).toBe('2026-07-15T16:00:00.000Z');
  });

  it('7. the supervisor makes it a key suggestion and urges it', async () => {
    await s.run(org.supervisor, id, 'supervise', { supervisorId: 'super1', leaderName: '孙副市长' });
    let detail = await expectStep({ status: 'assigned', revision: 7, event: 'KeySupervisionStarted', by: org.supervisor });
    expect(detail.keySupervision).toMatchObject({ supervisorId: 'super1', leaderName: '孙副市长' });
    await s.run(org.supervisor, id, 'urge', { note: '请加快办理进度。' });
    detail = await expectStep({ status: 'assigned', revision: 8, event: 'SuggestionUrged', by: org.supervisor });
    expect(detail.urges).toHaveLength(1);
    const keyList = await s.list(org.supervisor, 'keySupervised=true');
    expect(keyList.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('8. the lead unit answers B with a commitment', async () => {
    await s.run(org.traffic, id, 'answer', {
      category: 'B',
      content: '已完成线网优化方案，正在分批实施。',
      signedBy: '周局长',
      commitments: [{ description: '年底前开通三条微循环线路', dueAt: '2026-12-31' }],
    });
    const detail = await expectStep({ status: 'answered', revision: 9, event: 'SuggestionAnswered', by: org.traffic, unitId: 'traffic' });
    expect(detail.commitments).toEqual([
      expect.objectContaining({ commitmentId: 'C1', unitId: 'traffic', description: '年底前开通三条微循环线路', dueAt: '2026-12-31T16:00:00.000Z' }),
    ]);
    const traffic = detail.assignment.units.find((u: { unitId: string }) => u.unitId === 'traffic');
    expect(traffic.answers).toEqual([expect.objectContaining({ round: 1, category: 'B', signedBy: '周局长', onTime: true })]);
    expect(detail.assignment.feedbackDueAt).toEqual(expect.any(String));
  });

  it('9. the deputy rates dissatisfied: re-handling starts with its own deadline', async () => {
    await s.run(org.deputy1, id, 'rate', { attitude: 'satisfied', result: 'dissatisfied', reason: '措施不够具体。' });
    const detail = await expectStep({ status: 'rehandling', revision: 11, event: 'RehandlingStarted', by: org.deputy1 });
    const types = await s.eventTypes(org.staff, id);
    expect(types.slice(-2)).toEqual(['SuggestionRated', 'RehandlingStarted']);
    const traffic = detail.assignment.units.find((u: { unitId: string }) => u.unitId === 'traffic');
    expect(traffic).toMatchObject({ stage: 'rehandling', round: 2, dissatisfiedCount: 1 });
    expect(traffic.ratings).toEqual([expect.objectContaining({ round: 1, result: 'dissatisfied', reason: '措施不够具体。' })]);
    // One month from the rating.
    expect(traffic.dueAt).toBe('2026-04-02T16:00:00.000Z');
  });

  it('10. the unit answers again, and the deputy rates satisfied', async () => {
    await s.run(org.traffic, id, 'answer', { category: 'A', content: '三条线路已全部开通。', signedBy: '周局长' });
    let detail = await expectStep({ status: 'answered', revision: 12, event: 'SuggestionAnswered', by: org.traffic, unitId: 'traffic' });
    const traffic = detail.assignment.units.find((u: { unitId: string }) => u.unitId === 'traffic');
    expect(traffic.answers.map((a: { round: number }) => a.round)).toEqual([1, 2]);

    await s.run(org.deputy1, id, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    detail = await expectStep({ status: 'rated', revision: 13, event: 'SuggestionRated', by: org.deputy1 });
    const rated = detail.assignment.units.find((u: { unitId: string }) => u.unitId === 'traffic');
    expect(rated.ratings.map((r: { result: string }) => r.result)).toEqual(['dissatisfied', 'satisfied']);
  });

  it('11. the unit fulfils its commitment and staff close the suggestion', async () => {
    await s.run(org.traffic, id, 'fulfil-commitment', { commitmentId: 'C1', evidence: '三条线路已于 11 月开通运营。' });
    let detail = await expectStep({ status: 'rated', revision: 14, event: 'CommitmentFulfilled', by: org.traffic, unitId: 'traffic' });
    expect(detail.commitments[0]).toMatchObject({ commitmentId: 'C1', evidence: '三条线路已于 11 月开通运营。', fulfilledAt: expect.any(String) });

    await s.run(org.staff, id, 'close');
    detail = await expectStep({ status: 'closed', revision: 15, event: 'SuggestionClosed', by: org.staff });
    expect(await s.eventTypes(org.deputy2, id)).toEqual([
      'SuggestionSubmitted',
      'SuggestionAccepted',
      'SuggestionAssigned',
      'CoHandlerOpinionSubmitted',
      'DeputyContacted',
      'ExtensionRequested',
      'ExtensionGranted',
      'KeySupervisionStarted',
      'SuggestionUrged',
      'SuggestionAnswered',
      'SuggestionRated',
      'RehandlingStarted',
      'SuggestionAnswered',
      'SuggestionRated',
      'CommitmentFulfilled',
      'SuggestionClosed',
    ]);
  });

  it('every event carries the actor and the time from the clock', async () => {
    const timeline = (await s.timeline(org.deputy1, id)).body;
    for (const entry of timeline) {
      expect(entry.occurredAt).toBe('2026-03-02T02:00:00.000Z');
      expect(entry.actor.userId).toEqual(expect.any(String));
      expect(entry.actor.role).toMatch(/^(deputy|staff|unit|supervisor)$/);
    }
  });
});
