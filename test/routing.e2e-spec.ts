import { Organisation, Person, UNITS } from './support/organisation';
import { createOrganisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/** Texts with the words each unit's suggestions carry, and the same boilerplate around them all. */
const TOPICS = {
  traffic: ['优化公交线路', '地铁站接驳公交', '增设公共停车场', '缓解学校周边道路拥堵', '公交站台候车亭建设'],
  education: ['增加中小学学位供给', '改造老旧校舍', '课后服务与教师编制'],
  health: ['社区卫生服务中心建设', '家庭医生签约服务'],
  housing: ['老旧小区加装电梯', '物业服务管理'],
  charging: ['电动自行车集中充电设施'],
} as const;

function text(subject: string, extra = ''): { title: string; content: string } {
  return {
    title: `关于${subject}的建议`,
    content: `近年来，我市高度重视${subject}工作，取得了一定成效。但代表在调研中发现，${subject}方面仍存在一些亟待解决的问题。${extra}为此，建议相关部门进一步加强${subject}，切实回应群众关切。`,
  };
}

interface Ranked {
  unitId: string;
  unitName: string;
  score: number;
  reason: string;
}

/**
 * 智能交办 and 解决一类 over HTTP: after a handful of assignments the unit that got the like ones
 * ranks first, with a reason naming them; a unit that returned a like one ranks lower; similar
 * suggestions are only those the caller may read; the public sees published ones only.
 */
describe('routing help and similar suggestions over HTTP', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  const ids: Record<string, string[]> = { traffic: [], education: [], health: [], housing: [] };
  let byDeputy3 = '';

  async function assigned(deputy: Person, body: { title: string; content: string }, unitId: string): Promise<string> {
    const { id } = await s.submit(deputy, body);
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: [unitId] });
    return id;
  }

  async function routing(person: Person, id: string) {
    return t.http.get(`/api/suggestions/${id}/routing?after=${s.lastPosition}`, { token: person.token });
  }

  async function similar(person: Person, id: string) {
    return t.http.get(`/api/suggestions/${id}/similar?after=${s.lastPosition}`, { token: person.token });
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    for (const unit of ['traffic', 'education', 'health', 'housing'] as const) {
      for (const subject of TOPICS[unit]) ids[unit]!.push(await assigned(org.deputy1, text(subject), unit));
    }
    byDeputy3 = await assigned(org.deputy3, text('公交线路与地铁换乘', '公交线路绕行严重，地铁站缺少公交接驳。'), 'traffic');
  });
  afterAll(() => t.dispose());

  it('ranks the unit that handled the like suggestions first, saying which; a new registered suggestion only', async () => {
    const { id } = await s.submit(org.deputy1, text('调整公交线路和地铁接驳', '公交站点设置不合理，地铁接驳公交不便，停车难。'));
    await s.run(org.staff, id, 'accept');
    const response = await routing(org.staff, id);
    expect(response.status).toBe(200);
    const ranked = response.body as Ranked[];
    expect(ranked[0]).toMatchObject({ unitId: 'traffic', unitName: UNITS.traffic.name });
    expect(ranked[0]!.score).toBeGreaterThan(0.5);
    expect(ranked[0]!.reason).toMatch(/^与已交办给市交通运输局的《关于.+》.*建议相似/);
    for (const other of ranked.slice(1)) expect(other.score).toBeLessThan(ranked[0]!.score);
    // Nothing was assigned by asking.
    expect((await s.state(org.staff, id)).status).toBe('accepted');

    const school = await s.submit(org.deputy2, text('新建学校增加学位', '学位紧张，校舍不足，教师编制短缺。'));
    await s.run(org.staff, school.id, 'accept');
    expect(((await routing(org.admin, school.id)).body as Ranked[])[0]?.unitId).toBe('education');
  });

  it('a unit that returned a like suggestion ranks lower than before', async () => {
    const charging = [
      await assigned(org.deputy1, text('电动自行车集中充电设施', '小区缺少电动自行车充电桩，飞线充电隐患大。'), 'traffic'),
      await assigned(org.deputy1, text('电动自行车充电桩建设', '电动自行车充电桩数量不足，飞线充电。'), 'traffic'),
      await assigned(org.deputy1, text('小区电动自行车充电难', '电动自行车充电桩少，飞线充电屡禁不止。'), 'housing'),
    ];
    const { id } = await s.submit(org.deputy2, text('解决电动自行车充电难', '电动自行车充电桩不足，飞线充电存在隐患。'));
    await s.run(org.staff, id, 'accept');
    const before = (await routing(org.staff, id)).body as Ranked[];
    expect(before[0]?.unitId).toBe('traffic');

    for (const returned of charging.slice(0, 2)) {
      await s.run(org.traffic, returned, 'request-return', { reason: '不属于本单位职责' });
      await s.run(org.staff, returned, 'decide-return', { approve: true });
      await s.run(org.staff, returned, 'assign', { mode: 'sole', unitIds: ['housing'] });
    }
    const after = (await routing(org.staff, id)).body as Ranked[];
    expect(after[0]?.unitId).toBe('housing');
    const trafficAfter = after.find((r) => r.unitId === 'traffic');
    if (trafficAfter) {
      expect(trafficAfter.score).toBeLessThan(before[0]!.score);
      expect(trafficAfter.reason).toContain('退回');
    }
  });

  it('similar suggestions: staff see all, a deputy only their own, a unit only those it handles', async () => {
    const mine = ids.traffic[0]!;
    const forStaff = await similar(org.staff, mine);
    expect(forStaff.status).toBe(200);
    const staffIds = (forStaff.body as { id: string }[]).map((x) => x.id);
    expect(staffIds).toContain(byDeputy3);
    expect(staffIds).not.toContain(mine);
    expect(forStaff.body[0]).toEqual(expect.objectContaining({ title: expect.stringMatching(/^关于/), status: 'assigned', unitNames: [UNITS.traffic.name] }));

    const forDeputy = (await similar(org.deputy1, mine)).body as { id: string }[];
    expect(forDeputy.length).toBeGreaterThan(0);
    expect(forDeputy.map((x) => x.id)).not.toContain(byDeputy3);

    const forUnit = (await similar(org.traffic, mine)).body as { id: string }[];
    expect(forUnit.map((x) => x.id)).toContain(byDeputy3);
    const forEducation = await similar(org.education, ids.education[0]!);
    expect(forEducation.status).toBe(200);
    for (const item of forEducation.body as { id: string }[]) expect(ids.traffic).not.toContain(item.id);
  });

  it('403 for routing to anyone but staff and admins, 404 for what the caller may not read, 401 without a session', async () => {
    const id = ids.traffic[1]!;
    for (const person of [org.deputy1, org.traffic, org.supervisor]) expect((await routing(person, id)).status).toBe(403);
    expect((await routing(org.staff, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await similar(org.deputy3, id)).status).toBe(404);
    expect((await similar(org.education, id)).status).toBe(404);
    expect((await t.http.get(`/api/suggestions/${id}/similar`)).status).toBe(401);
    expect((await t.http.get(`/api/suggestions/${id}/routing`)).status).toBe(401);
  });

  it('the public (a deputy writing) sees published like ones only, with their answer category', async () => {
    const published = ids.traffic[0]!;
    await s.run(org.traffic, published, 'answer', { category: 'A', content: '已优化公交线路。', signedBy: '局长' });
    await s.run(org.staff, published, 'publish');
    // The index follows the projector: wait until it has passed the publication.
    await s.detail(org.staff, published);
    const response = await t.http.get(`/api/public/similar-suggestions?text=${encodeURIComponent('关于优化公交线路和地铁接驳的建议')}`);
    expect(response.status).toBe(200);
    expect((response.body as { id: string }[]).map((x) => x.id)).toEqual([published]);
    expect(response.body[0]).toMatchObject({ answerCategory: 'A', status: 'answered' });
    expect((await t.http.get('/api/public/similar-suggestions')).status).toBe(400);
  });
});
