import type { Actor } from '@duban/domain';
import type { AppendResult } from '@duban/event-store';
import { HistoryWriter } from './history-writer';

export const LI: Actor = { userId: 'dep-li', role: 'deputy' };
export const WANG: Actor = { userId: 'dep-wang', role: 'deputy' };
export const ZHAO: Actor = { userId: 'dep-zhao', role: 'deputy' };
export const STAFF: Actor = { userId: 'staff-chen', role: 'staff' };
export const SUPERVISOR: Actor = { userId: 'sup-liu', role: 'supervisor' };
export const EDU: Actor = { userId: 'edu-officer', role: 'unit', unitId: 'unit-edu' };
export const TRAFFIC: Actor = { userId: 'traffic-officer', role: 'unit', unitId: 'unit-traffic' };
export const HEALTH: Actor = { userId: 'health-officer', role: 'unit', unitId: 'unit-health' };

/** One step of the demo history; run in order, or interleaved with projector work. */
export type ScenarioStep = (writer: HistoryWriter) => Promise<AppendResult>;

/**
 * Six suggestions in different states, written with the real decider:
 * - s-school  LI + co-signer WANG, sole to unit-edu, answered, rated dissatisfied → rehandling
 * - s-bus     ZHAO, lead unit-traffic + co unit-health → assigned
 * - s-reject  LI → rejected
 * - s-return  WANG, sole to unit-edu, returned, reassigned to unit-health → assigned
 * - s-key     ZHAO + co-signer LI, accepted, key supervision → accepted
 * - s-new     WANG → submitted (its title holds a literal `%`)
 */
export const DEMO_STEPS: ScenarioStep[] = [
  (w) => w.registerUnit('unit-edu', '市教育局', '2026-01-01T00:00:00.000Z'),
  (w) => w.registerUnit('unit-traffic', '市交通运输局', '2026-01-01T00:00:00.000Z'),
  (w) => w.registerUnit('unit-health', '市卫生健康委员会', '2026-01-01T00:00:00.000Z'),
  (w) => w.registerUser('dep-li', '李代表', 'deputy', '2026-01-01T00:01:00.000Z'),
  (w) => w.registerUser('dep-wang', '王代表', 'deputy', '2026-01-01T00:01:00.000Z'),
  (w) => w.registerUser('dep-zhao', '赵代表', 'deputy', '2026-01-01T00:01:00.000Z'),
  (w) => w.registerUser('staff-chen', '陈工作人员', 'staff', '2026-01-01T00:01:00.000Z'),
  (w) => w.registerUser('sup-liu', '刘督办', 'supervisor', '2026-01-01T00:01:00.000Z'),
  (w) => w.registerUser('edu-officer', '教育局联络员', 'unit', '2026-01-01T00:01:00.000Z', 'unit-edu'),
  (w) => w.changePassword('dep-li', '2026-01-02T00:00:00.000Z'),

  (w) => w.submit('s-school', LI, '2026-01-05T02:00:00.000Z', '关于增加中小学课后服务的建议', '建议延长课后服务时间，丰富课后活动内容。', ['dep-wang']),
  (w) => w.submit('s-bus', ZHAO, '2026-01-10T02:00:00.000Z', '关于优化公交线路的建议', '建议在新城区增开公交线路，缩短发车间隔。'),
  (w) => w.command('s-school', STAFF, '2026-01-06T02:00:00.000Z', { type: 'AcceptSuggestion', data: {} }),
  (w) => w.command('s-school', STAFF, '2026-01-07T02:00:00.000Z', { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['unit-edu'] } }),
  (w) => w.command('s-bus', STAFF, '2026-01-11T02:00:00.000Z', { type: 'AcceptSuggestion', data: {} }),
  (w) => w.command('s-bus', STAFF, '2026-01-12T02:00:00.000Z', {
    type: 'AssignSuggestion',
    data: { mode: 'lead', unitIds: ['unit-traffic', 'unit-health'], leadUnitId: 'unit-traffic' },
  }),
  (w) => w.submit('s-reject', LI, '2026-01-15T02:00:00.000Z', '关于调整广场舞时间的建议', '建议规范广场舞活动时间。'),
  (w) => w.command('s-reject', STAFF, '2026-01-16T02:00:00.000Z', { type: 'RejectSuggestion', data: { reason: '属于来信来访事项，已转信访部门' } }),
  (w) => w.submit('s-return', WANG, '2026-01-20T02:00:00.000Z', '关于社区医院药品配备的建议', '建议增加社区医院常用药品种类。'),
  (w) => w.command('s-return', STAFF, '2026-01-21T02:00:00.000Z', { type: 'AcceptSuggestion', data: {} }),
  (w) => w.command('s-return', STAFF, '2026-01-22T02:00:00.000Z', { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['unit-edu'] } }),
  (w) => w.command('s-return', EDU, '2026-01-23T02:00:00.000Z', { type: 'RequestReturn', data: { reason: '不属于本单位职责' } }),
  (w) => w.command('s-return', STAFF, '2026-01-26T02:00:00.000Z', { type: 'DecideReturn', data: { approve: true } }),
  (w) => w.command('s-return', STAFF, '2026-01-27T02:00:00.000Z', { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['unit-health'] } }),
  (w) => w.submit('s-key', ZHAO, '2026-02-01T02:00:00.000Z', '关于老旧小区加装电梯的建议', '建议简化老旧小区加装电梯审批流程。', ['dep-li']),
  (w) => w.command('s-key', STAFF, '2026-02-02T02:00:00.000Z', { type: 'AcceptSuggestion', data: {} }),
  (w) => w.command('s-key', SUPERVISOR, '2026-02-03T02:00:00.000Z', {
    type: 'StartKeySupervision',
    data: { supervisorId: 'sup-liu', leaderName: '张副市长' },
  }),
  (w) => w.command('s-school', EDU, '2026-02-10T02:00:00.000Z', {
    type: 'AnswerSuggestion',
    data: { category: 'A', content: '已将课后服务延长至18:00。', signedBy: '教育局局长', commitments: [] },
  }),
  (w) => w.command('s-school', LI, '2026-02-20T02:00:00.000Z', {
    type: 'RateSuggestion',
    data: { attitude: 'satisfied', result: 'dissatisfied', reason: '课后活动内容仍然单一' },
  }),
  (w) => w.submit('s-new', WANG, '2026-03-01T02:00:00.000Z', '关于食品抽检合格率100%达标的建议', '建议加强食品安全监管，提高抽检频次。'),
];

export const DEMO_SUGGESTION_IDS = ['s-school', 's-bus', 's-reject', 's-return', 's-key', 's-new'] as const;

export async function writeDemoHistory(writer: HistoryWriter): Promise<AppendResult> {
  let last: AppendResult | undefined;
  for (const step of DEMO_STEPS) last = await step(writer);
  return last!;
}
