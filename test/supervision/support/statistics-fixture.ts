import type { HttpClient } from '../../support/http-client';
import type { Organisation } from '../../support/organisation';
import type { Suggestions } from '../../support/suggestions';
import { setClock } from './test-clock';

export type FixtureKey = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'S7' | 'S9' | 'S10' | 'S11' | 'S12' | 'S13';

/** When the figures are read: every deadline below is known relative to it. */
export const FIXTURE_NOW = '2026-09-15T02:00:00.000Z';

/**
 * A scripted year of handling with figures known in advance (see statistics.e2e-spec.ts for the
 * expected numbers and why). Times are 10:00 Beijing time; the national rulebook applies:
 * assigned 2026-03-02 → answer due 2026-06-02 24:00, contact due 2026-03-30 24:00.
 *
 * - S11 (deputy3, health, 2025-12): contacted, answered A on time, never rated (window expired).
 * - S1  (deputy1, traffic, key: supervisor + leader): contacted, answered A on time, rated satisfied.
 * - S2  (deputy1, traffic): not contacted, answered B late (06-10) with C1 (due 07-31, fulfilled 07-20)
 *       and C2 (due 08-31, never fulfilled: overdue now); result rated basically satisfied.
 * - S3  (deputy1, traffic): contacted, answered C on time with C1 due 2026-12-31 (open); never rated.
 * - S4  (deputy1, education): contacted, answered A, result dissatisfied → re-handling, answered A
 *       again on time, then rated satisfied.
 * - S5  (deputy1, education, key: supervisor, no leader, urged twice): never answered, overdue now.
 * - S6  (deputy2, lead health + co housing): housing sends its opinion; health contacts, answers D
 *       on time; result basically satisfied.
 * - S7  (deputy2, separate traffic + housing): traffic answers A (no contact); housing contacts and
 *       answers B with C1 (due 08-15, fulfilled 08-01); traffic rated satisfied, housing dissatisfied
 *       → re-handling due 07-01 never answered: missed and escalated, overdue now.
 * - S9 submitted only; S10 rejected; S12 withdrawn; S13 accepted, not assigned.
 */
export async function buildStatisticsFixture(http: HttpClient, org: Organisation, s: Suggestions): Promise<Record<FixtureKey, string>> {
  const { staff, supervisor, deputy1, deputy2, deputy3, traffic, education, health, housing } = org;
  const ids = {} as Record<FixtureKey, string>;
  const submit = async (key: FixtureKey, deputy: typeof deputy1, title: string) => {
    ids[key] = (await s.submit(deputy, { title, content: `${title}的具体内容。` })).id;
    return ids[key];
  };
  const answer = (category: string, commitments: { description: string; dueAt: string }[] = []) => ({
    category,
    content: `答复：类别 ${category}`,
    signedBy: '局长',
    commitments,
  });

  await setClock(http, org.admin, '2025-12-01T02:00:00Z');
  await submit('S11', deputy3, '关于社区卫生服务站建设的建议');
  await s.run(staff, ids.S11, 'accept');
  await s.run(staff, ids.S11, 'assign', { mode: 'sole', unitIds: ['health'] });
  await s.run(health, ids.S11, 'contact', { method: '电话', summary: '当面听取意见' });
  await setClock(http, org.admin, '2025-12-10T02:00:00Z');
  await s.run(health, ids.S11, 'answer', answer('A'));

  await setClock(http, org.admin, '2026-03-02T02:00:00Z');
  await submit('S1', deputy1, '关于优化公交线网的建议');
  await submit('S2', deputy1, '关于增设公交站点的建议');
  await submit('S3', deputy1, '关于建设立体停车场的建议');
  await submit('S4', deputy1, '关于改善校园周边交通的建议');
  await submit('S5', deputy1, '关于扩大学位供给的建议');
  await submit('S6', deputy2, '关于加强基层医疗的建议');
  await submit('S7', deputy2, '关于老旧小区加装电梯的建议');
  await submit('S9', deputy1, '关于建设口袋公园的建议');
  await submit('S10', deputy1, '关于个人信访事项的建议');
  await submit('S12', deputy1, '关于撤回测试的建议');
  await submit('S13', deputy2, '关于待交办测试的建议');
  for (const key of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S13'] as const) await s.run(staff, ids[key], 'accept');
  await s.run(staff, ids.S10, 'reject', { reason: '属于个人信访事项，转为来信办理' });
  await s.run(deputy1, ids.S12, 'withdraw', { reason: '情况已解决' });
  for (const key of ['S1', 'S2', 'S3'] as const) await s.run(staff, ids[key], 'assign', { mode: 'sole', unitIds: ['traffic'] });
  for (const key of ['S4', 'S5'] as const) await s.run(staff, ids[key], 'assign', { mode: 'sole', unitIds: ['education'] });
  await s.run(staff, ids.S6, 'assign', { mode: 'lead', unitIds: ['health', 'housing'], leadUnitId: 'health' });
  await s.run(staff, ids.S7, 'assign', { mode: 'separate', unitIds: ['traffic', 'housing'] });
  await s.run(staff, ids.S1, 'supervise', { supervisorId: supervisor.id, leaderName: '王副市长' });
  await s.run(staff, ids.S5, 'supervise', { supervisorId: supervisor.id });

  await setClock(http, org.admin, '2026-03-03T02:00:00Z');
  await s.run(traffic, ids.S1, 'contact', { method: '座谈', summary: '听取代表意见' });
  await s.run(traffic, ids.S3, 'contact', { method: '电话', summary: '沟通办理思路' });
  await s.run(education, ids.S4, 'contact', { method: '走访', summary: '实地查看' });
  await s.run(health, ids.S6, 'contact', { method: '电话', summary: '沟通办理思路' });
  await s.run(housing, ids.S7, 'contact', { method: '座谈', summary: '听取居民意见' });
  await s.run(supervisor, ids.S5, 'urge', { note: '请加快办理' });

  await setClock(http, org.admin, '2026-03-10T02:00:00Z');
  await s.run(housing, ids.S6, 'co-opinion', { content: '建议统筹社区用房' });

  await setClock(http, org.admin, '2026-04-01T02:00:00Z');
  await s.run(traffic, ids.S1, 'answer', answer('A'));
  await s.run(traffic, ids.S3, 'answer', answer('C', [{ description: '年内完成停车场选址', dueAt: '2026-12-31' }]));
  await s.run(education, ids.S4, 'answer', answer('A'));
  await s.run(health, ids.S6, 'answer', answer('D'));

  await setClock(http, org.admin, '2026-04-10T02:00:00Z');
  await s.run(deputy1, ids.S1, 'rate', { attitude: 'satisfied', result: 'satisfied' });
  await s.run(deputy1, ids.S4, 'rate', { attitude: 'satisfied', result: 'dissatisfied', reason: '校门口拥堵未见改善' });
  await s.run(deputy2, ids.S6, 'rate', { attitude: 'satisfied', result: 'basically_satisfied' });

  await setClock(http, org.admin, '2026-04-20T02:00:00Z');
  await s.run(education, ids.S4, 'answer', answer('A'));
  await setClock(http, org.admin, '2026-04-30T02:00:00Z');
  await s.run(deputy1, ids.S4, 'rate', { attitude: 'satisfied', result: 'satisfied' });

  await setClock(http, org.admin, '2026-05-20T02:00:00Z');
  await s.run(supervisor, ids.S5, 'urge', { note: '即将到期，请抓紧答复' });
  await s.run(traffic, ids.S7, 'answer', answer('A'));
  await s.run(housing, ids.S7, 'answer', answer('B', [{ description: '完成加装电梯意愿摸排', dueAt: '2026-08-15' }]));

  await setClock(http, org.admin, '2026-06-01T02:00:00Z');
  await s.run(deputy2, ids.S7, 'rate', { attitude: 'satisfied', result: 'satisfied', unitId: 'traffic' });
  await s.run(deputy2, ids.S7, 'rate', { attitude: 'basically_satisfied', result: 'dissatisfied', reason: '进度太慢', unitId: 'housing' });

  await setClock(http, org.admin, '2026-06-10T02:00:00Z');
  await s.run(traffic, ids.S2, 'answer', answer('B', [
    { description: '调整 12 路公交站点', dueAt: '2026-07-31' },
    { description: '新增 3 处港湾式站台', dueAt: '2026-08-31' },
  ]));
  await setClock(http, org.admin, '2026-06-15T02:00:00Z');
  await s.run(deputy1, ids.S2, 'rate', { attitude: 'satisfied', result: 'basically_satisfied' });

  await setClock(http, org.admin, '2026-07-20T02:00:00Z');
  await s.run(traffic, ids.S2, 'fulfil-commitment', { commitmentId: 'C1', evidence: '站点已调整，见公告' });
  await setClock(http, org.admin, '2026-08-01T02:00:00Z');
  await s.run(housing, ids.S7, 'fulfil-commitment', { commitmentId: 'C1', evidence: '摸排报告已报送' });

  await setClock(http, org.admin, FIXTURE_NOW);
  return ids;
}
