import { createOrganisation, Organisation, Person } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * 转办 over HTTP: staff hand a unit's part to another unit. The new unit sees and answers it, the
 * old one keeps reading it but can no longer act, both units and the lead deputy are told, the
 * timeline names it, and the detail's deadlines show the old unit's ended and the new unit's open.
 */
describe('transfer (转办) over HTTP', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
  });
  afterAll(() => t.dispose());

  const inboxOf = async (person: Person, id: string) => {
    const inbox = await t.http.get(`/api/inbox?after=${s.lastPosition}`, { token: person.token });
    expect(inbox.status).toBe(200);
    return (inbox.body.items as { suggestionId: string; kind: string; message: string }[]).filter((i) => i.suggestionId === id);
  };

  async function assignedToTraffic(): Promise<string> {
    const { id } = await s.submit(org.deputy1, { title: '关于社区卫生服务站布点的建议', content: '建议增加社区卫生服务站。', coSignerIds: ['deputy2'] });
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    return id;
  }

  it('staff transfer; the new unit sees it and answers, the old unit can no longer; everyone concerned is told', async () => {
    const id = await assignedToTraffic();
    expect((await s.state(org.staff, id)).allowedActions).toContain('transfer');
    expect((await s.list(org.health, 'status=assigned')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    await s.run(org.staff, id, 'transfer', { fromUnitId: 'traffic', toUnitId: 'health', reason: '属于卫生健康部门职责' });

    // The new unit sees it in its list and detail, and may answer.
    expect((await s.list(org.health)).body.items.map((i: { id: string }) => i.id)).toContain(id);
    const forHealth = await s.state(org.health, id);
    expect(forHealth.allowedActions).toEqual(expect.arrayContaining(['answer', 'contact', 'requestReturn']));
    // The old unit keeps reading it (it handled it), but it offers and accepts nothing from it.
    const forTraffic = await s.state(org.traffic, id);
    expect(forTraffic.allowedActions).toEqual([]);
    const oldAnswer = await s.send(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
    expect([403, 409]).toContain(oldAnswer.status);
    expect(oldAnswer.body.message).toMatch(/[\u4e00-\u9fff]/);

    // Deadlines: the old unit's ended at the transfer, the new unit's are open from it.
    const deadlines = forHealth.deadlines as { kind: string; unitId?: string; status: string; openedAt: string; dueAt: string }[];
    const oldAnswerDeadline = deadlines.find((d) => d.kind === 'answer' && d.unitId === 'traffic');
    const newAnswerDeadline = deadlines.find((d) => d.kind === 'answer' && d.unitId === 'health');
    expect(oldAnswerDeadline).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
    expect(newAnswerDeadline).toMatchObject({ status: 'open' });
    // The new unit's clock starts at the transfer, when the old unit's obligation ended.
    expect(Date.parse(newAnswerDeadline!.openedAt)).toBe(Date.parse((oldAnswerDeadline as unknown as { endedAt: string }).endedAt));

    // The timeline names it, with the units and the reason.
    const timeline = await s.timeline(org.deputy1, id);
    const entry = timeline.body.find((e: { type: string }) => e.type === 'SuggestionTransferred');
    expect(entry).toMatchObject({ actor: { role: 'staff' }, data: { fromUnitId: 'traffic', toUnitId: 'health', reason: '属于卫生健康部门职责' } });

    // Both units and the lead deputy are told.
    expect(await inboxOf(org.health, id)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'transferred', message: expect.stringContaining('转交本单位办理') })]));
    expect(await inboxOf(org.traffic, id)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'transferred', message: expect.stringContaining('本单位不再承办') })]));
    expect(await inboxOf(org.deputy1, id)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'transferred' })]));

    await s.run(org.health, id, 'answer', { category: 'A', content: '已增设服务站。', signedBy: '主任' });
    expect(await s.state(org.deputy1, id)).toMatchObject({ status: 'answered' });
    // Answered: nothing left to hand on.
    const late = await s.send(org.staff, id, 'transfer', { fromUnitId: 'health', toUnitId: 'education', reason: '再转' });
    expect(late.status).toBe(409);
  });

  it('refuses a unit that does not exist, one already on it, a missing reason, and anyone but staff', async () => {
    const id = await assignedToTraffic();
    const unknown = await s.send(org.staff, id, 'transfer', { fromUnitId: 'traffic', toUnitId: 'no-such-unit', reason: '转办' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'toUnitId' })]);
    const same = await s.send(org.staff, id, 'transfer', { fromUnitId: 'traffic', toUnitId: 'traffic', reason: '转办' });
    expect(same.status).toBe(409);
    const noReason = await s.send(org.staff, id, 'transfer', { fromUnitId: 'traffic', toUnitId: 'health' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const byUnit = await s.send(org.traffic, id, 'transfer', { fromUnitId: 'traffic', toUnitId: 'health', reason: '不属于本单位' });
    expect(byUnit.status).toBe(403);
    // Nothing changed.
    expect(await s.eventTypes(org.staff, id)).toEqual(['SuggestionSubmitted', 'SuggestionAccepted', 'SuggestionAssigned']);
  });
});
