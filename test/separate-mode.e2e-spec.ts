import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

describe('separate handling (分别办理): each unit answers and is rated on its own', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let id: string;

  const unit = (detail: any, unitId: string) => detail.assignment.units.find((u: { unitId: string }) => u.unitId === unitId);

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    id = (
      await s.submit(org.deputy1, {
        title: '关于发展普惠托育服务的建议',
        content: '建议加快普惠托育机构建设，并加强卫生保健指导。',
        coSignerIds: ['deputy2', 'deputy3'],
      })
    ).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'separate', unitIds: ['education', 'health'] });
  });
  afterAll(() => t.dispose());

  it('both units are separate handlers and the suggestion waits for both answers', async () => {
    await s.run(org.education, id, 'answer', { category: 'A', content: '已新增普惠托位 2000 个。', signedBy: '教育局局长' });
    const detail = await s.state(org.deputy1, id);
    expect(detail.status).toBe('assigned');
    expect(unit(detail, 'education')).toMatchObject({ role: 'separate', stage: 'answered' });
    expect(unit(detail, 'health')).toMatchObject({ role: 'separate', stage: 'handling' });
  });

  it('a rating must name the unit in separate mode', async () => {
    const before = (await s.timeline(org.staff, id)).body.length;
    const response = await s.send(org.deputy1, id, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'unitId', message: expect.stringContaining('分别评价') }]);
    expect((await s.timeline(org.staff, id)).body).toHaveLength(before);
  });

  it('the lead deputy rates the unit that answered while the other is still at work', async () => {
    await s.run(org.deputy1, id, 'rate', { attitude: 'satisfied', result: 'satisfied', unitId: 'education' });
    const detail = await s.state(org.deputy1, id);
    expect(detail.status).toBe('assigned');
    expect(unit(detail, 'education')).toMatchObject({ stage: 'rated' });
    expect(unit(detail, 'education').ratings).toEqual([expect.objectContaining({ result: 'satisfied', round: 1 })]);
  });

  it('a co-signing deputy cannot rate: only the lead deputy rates for all signers', async () => {
    await s.run(org.health, id, 'answer', {
      category: 'C',
      content: '受编制限制，卫生保健指导将分步推进。',
      signedBy: '卫健委主任',
      commitments: [{ description: '完成托育机构卫生保健培训', dueAt: `${new Date().getUTCFullYear() + 1}-06-30` }],
    });
    const before = (await s.timeline(org.staff, id)).body.length;
    const response = await s.send(org.deputy2, id, 'rate', { attitude: 'satisfied', result: 'satisfied', unitId: 'health' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('rating.only_lead_deputy');
    expect((await s.timeline(org.staff, id)).body).toHaveLength(before);
    expect((await s.state(org.deputy1, id)).status).toBe('answered');
  });

  it('a dissatisfied rating sends only that unit back to work; its second answer is rated on its own', async () => {
    await s.run(org.deputy1, id, 'rate', { attitude: 'basically_satisfied', result: 'dissatisfied', reason: '时间表不明确。', unitId: 'health' });
    let detail = await s.state(org.deputy1, id);
    expect(detail.status).toBe('rehandling');
    expect(unit(detail, 'health')).toMatchObject({ stage: 'rehandling', round: 2 });
    expect(unit(detail, 'education')).toMatchObject({ stage: 'rated' });

    await s.run(org.health, id, 'answer', { category: 'A', content: '培训已于本季度全部完成。', signedBy: '卫健委主任' });
    await s.run(org.deputy1, id, 'rate', { attitude: 'satisfied', result: 'basically_satisfied', unitId: 'health' });
    detail = await s.state(org.deputy1, id);
    expect(detail.status).toBe('rated');
    expect(unit(detail, 'health').ratings.map((r: { result: string }) => r.result)).toEqual(['dissatisfied', 'basically_satisfied']);
    expect(unit(detail, 'education').ratings.map((r: { result: string }) => r.result)).toEqual(['satisfied']);
  });
});
