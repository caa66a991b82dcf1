import type { Actor, SuggestionCommand } from '@duban/domain';
import type { AppendResult } from '@duban/event-store';
import type { ScenarioStep } from './demo-scenario';
import type { HistoryWriter } from './history-writer';

export const LI: Actor = { userId: 'dep-li', role: 'deputy' };
export const WANG: Actor = { userId: 'dep-wang', role: 'deputy' };
export const ZHAO: Actor = { userId: 'dep-zhao', role: 'deputy' };
export const STAFF: Actor = { userId: 'staff-chen', role: 'staff' };
export const SUPERVISOR: Actor = { userId: 'sup-liu', role: 'supervisor' };
export const EDU: Actor = { userId: 'edu-officer', role: 'unit', unitId: 'unit-edu' };
export const EDU_2: Actor = { userId: 'edu-clerk', role: 'unit', unitId: 'unit-edu' };
export const TRAFFIC: Actor = { userId: 'traffic-officer', role: 'unit', unitId: 'unit-traffic' };
export const HEALTH: Actor = { userId: 'health-officer', role: 'unit', unitId: 'unit-health' };
export const SYSTEM: Actor = { userId: 'system', role: 'system' };

/** 10:00 in Beijing on the given day. */
const at = (day: string) => `${day}T02:00:00.000Z`;
const cmd = (id: string, actor: Actor, time: string, command: SuggestionCommand): ScenarioStep => (w) => w.command(id, actor, time, command);
const submit = (id: string, deputy: Actor, day: string, title: string, extra: { coSignerIds?: string[]; hideDeputyName?: boolean } = {}): ScenarioStep =>
  cmd(id, deputy, at(day), {
    type: 'SubmitSuggestion',
    data: { suggestionId: id, title, content: `${title}：具体内容。`, coSignerIds: extra.coSignerIds ?? [], ...(extra.hideDeputyName ? { hideDeputyName: true } : {}) },
  });
const accept = (id: string, day: string) => cmd(id, STAFF, at(day), { type: 'AcceptSuggestion', data: {} });
const assignSole = (id: string, unitId: string, time: string) => cmd(id, STAFF, time, { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: [unitId] } });
const contact = (id: string, unit: Actor, day: string) => cmd(id, unit, at(day), { type: 'ContactDeputy', data: { method: '电话', summary: '沟通办理思路' } });
const answer = (id: string, unit: Actor, day: string, category: string, commitments: { description: string; dueAt: string }[] = []) =>
  cmd(id, unit, at(day), { type: 'AnswerSuggestion', data: { category, content: `${category}类答复`, signedBy: '局长', commitments } });
const rate = (id: string, deputy: Actor, day: string, attitude: 'satisfied' | 'basically_satisfied' | 'dissatisfied', result: typeof attitude, unitId?: string) =>
  cmd(id, deputy, at(day), {
    type: 'RateSuggestion',
    data: { attitude, result, ...(attitude === 'dissatisfied' || result === 'dissatisfied' ? { reason: '问题没有解决' } : {}), ...(unitId ? { unitId } : {}) },
  });
const recordDeadlines = (id: string, time: string) => cmd(id, SYSTEM, time, { type: 'RecordDeadlines', data: {} });

/**
 * Suggestions with known figures, across three units (see the statistics spec for every figure):
 * - sv-5   WANG, 2025: sole edu, contacted, answered A on time, rated satisfied; published, then exempt (privacy)
 * - sv-1   LI: sole edu (assigned 03-02 09:00 Beijing), contacted, A on time, rated satisfied; published
 * - sv-2   WANG, name hidden: sole edu (03-02 15:00), no contact, B late with C1 (09-30) and C2 (12-31),
 *          rated dissatisfied → re-handled, A on time, rated basically satisfied; C1 fulfilled; published
 * - sv-3   ZHAO: lead traffic + co health, contacted, C on time with C1 (08-31, never fulfilled), the
 *          feedback window passes → not rated
 * - sv-4   LI + co-signer WANG: separate traffic + health; traffic answers D on time, health never answers
 * - sv-6   ZHAO: key (supervisor sup-liu, leader 张副市长), sole health, urged twice, never answered
 * - sv-7   LI: key (supervisor only), accepted, not assigned
 * - sv-8   WANG: rejected
 * - sv-9   ZHAO: sole traffic, returned, reassigned to edu (07-10), not answered
 * - sv-10  WANG: sole health, contacted, A on time, rated dissatisfied (result), the re-handling
 *          deadline passes → missed and escalated
 */
export const SUPERVISION_STEPS: ScenarioStep[] = [
  (w) => w.registerUnit('unit-edu', '市教育局', '2025-10-01T00:00:00.000Z'),
  (w) => w.registerUnit('unit-traffic', '市交通运输局', '2025-10-01T00:00:00.000Z'),
  (w) => w.registerUnit('unit-health', '市卫生健康委员会', '2025-10-01T00:00:00.000Z'),
  (w) => w.registerUser('dep-li', '李代表', 'deputy', '2025-10-01T00:01:00.000Z'),
  (w) => w.registerUser('dep-wang', '王代表', 'deputy', '2025-10-01T00:01:00.000Z'),
  (w) => w.registerUser('dep-zhao', '赵代表', 'deputy', '2025-10-01T00:01:00.000Z'),
  (w) => w.registerUser('staff-chen', '陈工作人员', 'staff', '2025-10-01T00:01:00.000Z'),
  (w) => w.registerUser('sup-liu', '刘督办', 'supervisor', '2025-10-01T00:01:00.000Z'),
  (w) => w.registerUser('edu-officer', '教育局联络员', 'unit', '2025-10-01T00:01:00.000Z', 'unit-edu'),

  submit('sv-5', WANG, '2025-10-20', '关于校园周边交通安全的建议'),
  accept('sv-5', '2025-10-21'),
  assignSole('sv-5', 'unit-edu', at('2025-11-03')),
  contact('sv-5', EDU, '2025-11-10'),
  answer('sv-5', EDU, '2025-12-01', 'A'),
  rate('sv-5', WANG, '2025-12-05', 'satisfied', 'satisfied'),
  cmd('sv-5', STAFF, at('2025-12-10'), { type: 'PublishAnswer', data: {} }),
  cmd('sv-5', STAFF, at('2025-12-11'), { type: 'ExemptFromDisclosure', data: { reason: 'privacy', note: '涉及学生个人信息' } }),

  submit('sv-1', LI, '2026-02-20', '关于增加中小学课后服务的建议'),
  submit('sv-2', WANG, '2026-02-21', '关于规范校外培训收费的建议', { hideDeputyName: true }),
  accept('sv-1', '2026-02-24'),
  accept('sv-2', '2026-02-24'),
  assignSole('sv-1', 'unit-edu', '2026-03-02T01:00:00.000Z'),
  assignSole('sv-2', 'unit-edu', '2026-03-02T07:00:00.000Z'),
  contact('sv-1', EDU, '2026-03-05'),
  submit('sv-3', ZHAO, '2026-03-10', '关于优化公交线路的建议'),
  accept('sv-3', '2026-03-11'),
  answer('sv-1', EDU, '2026-03-20', 'A'),
  rate('sv-1', LI, '2026-03-25', 'satisfied', 'satisfied'),
  cmd('sv-1', STAFF, at('2026-03-26'), { type: 'PublishAnswer', data: {} }),
  cmd('sv-3', STAFF, at('2026-04-01'), { type: 'AssignSuggestion', data: { mode: 'lead', unitIds: ['unit-traffic', 'unit-health'], leadUnitId: 'unit-traffic' } }),
  contact('sv-3', TRAFFIC, '2026-04-10'),
  cmd('sv-3', HEALTH, at('2026-04-20'), { type: 'SubmitCoHandlerOpinion', data: { content: '同意主办单位意见' } }),
  submit('sv-4', LI, '2026-04-20', '关于加强社区卫生服务的建议', { coSignerIds: ['dep-wang'] }),
  accept('sv-4', '2026-04-21'),
  cmd('sv-4', STAFF, at('2026-05-06'), { type: 'AssignSuggestion', data: { mode: 'separate', unitIds: ['unit-traffic', 'unit-health'] } }),
  submit('sv-6', ZHAO, '2026-05-10', '关于老旧小区加装电梯的建议'),
  accept('sv-6', '2026-05-11'),
  cmd('sv-6', STAFF, at('2026-05-12'), { type: 'StartKeySupervision', data: { supervisorId: 'sup-liu', leaderName: '张副市长' } }),
  answer('sv-3', TRAFFIC, '2026-05-20', 'C', [{ description: '新增公交线路', dueAt: '2026-08-31' }]),
  answer('sv-4', TRAFFIC, '2026-06-01', 'D'),
  assignSole('sv-6', 'unit-health', at('2026-06-01')),
  submit('sv-7', LI, '2026-06-01', '关于建设口袋公园的建议'),
  accept('sv-7', '2026-06-02'),
  cmd('sv-7', STAFF, at('2026-06-03'), { type: 'StartKeySupervision', data: { supervisorId: 'sup-liu' } }),
  submit('sv-8', WANG, '2026-06-05', '关于调整广场舞时间的建议'),
  cmd('sv-8', STAFF, at('2026-06-06'), { type: 'RejectSuggestion', data: { reason: '属于来信来访事项' } }),
  answer('sv-2', EDU, '2026-06-10', 'B', [
    { description: '出台收费指导意见', dueAt: '2026-09-30' },
    { description: '开展专项检查', dueAt: '2026-12-31' },
  ]),
  rate('sv-2', WANG, '2026-06-15', 'dissatisfied', 'dissatisfied'),
  recordDeadlines('sv-3', at('2026-06-20')),
  submit('sv-9', ZHAO, '2026-06-20', '关于增设夜间公交的建议'),
  accept('sv-9', '2026-06-22'),
  assignSole('sv-9', 'unit-traffic', at('2026-07-01')),
  submit('sv-10', WANG, '2026-07-01', '关于社区医院药品配备的建议'),
  answer('sv-2', EDU, '2026-07-01', 'A'),
  accept('sv-10', '2026-07-02'),
  cmd('sv-9', TRAFFIC, at('2026-07-03'), { type: 'RequestReturn', data: { reason: '不属于本单位职责' } }),
  rate('sv-2', WANG, '2026-07-05', 'basically_satisfied', 'basically_satisfied'),
  cmd('sv-2', STAFF, at('2026-07-06'), { type: 'PublishAnswer', data: {} }),
  cmd('sv-9', STAFF, at('2026-07-06'), { type: 'DecideReturn', data: { approve: true } }),
  assignSole('sv-10', 'unit-health', at('2026-07-06')),
  contact('sv-10', HEALTH, '2026-07-08'),
  assignSole('sv-9', 'unit-edu', at('2026-07-10')),
  answer('sv-10', HEALTH, '2026-07-20', 'A'),
  rate('sv-10', WANG, '2026-07-25', 'satisfied', 'dissatisfied'),
  cmd('sv-6', SUPERVISOR, at('2026-08-01'), { type: 'UrgeSuggestion', data: { note: '请加快办理进度' } }),
  cmd('sv-2', EDU, at('2026-09-01'), { type: 'FulfilCommitment', data: { commitmentId: 'C1', evidence: '指导意见已印发' } }),
  recordDeadlines('sv-10', at('2026-09-01')),
  cmd('sv-6', SUPERVISOR, at('2026-09-10'), { type: 'UrgeSuggestion', data: { note: '已逾期，请立即答复' } }),
];

export const SUPERVISION_SUGGESTION_IDS = ['sv-1', 'sv-2', 'sv-3', 'sv-4', 'sv-5', 'sv-6', 'sv-7', 'sv-8', 'sv-9', 'sv-10'] as const;

export async function writeSupervisionHistory(writer: HistoryWriter): Promise<AppendResult> {
  let last: AppendResult | undefined;
  for (const step of SUPERVISION_STEPS) last = await step(writer);
  return last!;
}
