import type { Actor, ExistingSuggestion, SuggestionEvent } from '@duban/domain';
import { openSupervisionFixture, type SupervisionFixture } from '../../testing/supervision-fixture';
import { HEALTH, LI, STAFF, SYSTEM, WANG } from '../../testing/supervision-scenario';
import { notificationsFor } from './notification-rules';

const UNIT_NAMES: Record<string, string> = { 'unit-traffic': '市交通运输局', 'unit-health': '市卫生健康委员会' };

/** sv-4 of the supervision scenario: LI with co-signer WANG, separate to traffic and health. */
describe('notificationsFor', () => {
  let fx: SupervisionFixture;
  let state: ExistingSuggestion;
  /** sv-10: WANG alone, sole health, rated dissatisfied (result) with the reason 问题没有解决. */
  let rehandled: ExistingSuggestion;

  const folded = async (id: string): Promise<ExistingSuggestion> => {
    const { state: s } = await fx.writer.state(id);
    if (s.status === 'none') throw new Error(`${id} missing`);
    return s;
  };

  beforeAll(async () => {
    fx = await openSupervisionFixture();
    state = await folded('sv-4');
    rehandled = await folded('sv-10');
  });

  afterAll(async () => {
    await fx.close();
  });

  const tell = (event: SuggestionEvent, actor: Actor = STAFF, of: ExistingSuggestion = state) =>
    notificationsFor(event, { state: of, actor, unitName: (id) => UNIT_NAMES[id] ?? id }).map((d) => `${d.audience} ${d.kind} ${d.message}`);
  const deadline = (kind: 'answer' | 'feedback' | 'assign' | 'commitment', extra: { unitId?: string; commitmentId?: string } = {}) => ({
    key: `${kind}:x`,
    kind,
    ...extra,
    dueAt: '2026-08-06T16:00:00.000Z',
  });

  it('tells staff of a submission and each co-signer that they were added, never the submitter', () => {
    const submitted: SuggestionEvent = {
      type: 'SuggestionSubmitted',
      data: { suggestionId: 'sv-4', title: state.title, content: state.content, leadDeputyId: 'dep-li', coSignerIds: ['dep-wang'], sessionId: 'legacy' },
    };
    expect(tell(submitted, LI)).toEqual([
      'role:staff submitted 代表提交了新建议「关于加强社区卫生服务的建议」，请审查立案',
      'user:dep-wang co_signed 您已被列为建议「关于加强社区卫生服务的建议」的联名代表（附议）',
    ]);
  });

  it('tells the lead deputy and co-signers of 立案 and of 不予立案 with the reason', () => {
    expect(tell({ type: 'SuggestionAccepted', data: { assignDueAt: '2026-05-06T16:00:00.000Z' } })).toEqual([
      'user:dep-li accepted 建议「关于加强社区卫生服务的建议」已立案，将交承办单位办理',
      'user:dep-wang accepted 建议「关于加强社区卫生服务的建议」已立案，将交承办单位办理',
    ]);
    expect(tell({ type: 'SuggestionRejected', data: { reason: '属于来信来访事项，请通过信访渠道反映' } })).toEqual([
      'user:dep-li rejected 建议「关于加强社区卫生服务的建议」不予立案，理由：属于来信来访事项，请通过信访渠道反映',
      'user:dep-wang rejected 建议「关于加强社区卫生服务的建议」不予立案，理由：属于来信来访事项，请通过信访渠道反映',
    ]);
  });

  it('tells each unit its part of an assignment and the deputies who handles it and by when (Beijing date)', () => {
    const deadlines = { answerDueAt: '2026-03-16T16:00:00.000Z', extensionMaxAt: '2026-06-16T16:00:00.000Z', returnDueAt: '2026-03-09T16:00:00.000Z', contactDueAt: '2026-03-06T16:00:00.000Z' };
    expect(
      tell({ type: 'SuggestionAssigned', data: { mode: 'lead', units: [{ unitId: 'unit-traffic', role: 'lead' }, { unitId: 'unit-health', role: 'co' }], ...deadlines, coOpinionDueAt: '2026-03-09T16:00:00.000Z' } }),
    ).toEqual([
      'unit:unit-traffic assigned 建议「关于加强社区卫生服务的建议」已交本单位主办，请于2026年3月16日前答复代表',
      'unit:unit-health assigned 建议「关于加强社区卫生服务的建议」已交本单位协办，请于2026年3月9日前向主办单位提交协办意见',
      'user:dep-li assigned 建议「关于加强社区卫生服务的建议」已交由市交通运输局主办、市卫生健康委员会协办，答复期限为2026年3月16日',
      'user:dep-wang assigned 建议「关于加强社区卫生服务的建议」已交由市交通运输局主办、市卫生健康委员会协办，答复期限为2026年3月16日',
    ]);
    // 24:00 Beijing of 3月16日 is 16:00 UTC that day; the date people read is the 16th, not the 17th.
    expect(tell({ type: 'SuggestionReassigned', data: { mode: 'separate', units: [{ unitId: 'unit-traffic', role: 'separate' }, { unitId: 'unit-health', role: 'separate' }], ...deadlines } })).toEqual([
      'unit:unit-traffic assigned 建议「关于加强社区卫生服务的建议」已交本单位分办，请于2026年3月16日前答复代表',
      'unit:unit-health assigned 建议「关于加强社区卫生服务的建议」已交本单位分办，请于2026年3月16日前答复代表',
      'user:dep-li assigned 建议「关于加强社区卫生服务的建议」已重新交由市交通运输局、市卫生健康委员会分别办理，答复期限为2026年3月16日',
      'user:dep-wang assigned 建议「关于加强社区卫生服务的建议」已重新交由市交通运输局、市卫生健康委员会分别办理，答复期限为2026年3月16日',
    ]);
  });

  it('tells the deputies of an approved return and a granted extension (new due date), not of refused ones', () => {
    expect(tell({ type: 'ReturnApproved', data: { unitId: 'unit-health', assignDueAt: '2026-05-20T16:00:00.000Z' } })).toEqual([
      'unit:unit-health return_decided 建议「关于加强社区卫生服务的建议」的退回申请已同意，本单位不再承办',
      'user:dep-li returned 建议「关于加强社区卫生服务的建议」已由市卫生健康委员会退回，将重新交办承办单位',
      'user:dep-wang returned 建议「关于加强社区卫生服务的建议」已由市卫生健康委员会退回，将重新交办承办单位',
    ]);
    expect(tell({ type: 'ExtensionGranted', data: { unitId: 'unit-health', until: '2026-10-31T16:00:00.000Z' } })).toEqual([
      'unit:unit-health extension_decided 建议「关于加强社区卫生服务的建议」的延期申请已同意，答复期限延至2026年10月31日',
      'user:dep-li extended 市卫生健康委员会办理建议「关于加强社区卫生服务的建议」的答复期限经同意延至2026年10月31日',
      'user:dep-wang extended 市卫生健康委员会办理建议「关于加强社区卫生服务的建议」的答复期限经同意延至2026年10月31日',
    ]);
    expect(tell({ type: 'ExtensionDenied', data: { unitId: 'unit-health' } }).filter((m) => m.startsWith('user:'))).toEqual([]);
  });

  it('gives the unit one message for a dissatisfied rating (the re-handling, with the verdict), and the deputy the new due date', () => {
    const rating = rehandled.status !== 'rejected' && 'assignment' in rehandled ? rehandled.assignment!.units[0]!.ratings[0]! : undefined;
    expect(rating).toMatchObject({ result: 'dissatisfied', reason: '问题没有解决' });
    const events: SuggestionEvent[] = [
      { type: 'SuggestionRated', data: { unitId: 'unit-health', round: 1, attitude: rating!.attitude, result: rating!.result, reason: rating!.reason } },
      { type: 'RehandlingStarted', data: { unitId: 'unit-health', round: 2, dueAt: '2026-08-14T16:00:00.000Z' } },
    ];
    const told = events.flatMap((e) => tell(e, WANG, rehandled));
    expect(told.filter((m) => m.startsWith('unit:unit-health '))).toEqual([
      'unit:unit-health rehandling 代表对建议「关于社区医院药品配备的建议」的答复不满意（办理态度满意，办理结果不满意：问题没有解决），请于2026年8月14日前重新办理并答复',
    ]);
    // The rating deputy did not see the re-handling's due date when rating: they are told it.
    expect(told.filter((m) => m.startsWith('user:'))).toEqual([
      'user:dep-wang rehandling 建议「关于社区医院药品配备的建议」已交市卫生健康委员会重新办理，应于2026年8月14日前重新答复',
    ]);
    // A rating that is not dissatisfied is the unit's one message.
    expect(tell({ type: 'SuggestionRated', data: { unitId: 'unit-health', round: 2, attitude: 'satisfied', result: 'basically_satisfied' } }, WANG, rehandled)).toEqual([
      'unit:unit-health rated 代表已评价建议「关于社区医院药品配备的建议」的答复：办理态度满意，办理结果基本满意',
    ]);
  });

  it('where staff decide on re-handling, tells staff of a dissatisfied rating: the suggestion by its number and what they must decide', () => {
    const numbered = { ...rehandled, number: 12 } as ExistingSuggestion;
    const rating = { unitId: 'unit-health', round: 1, attitude: 'satisfied', result: 'dissatisfied', reason: '问题没有解决' } as const;
    expect(tell({ type: 'SuggestionRated', data: { ...rating, awaitsRehandlingDecision: true } }, WANG, numbered)).toEqual([
      'role:staff rehandling_decision 代表对市卫生健康委员会办理建议第0012号「关于加强社区卫生服务的建议」的答复不满意（办理态度满意，办理结果不满意，理由：问题没有解决），请研究决定是否交该单位重新办理'.replace(
        '关于加强社区卫生服务的建议',
        numbered.title,
      ),
    ]);
    // Where re-handling is automatic, RehandlingStarted tells the unit; nobody waits on staff.
    expect(tell({ type: 'SuggestionRated', data: rating }, WANG, numbered)).toEqual([]);
  });

  it('tells who owes by a recomputed due time the old and the new date: the unit, staff for the assignment, the deputy for the feedback window', () => {
    const numbered = { ...state, number: 7 } as ExistingSuggestion;
    const moved: SuggestionEvent = {
      type: 'DeadlinesRecomputed',
      data: {
        reason: '管理员载入2027年国务院放假通知，按正式安排重算暂定期限',
        years: [2027],
        changes: [
          { obligation: 'answer:unit-traffic:1', from: '2027-02-09T16:00:00.000Z', to: '2027-02-14T16:00:00.000Z' },
          { obligation: 'return:unit-health', from: '2027-02-09T16:00:00.000Z', to: '2027-02-14T16:00:00.000Z' },
          { obligation: 'extension_max', from: '2027-05-05T16:00:00.000Z', to: '2027-05-06T16:00:00.000Z' },
          { obligation: 'assign@2', from: '2027-02-09T16:00:00.000Z', to: '2027-02-14T16:00:00.000Z' },
          { obligation: 'feedback:unit-traffic:1', from: '2027-02-09T16:00:00.000Z', to: '2027-02-14T16:00:00.000Z' },
        ],
      },
    };
    const head = `已载入2027年国务院放假通知，建议第0007号「${state.title}」的期限按正式放假安排重新计算：`;
    expect(tell(moved, { userId: 'admin', role: 'admin' } as Actor, numbered)).toEqual([
      `unit:unit-traffic deadlines_recomputed ${head}答复期限由2027年2月9日调整为2027年2月14日；延期答复最长期限由2027年5月5日调整为2027年5月6日`,
      `unit:unit-health deadlines_recomputed ${head}申请退回期限由2027年2月9日调整为2027年2月14日；延期答复最长期限由2027年5月5日调整为2027年5月6日`,
      `role:staff deadlines_recomputed ${head}交办期限由2027年2月9日调整为2027年2月14日`,
      `user:dep-li deadlines_recomputed ${head}代表评价期限由2027年2月9日调整为2027年2月14日`,
    ]);
  });

  it('tells each audience of an event at most once, and nobody of their own act', () => {
    // A co-signer listed twice (or also the lead) still gets one notification: its id is the event and the audience.
    const twice = { ...state, coSignerIds: ['dep-wang', 'dep-wang', 'dep-li'] };
    const accepted = tell({ type: 'SuggestionAccepted', data: { assignDueAt: '2026-05-06T16:00:00.000Z' } }, STAFF, twice);
    expect(accepted.map((m) => m.split(' ')[0])).toEqual(['user:dep-li', 'user:dep-wang']);
    // The withdrawing deputy is not told; the units at work are.
    expect(tell({ type: 'SuggestionWithdrawn', data: { reason: '问题已解决' } }, LI)).toEqual([
      'unit:unit-traffic withdrawn 代表已撤回建议「关于加强社区卫生服务的建议」，本单位无需继续办理',
      'unit:unit-health withdrawn 代表已撤回建议「关于加强社区卫生服务的建议」，本单位无需继续办理',
    ]);
  });

  it('asks staff to decide extension requests and tells the unit the decision', () => {
    expect(tell({ type: 'ExtensionRequested', data: { unitId: 'unit-health', reason: '需要跨部门协调', until: '2026-10-31T16:00:00.000Z' } }, HEALTH)).toEqual([
      'role:staff extension_requested 市卫生健康委员会申请将建议「关于加强社区卫生服务的建议」的答复期限延至2026年10月31日：需要跨部门协调',
    ]);
    expect(tell({ type: 'ExtensionGranted', data: { unitId: 'unit-health', until: '2026-10-31T16:00:00.000Z' } }).filter((m) => m.startsWith('unit:'))).toEqual([
      'unit:unit-health extension_decided 建议「关于加强社区卫生服务的建议」的延期申请已同意，答复期限延至2026年10月31日',
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
      'unit:unit-health deadline_reminder 建议「关于加强社区卫生服务的建议」的答复期限将于2026年8月6日届满',
    ]);
    expect(tell({ type: 'DeadlineReminderRecorded', data: deadline('commitment', { unitId: 'unit-traffic', commitmentId: 'C2' }) }, SYSTEM)).toEqual([
      'unit:unit-traffic deadline_reminder 建议「关于加强社区卫生服务的建议」的承诺事项 C2 的落实期限将于2026年8月6日届满',
    ]);
    expect(tell({ type: 'DeadlineReminderRecorded', data: deadline('feedback', { unitId: 'unit-traffic' }) }, SYSTEM)).toEqual([
      'user:dep-li feedback_reminder 建议「关于加强社区卫生服务的建议」的答复可评价至2026年8月6日，欢迎您评价办理情况',
    ]);
    expect(tell({ type: 'DeadlineReminderRecorded', data: deadline('assign') }, SYSTEM)).toEqual([]);
  });

  it('tells staff of a missed assign target and the unit of its own misses; a passed feedback window chases nobody', () => {
    expect(tell({ type: 'DeadlineMissed', data: deadline('assign') }, SYSTEM)).toEqual([
      'role:staff deadline_missed 建议「关于加强社区卫生服务的建议」的交办已逾期（期限2026年8月6日）',
    ]);
    expect(tell({ type: 'DeadlineMissed', data: deadline('answer', { unitId: 'unit-health' }) }, SYSTEM)).toEqual([
      'unit:unit-health deadline_missed 建议「关于加强社区卫生服务的建议」的答复已逾期（期限2026年8月6日）',
    ]);
    expect(tell({ type: 'DeadlineMissed', data: deadline('feedback', { unitId: 'unit-traffic' }) }, SYSTEM)).toEqual([]);
    // The window's end is told once, to the lead deputy, as what it means rather than as a miss.
    expect(tell({ type: 'FeedbackWindowExpired', data: { unitId: 'unit-traffic', round: 1 } }, SYSTEM)).toEqual([
      'user:dep-li feedback_closed 建议「关于加强社区卫生服务的建议」的评价期已结束，市交通运输局本轮答复记为未评价，无需再操作',
    ]);
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
  it('tells of a transfer with the same Beijing date as every other notice', () => {
    const deadlines = { answerDueAt: '2026-03-16T16:00:00.000Z', extensionMaxAt: '2026-06-16T16:00:00.000Z', returnDueAt: '2026-03-09T16:00:00.000Z', contactDueAt: '2026-03-06T16:00:00.000Z' };
    expect(tell({ type: 'SuggestionTransferred', data: { fromUnitId: 'unit-health', toUnitId: 'unit-traffic', reason: '属交通部门职责', ...deadlines } })[0]).toBe(
      'unit:unit-traffic transferred 建议「关于加强社区卫生服务的建议」已由市卫生健康委员会转交本单位办理（属交通部门职责），请于2026年3月16日前答复代表',
    );
  });
});
