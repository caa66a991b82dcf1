import type { Actor, ExistingSuggestion, SuggestionEvent } from '@duban/domain';
import { openSupervisionFixture, type SupervisionFixture } from '../../testing/supervision-fixture';
import { HEALTH, STAFF, SYSTEM } from '../../testing/supervision-scenario';
import { notificationsFor } from './notification-rules';

const UNIT_NAMES: Record<string, string> = { 'unit-traffic': '市交通运输局', 'unit-health': '市卫生健康委员会' };

/** sv-4 of the supervision scenario: LI with co-signer WANG, separate to traffic and health. */
describe('notificationsFor', () => {
  let fx: SupervisionFixture;
  let state: ExistingSuggestion;

  beforeAll(async () => {
    fx = await openSupervisionFixture();
    const folded = (await fx.writer.state('sv-4')).state;
    if (folded.status === 'none') throw new Error('sv-4 missing');
    state = folded;
  });

  afterAll(async () => {
    await fx.close();
  });

  const tell = (event: SuggestionEvent, actor: Actor = STAFF) =>
    notificationsFor(event, { state, actor, unitName: (id) => UNIT_NAMES[id] ?? id }).map((d) => `${d.audience} ${d.kind} ${d.message}`);
  const deadline = (kind: 'answer' | 'feedback' | 'assign' | 'commitment', extra: { unitId?: string; commitmentId?: string } = {}) => ({
    key: `${kind}:x`,
    kind,
    ...extra,
    dueAt: '2026-08-06T16:00:00.000Z',
  });

  it('asks staff to decide extension requests and tells the unit the decision', () => {
    expect(tell({ type: 'ExtensionRequested', data: { unitId: 'unit-health', reason: '需要跨部门协调', until: '2026-10-31T16:00:00.000Z' } }, HEALTH)).toEqual([
      'role:staff extension_requested 市卫生健康委员会申请将建议「关于加强社区卫生服务的建议」的答复期限延至 2026-10-31：需要跨部门协调',
    ]);
    expect(tell({ type: 'ExtensionGranted', data: { unitId: 'unit-health', until: '2026-10-31T16:00:00.000Z' } })).toEqual([
      'unit:unit-health extension_decided 建议「关于加强社区卫生服务的建议」的延期申请已同意，答复期限延至 2026-10-31',
    ]);
    expect(tell({ type: 'ExtensionDenied', data: { unitId: 'unit-health', reason: '理由不充分' } })).toEqual([
      'unit:unit-health extension_decided 建议「关于加强社区卫生服务的建议」的延期申请未获同意（理由不充分），请按原期限答复',
    ]);
    expect(tell({ type: 'ReturnDenied', data: { unitId: 'unit-health' } })).toEqual([
      'unit:unit-health return_decided 建议「关于加强社区卫生服务的建议」的退回申请未获同意，请继续办理',
    ]);
  });

  it('reminds the unit of its deadlines and the lead deputy of the feedback window, never staff of their own target', () => {
    expect(tell({ type: 'DeadlineReminderRecorded', data: deadline('answer', { unitId: 'unit-health' }) }, SYSTEM)).toEqual([
      'unit:unit-health deadline_reminder 建议「关于加强社区卫生服务的建议」的答复期限将于 2026-08-06 届满',
    ]);
    expect(tell({ type: 'DeadlineReminderRecorded', data: deadline('commitment', { unitId: 'unit-traffic', commitmentId: 'C2' }) }, SYSTEM)).toEqual([
      'unit:unit-traffic deadline_reminder 建议「关于加强社区卫生服务的建议」的承诺事项 C2 的落实期限将于 2026-08-06 届满',
    ]);
    expect(tell({ type: 'DeadlineReminderRecorded', data: deadline('feedback', { unitId: 'unit-traffic' }) }, SYSTEM)).toEqual([
      'user:dep-li deadline_reminder 建议「关于加强社区卫生服务的建议」的代表评价期限将于 2026-08-06 届满',
    ]);
    expect(tell({ type: 'DeadlineReminderRecorded', data: deadline('assign') }, SYSTEM)).toEqual([]);
  });

  it('tells staff of a missed assign target and the unit of its own misses; a passed feedback window chases nobody', () => {
    expect(tell({ type: 'DeadlineMissed', data: deadline('assign') }, SYSTEM)).toEqual([
      'role:staff deadline_missed 建议「关于加强社区卫生服务的建议」的交办已逾期（期限 2026-08-06）',
    ]);
    expect(tell({ type: 'DeadlineMissed', data: deadline('answer', { unitId: 'unit-health' }) }, SYSTEM)).toEqual([
      'unit:unit-health deadline_missed 建议「关于加强社区卫生服务的建议」的答复已逾期（期限 2026-08-06）',
    ]);
    expect(tell({ type: 'DeadlineMissed', data: deadline('feedback', { unitId: 'unit-traffic' }) }, SYSTEM)).toEqual([]);
    expect(tell({ type: 'FeedbackWindowExpired', data: { unitId: 'unit-traffic', round: 1 } }, SYSTEM)).toEqual([]);
  });

  it('tells every unit of the current assignment of an urge, and the escalation to staff and supervisors', () => {
    expect(tell({ type: 'SuggestionUrged', data: { note: '请加快' } })).toEqual([
      'unit:unit-traffic urged 建议「关于加强社区卫生服务的建议」被催办：请加快',
      'unit:unit-health urged 建议「关于加强社区卫生服务的建议」被催办：请加快',
    ]);
    expect(tell({ type: 'SuggestionEscalated', data: { unitId: 'unit-health', reason: '代表第2次对办理情况表示不满意，提级督办' } }, SYSTEM)).toEqual([
      'role:staff escalated 建议「关于加强社区卫生服务的建议」已提级督办：代表第2次对办理情况表示不满意，提级督办',
      'role:supervisor escalated 建议「关于加强社区卫生服务的建议」已提级督办：代表第2次对办理情况表示不满意，提级督办',
    ]);
  });

  it('cuts long free text', () => {
    const [message] = tell({ type: 'SuggestionUrged', data: { note: '催'.repeat(100) } });
    expect(message).toContain(`${'催'.repeat(60)}…`);
    expect(message).not.toContain('催'.repeat(61));
  });
});
