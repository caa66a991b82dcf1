import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

describe('rejection, withdrawal and return over HTTP', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
  });
  afterAll(() => t.dispose());

  const submit = async (title: string) => (await s.submit(org.deputy1, { title, content: `${title}的具体内容。` })).id;

  it('staff reject with a reason; the rejected suggestion cannot be accepted afterwards', async () => {
    const id = await submit('关于设立某某节日的建议');
    const noReason = await s.send(org.staff, id, 'reject', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: '必填' }]);

    await s.run(org.staff, id, 'reject', { reason: '属于来信来访事项，已转信访部门办理。' });
    const detail = await s.state(org.deputy1, id);
    expect(detail).toMatchObject({ status: 'rejected', rejectedReason: '属于来信来访事项，已转信访部门办理。' });

    const accept = await s.send(org.staff, id, 'accept');
    expect(accept.status).toBe(409);
    expect(accept.body).toEqual({ statusCode: 409, code: 'accept.not_submitted', message: expect.stringContaining('不予立案') });
    expect(await s.eventTypes(org.staff, id)).toEqual(['SuggestionSubmitted', 'SuggestionRejected']);
  });

  it('the lead deputy withdraws before any answer; a co-signer cannot, and nobody can after an answer', async () => {
    const id = (await s.submit(org.deputy1, { title: '关于撤回测试的建议', content: '内容。', coSignerIds: ['deputy2'] })).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['education'] });

    const bySigner = await s.send(org.deputy2, id, 'withdraw', { reason: '不想要了' });
    expect(bySigner.status).toBe(403);

    await s.run(org.deputy1, id, 'withdraw', { reason: '问题已自行解决。' });
    const detail = await s.state(org.deputy1, id);
    expect(detail).toMatchObject({ status: 'withdrawn', withdrawnReason: '问题已自行解决。' });
    // The unit can no longer answer a withdrawn suggestion.
    const answer = await s.send(org.education, id, 'answer', { category: 'A', content: '答复', signedBy: '局长' });
    expect(answer.status).toBe(409);

    const answered = await submit('关于答复后撤回的建议');
    await s.run(org.staff, answered, 'accept');
    await s.run(org.staff, answered, 'assign', { mode: 'sole', unitIds: ['education'] });
    await s.run(org.education, answered, 'answer', { category: 'D', content: '留作参考。', signedBy: '局长' });
    const late = await s.send(org.deputy1, answered, 'withdraw', { reason: '太晚了' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('withdraw.already_answered');
  });

  it('a unit asks to return it, staff approve, and the suggestion is reassigned to another unit', async () => {
    const id = await submit('关于城市道路照明的建议');
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['education'] });

    await s.run(org.education, id, 'request-return', { reason: '不属于本单位职责，应由交通部门办理。' });
    let detail = await s.state(org.staff, id);
    expect(detail.assignment.pendingReturn).toMatchObject({ unitId: 'education' });

    await s.run(org.staff, id, 'decide-return', { approve: true, reason: '同意退回。' });
    detail = await s.state(org.staff, id);
    expect(detail.status).toBe('accepted');
    expect(detail.previousAssignments).toHaveLength(1);

    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    detail = await s.state(org.staff, id);
    expect(detail.status).toBe('assigned');
    expect(detail.assignment.units).toEqual([expect.objectContaining({ unitId: 'traffic', role: 'sole' })]);
    expect((await s.eventTypes(org.staff, id)).slice(-3)).toEqual(['ReturnRequested', 'ReturnApproved', 'SuggestionReassigned']);

    // The unit that returned it has no part in it any more; the new unit does.
    const old = await s.send(org.education, id, 'contact', { method: '电话', summary: '联系代表' });
    expect(old.status).toBe(403);
    await s.run(org.traffic, id, 'contact', { method: '电话', summary: '联系代表，了解路段情况。' });
  });

  it('a denied return leaves the unit in charge', async () => {
    const id = await submit('关于公园开放时间的建议');
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['housing'] });
    await s.run(org.housing, id, 'request-return', { reason: '职责不清。' });
    await s.run(org.staff, id, 'decide-return', { approve: false, reason: '属于本单位职责。' });
    const detail = await s.state(org.staff, id);
    expect(detail.status).toBe('assigned');
    expect(detail.assignment.pendingReturn).toBeUndefined();
    expect(detail.assignment.units[0]).toMatchObject({ unitId: 'housing' });
    await s.run(org.housing, id, 'answer', { category: 'A', content: '已延长开放时间。', signedBy: '局长' });
  });
});
