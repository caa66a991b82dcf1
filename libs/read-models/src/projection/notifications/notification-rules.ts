import { formatSuggestionNumber } from '@duban/domain/labels';
import { assertNever, changeTarget, EXTENSION_MAX, OBLIGATION_KIND_LABELS, type Actor, type ExistingSuggestion, type SuggestionEvent } from '@duban/domain';
import type { Audience } from '../../inbox/notification-id';
import type { NotificationKind } from '../../inbox/inbox.types';
import { because, dayText, deadlineSubject, excerpt, handlersText, quoted, ROLE_LABELS, SATISFACTION_LABELS } from './notification-text';
import { transferNotices } from './transfer-notices';

export interface NotificationDraft {
  audience: Audience;
  kind: NotificationKind;
  message: string;
}

export interface NotificationContext {
  /** The suggestion as this event left it. */
  state: ExistingSuggestion;
  actor: Actor;
  unitName: (unitId: string) => string;
}

type Event<T extends SuggestionEvent['type']> = Extract<SuggestionEvent, { type: T }>;

/** A draft that reaches its audience even when that audience caused the event. */
interface Rule extends NotificationDraft {
  evenToActor?: boolean;
}

const STAFF: Audience = 'role:staff';
const SUPERVISORS: Audience = 'role:supervisor';
const unit = (unitId: string): Audience => `unit:${unitId}`;
const user = (userId: string): Audience => `user:${userId}`;

/**
 * Who an event concerns and what to tell them: a unit's users what they must do or what was
 * decided for them; staff what waits for their decision; the deputies (lead and co-signers) each
 * step of their suggestion; the supervisor what they supervise. Nobody is told of their own act,
 * except of a consequence they could not see when acting (a re-handling's due date). Each audience
 * hears of an event once: the notification's id is the event and the audience.
 */
export function notificationsFor(event: SuggestionEvent, ctx: NotificationContext): NotificationDraft[] {
  const self = user(ctx.actor.userId);
  const seen = new Set<Audience>();
  const drafts: NotificationDraft[] = [];
  for (const { audience, kind, message, evenToActor } of draftsFor(event, ctx)) {
    if ((audience === self && !evenToActor) || seen.has(audience)) continue;
    seen.add(audience);
    drafts.push({ audience, kind, message });
  }
  return drafts;
}

function draftsFor(event: SuggestionEvent, ctx: NotificationContext): Rule[] {
  const { state, unitName } = ctx;
  // Once registered, a suggestion is named by its number too (第0012号《…》), as staff and units file it.
  const title = state.number !== undefined ? `${formatSuggestionNumber(state.number)}${quoted(state.title)}` : quoted(state.title);
  const deputies = (kind: NotificationKind, message: string): Rule[] => deputiesOf(state).map((id) => ({ audience: user(id), kind, message }));
  switch (event.type) {
    case 'SuggestionSubmitted':
      return [
        { audience: STAFF, kind: 'submitted', message: `代表提交了新建议${title}，请审查立案` },
        ...state.coSignerIds.map((id): Rule => ({ audience: user(id), kind: 'co_signed', message: `您已被列为建议${title}的联名代表（附议）` })),
      ];
    case 'SuggestionAccepted':
      return deputies('accepted', `建议${title}已立案，将交承办单位办理`);
    case 'SuggestionRejected':
      return deputies('rejected', `建议${title}不予立案，理由：${excerpt(event.data.reason)}`);
    case 'SuggestionAssigned':
    case 'SuggestionReassigned':
      return assigned(event, ctx, title);
    case 'ReturnRequested':
      return [{ audience: STAFF, kind: 'return_requested', message: `${unitName(event.data.unitId)}申请退回建议${title}：${excerpt(event.data.reason)}` }];
    case 'ReturnApproved':
      return [
        { audience: unit(event.data.unitId), kind: 'return_decided', message: `建议${title}的退回申请已同意，本单位不再承办` },
        ...deputies('returned', `建议${title}已由${unitName(event.data.unitId)}退回，将重新交办承办单位`),
      ];
    case 'ReturnDenied':
      return [{ audience: unit(event.data.unitId), kind: 'return_decided', message: `建议${title}的退回申请未获同意${because(event.data.reason)}，请继续办理` }];
    case 'SuggestionTransferred':
      return transferNotices(event.data, title, state.leadDeputyId, unitName);
    case 'ExtensionRequested':
      return [
        {
          audience: STAFF,
          kind: 'extension_requested',
          message: `${unitName(event.data.unitId)}申请将建议${title}的答复期限延至${dayText(event.data.until)}：${excerpt(event.data.reason)}`,
        },
      ];
    case 'ExtensionGranted':
      return [
        { audience: unit(event.data.unitId), kind: 'extension_decided', message: `建议${title}的延期申请已同意，答复期限延至${dayText(event.data.until)}` },
        ...deputies('extended', event.data.tellDeputy ? extensionNotice(event.data, ctx, title) : `${unitName(event.data.unitId)}办理建议${title}的答复期限经同意延至${dayText(event.data.until)}`),
      ];
    case 'ExtensionDenied':
      return [{ audience: unit(event.data.unitId), kind: 'extension_decided', message: `建议${title}的延期申请未获同意${because(event.data.reason)}，请按原期限答复` }];
    case 'CoHandlerOpinionSubmitted':
      return leadUnitsOf(state).map((unitId): Rule => ({
        audience: unit(unitId),
        kind: 'co_opinion',
        message: `${unitName(event.data.unitId)}已提交建议${title}的协办意见`,
      }));
    case 'KeySupervisionStarted':
      return [{ audience: user(event.data.supervisorId), kind: 'key_supervision', message: `建议${title}已列为重点督办建议，由您担任督办人` }];
    case 'SuggestionUrged':
      return currentUnits(state).map((unitId): Rule => ({ audience: unit(unitId), kind: 'urged', message: `建议${title}被催办：${excerpt(event.data.note)}` }));
    case 'SuggestionAnswered':
      return answered(event.data, ctx, title);
    case 'SuggestionRated':
      return rated(event.data, ctx, title);
    case 'RehandlingStarted':
      return rehandling(event.data, ctx, title);
    case 'SuggestionEscalated': {
      const message = `建议${title}已提级督办：${excerpt(event.data.reason)}`;
      return [
        { audience: STAFF, kind: 'escalated', message },
        { audience: SUPERVISORS, kind: 'escalated', message },
      ];
    }
    case 'CommitmentFulfilled':
      return deputies('commitment_fulfilled', `${unitName(event.data.unitId)}已落实建议${title}答复中的承诺事项 ${event.data.commitmentId}`);
    case 'CommitmentFulfilmentRated':
      return [
        {
          audience: unit(event.data.unitId),
          kind: 'rated',
          message: `代表对建议${title}承诺事项落实情况的评价：${SATISFACTION_LABELS[event.data.rating]}${event.data.reason ? `，意见：${excerpt(event.data.reason)}` : ''}`,
        },
      ];
    case 'WithdrawalRequested':
      return withdrawalRequested(event.data, ctx, title);
    case 'SuggestionWithdrawn':
      return currentUnits(state).map((unitId): Rule => ({ audience: unit(unitId), kind: 'withdrawn', message: `代表已撤回建议${title}，本单位无需继续办理` }));
    case 'DeadlineReminderRecorded': {
      // The feedback window is the deputy's right, not a duty: a reminder, never a warning.
      if (event.data.kind === 'feedback') {
        return [{ audience: user(state.leadDeputyId), kind: 'feedback_reminder', message: `建议${title}的答复可评价至${dayText(event.data.dueAt)}，欢迎您评价办理情况` }];
      }
      const message = `建议${title}的${deadlineSubject(event.data)}期限将于${dayText(event.data.dueAt)}届满`;
      // Staff are not reminded of their own assign target; they hear of it when it is missed.
      return event.data.unitId !== undefined ? [{ audience: unit(event.data.unitId), kind: 'deadline_reminder', message }] : [];
    }
    case 'DeadlineMissed': {
      const message = `建议${title}的${deadlineSubject(event.data)}已逾期（期限${dayText(event.data.dueAt)}）`;
      if (event.data.kind === 'assign') return [{ audience: STAFF, kind: 'deadline_missed', message }];
      // A passed feedback window is told once, by FeedbackWindowExpired, and not as a miss.
      if (event.data.kind === 'feedback') return [];
      return event.data.unitId !== undefined ? [{ audience: unit(event.data.unitId), kind: 'deadline_missed', message }] : [];
    }
    case 'FeedbackWindowExpired':
      // Not rating is the deputy's choice: say what it means, without blame.
      return [
        {
          audience: user(state.leadDeputyId),
          kind: 'feedback_closed',
          message: `建议${title}的评价期已结束，${unitName(event.data.unitId)}本轮答复记为未评价，无需再操作`,
        },
      ];
    case 'DeputyContacted':
    case 'AssignmentScheduled':
    case 'SuggestionClosed':
    case 'SuggestionGrouped':
    case 'SuggestionUngrouped':
    case 'AnswerPublished':
    case 'DisclosureExempted':
    case 'AttachmentAdded':
    case 'AttachmentDiscarded':
    case 'AnswerDelivered':
      return [];
    case 'DeadlinesRecomputed':
      return recomputedNotices(event.data, ctx, title);
    default:
      return assertNever(event, 'suggestion event');
  }
}

/** Each unit its part and due date; the deputies who handles it and by when. */
function assigned(event: Event<'SuggestionAssigned' | 'SuggestionReassigned'>, ctx: NotificationContext, title: string): Rule[] {
  const { data } = event;
  const units = data.units.map(
    (u): Rule => ({
      audience: unit(u.unitId),
      kind: 'assigned',
      message:
        u.role === 'co'
          ? `建议${title}已交本单位协办，请于${dayText(data.coOpinionDueAt ?? data.answerDueAt)}前向主办单位提交协办意见`
          : `建议${title}已交本单位${ROLE_LABELS[u.role]}，请于${dayText(data.answerDueAt)}前答复代表`,
    }),
  );
  const again = event.type === 'SuggestionReassigned' ? '重新' : '';
  const message = `建议${title}已${again}交由${handlersText(data.units, ctx.unitName)}，答复期限为${dayText(data.answerDueAt)}`;
  return [...units, ...deputiesOf(ctx.state).map((id): Rule => ({ audience: user(id), kind: 'assigned', message }))];
}

/** Every signer receives the answer; the lead deputy, who rates for all, is asked to rate it. */
function answered(data: Event<'SuggestionAnswered'>['data'], ctx: NotificationContext, title: string): Rule[] {
  const { state, unitName } = ctx;
  const base = `${unitName(data.unitId)}已答复建议${title}`;
  const lead: Rule = {
    audience: user(state.leadDeputyId),
    kind: 'answered',
    message: data.feedbackDueAt ? `${base}，请于${dayText(data.feedbackDueAt)}前评价` : base,
  };
  return [lead, ...state.coSignerIds.map((id): Rule => ({ audience: user(id), kind: 'answered', message: base }))];
}

/**
 * A rating the unit can rest on. Where re-handling is automatic a dissatisfied one is followed by
 * RehandlingStarted in the same append, whose message carries the rating: telling the unit here too
 * was a second message for one act. Where staff decide (上海 第二十一条, 青岛 第三十一条, 重庆 第二十七条)
 * nothing follows until they do: staff are told what the deputy said and what they must decide.
 */
function rated(data: Event<'SuggestionRated'>['data'], ctx: NotificationContext, title: string): Rule[] {
  const { attitude, result } = data;
  const verdict = `办理态度${SATISFACTION_LABELS[attitude]}，办理结果${SATISFACTION_LABELS[result]}${data.reason ? `，理由：${excerpt(data.reason)}` : ''}`;
  if (data.awaitsRehandlingDecision) {
    return [
      {
        audience: STAFF,
        kind: 'rehandling_decision',
        message: `代表对${ctx.unitName(data.unitId)}办理建议${title}的答复不满意（${verdict}），请研究决定是否交该单位重新办理`,
      },
    ];
  }
  if (attitude === 'dissatisfied' || result === 'dissatisfied') return [];
  return [
    {
      audience: unit(data.unitId),
      kind: 'rated',
      message: `代表已评价建议${title}的答复：办理态度${SATISFACTION_LABELS[attitude]}，办理结果${SATISFACTION_LABELS[result]}`,
    },
  ];
}

/**
 * Where the rulebook says the deputy is told of an extension (上海 第十九条, 青岛 第二十五条, 河南 第二十条,
 * 重庆): the new due date and the unit's reason, which is what "说明情况" asks.
 */
function extensionNotice(data: Event<'ExtensionGranted'>['data'], ctx: NotificationContext, title: string): string {
  const request = ctx.state.decisions.filter((d) => d.kind === 'extension' && d.unitId === data.unitId).at(-1);
  const why = request ? `，延期理由：${excerpt(request.reason)}` : '';
  return `${ctx.unitName(data.unitId)}办理建议${title}需延期答复，答复期限延至${dayText(data.until)}${why}`;
}

/** A joint suggestion is withdrawn only when every signer asks (上海 第十条): the others are told who asked. */
function withdrawalRequested(data: Event<'WithdrawalRequested'>['data'], ctx: NotificationContext, title: string): Rule[] {
  const { state } = ctx;
  if (state.status === 'withdrawn') return [];
  const asked = new Set((state.withdrawalRequests ?? []).map((r) => r.deputyId));
  const message = `联名代表要求撤回建议${title}（${excerpt(data.reason)}）；联名建议须全体代表一致要求方可撤回`;
  return deputiesOf(state)
    .filter((id) => !asked.has(id))
    .map((id): Rule => ({ audience: user(id), kind: 'withdrawal_requested', message }));
}

/** The unit what to do by when, and why; every signer (the rating one too) when the new answer is due. */
function rehandling(data: Event<'RehandlingStarted'>['data'], ctx: NotificationContext, title: string): Rule[] {
  const { state, unitName } = ctx;
  const handling = 'assignment' in state && state.assignment ? state.assignment.units.find((u) => u.unitId === data.unitId) : undefined;
  const rating = handling?.ratings.at(-1);
  const verdict = rating ? `（办理态度${SATISFACTION_LABELS[rating.attitude]}，办理结果${SATISFACTION_LABELS[rating.result]}${rating.reason ? `：${excerpt(rating.reason)}` : ''}）` : '';
  const deputyMessage = `建议${title}已交${unitName(data.unitId)}重新办理，应于${dayText(data.dueAt)}前重新答复`;
  // Staff's decision (where re-handling is not automatic) gives its own reason.
  const unitMessage = data.reason
    ? `建议${title}经研究决定重新办理：${excerpt(data.reason)}，请于${dayText(data.dueAt)}前重新办理并答复`
    : `代表对建议${title}的答复不满意${verdict}，请于${dayText(data.dueAt)}前重新办理并答复`;
  return [
    { audience: unit(data.unitId), kind: 'rehandling', message: unitMessage },
    ...deputiesOf(state).map((id): Rule => ({ audience: user(id), kind: 'rehandling', message: deputyMessage, evenToActor: true })),
  ];
}

function deputiesOf(state: ExistingSuggestion): string[] {
  return [state.leadDeputyId, ...state.coSignerIds];
}

function currentUnits(state: ExistingSuggestion): string[] {
  return 'assignment' in state && state.assignment ? state.assignment.units.map((u) => u.unitId) : [];
}

/** The units a co-handler's opinion is for (lead mode). */
function leadUnitsOf(state: ExistingSuggestion): string[] {
  return 'assignment' in state && state.assignment ? state.assignment.units.filter((u) => u.role === 'lead').map((u) => u.unitId) : [];
}

/**
 * A holiday notice moved provisional due times (DeadlinesRecomputed): whoever owes by them is told
 * the old and the new date — each unit its own (and the extension limit, which bounds every answering
 * unit), staff the assignment deadline, the lead deputy the feedback window.
 */
function recomputedNotices(data: Event<'DeadlinesRecomputed'>['data'], ctx: NotificationContext, title: string): Rule[] {
  const byAudience = new Map<Audience, string[]>();
  const add = (audience: Audience, line: string) => byAudience.set(audience, [...(byAudience.get(audience) ?? []), line]);
  for (const change of data.changes) {
    const target = changeTarget(change.obligation);
    if (!target) continue;
    const line = `${changeName(target.kind)}由${dayText(change.from)}调整为${dayText(change.to)}`;
    if (target.kind === 'assign') add(STAFF, line);
    else if (target.kind === 'feedback') add(user(ctx.state.leadDeputyId), line);
    else if (target.unitId !== undefined) add(unit(target.unitId), line);
    else if (target.kind === EXTENSION_MAX) for (const unitId of answeringUnits(ctx.state)) add(unit(unitId), line);
  }
  const why = data.years.length > 0 ? `已载入${data.years.join('、')}年国务院放假通知，` : '';
  return [...byAudience].map(([audience, lines]): Rule => ({
    audience,
    kind: 'deadlines_recomputed',
    message: `${why}建议${title}的期限按正式放假安排重新计算：${lines.join('；')}`,
  }));
}

function changeName(kind: string): string {
  if (kind === EXTENSION_MAX) return '延期答复最长期限';
  return Object.hasOwn(OBLIGATION_KIND_LABELS, kind) ? `${OBLIGATION_KIND_LABELS[kind as keyof typeof OBLIGATION_KIND_LABELS]}期限` : '期限';
}

/** The units that answer (not co-handlers): an extension limit bounds each of them. */
function answeringUnits(state: ExistingSuggestion): string[] {
  return 'assignment' in state && state.assignment ? state.assignment.units.filter((u) => u.role !== 'co').map((u) => u.unitId) : [];
}
