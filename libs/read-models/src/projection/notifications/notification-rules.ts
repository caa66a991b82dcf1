import { assertNever, type Actor, type ExistingSuggestion, type SuggestionEvent } from '@duban/domain';
import type { Audience } from '../../inbox/notification-id';
import type { NotificationKind } from '../../inbox/inbox.types';
import { deadlineSubject, excerpt, lastDayOf, quoted, ROLE_LABELS, SATISFACTION_LABELS } from './notification-text';

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

const STAFF: Audience = 'role:staff';
const SUPERVISORS: Audience = 'role:supervisor';
const unit = (unitId: string): Audience => `unit:${unitId}`;
const user = (userId: string): Audience => `user:${userId}`;

/**
 * Who an event concerns and what to tell them: a unit's users what they must do or what was
 * decided for them; staff what waits for their decision; the deputies the answer; the supervisor
 * what they supervise. Nobody is told of their own act.
 */
export function notificationsFor(event: SuggestionEvent, ctx: NotificationContext): NotificationDraft[] {
  const drafts = draftsFor(event, ctx);
  const self = user(ctx.actor.userId);
  return drafts.filter((d) => d.audience !== self);
}

function draftsFor(event: SuggestionEvent, ctx: NotificationContext): NotificationDraft[] {
  const { state, unitName } = ctx;
  const title = quoted(state.title);
  switch (event.type) {
    case 'SuggestionSubmitted':
      return [{ audience: STAFF, kind: 'submitted', message: `代表提交了新建议${title}，请审查立案` }];
    case 'SuggestionAssigned':
    case 'SuggestionReassigned':
      return event.data.units.map((u) => ({
        audience: unit(u.unitId),
        kind: 'assigned' as const,
        message:
          u.role === 'co'
            ? `建议${title}已交本单位协办，请于 ${lastDayOf(event.data.coOpinionDueAt ?? event.data.answerDueAt)} 前向主办单位提交协办意见`
            : `建议${title}已交本单位${ROLE_LABELS[u.role]}，请于 ${lastDayOf(event.data.answerDueAt)} 前答复代表`,
      }));
    case 'ReturnRequested':
      return [{ audience: STAFF, kind: 'return_requested', message: `${unitName(event.data.unitId)}申请退回建议${title}：${excerpt(event.data.reason)}` }];
    case 'ReturnApproved':
      return [{ audience: unit(event.data.unitId), kind: 'return_decided', message: `建议${title}的退回申请已同意，本单位不再承办` }];
    case 'ReturnDenied':
      return [{ audience: unit(event.data.unitId), kind: 'return_decided', message: `建议${title}的退回申请未获同意${because(event.data.reason)}，请继续办理` }];
    case 'ExtensionRequested':
      return [
        {
          audience: STAFF,
          kind: 'extension_requested',
          message: `${unitName(event.data.unitId)}申请将建议${title}的答复期限延至 ${lastDayOf(event.data.until)}：${excerpt(event.data.reason)}`,
        },
      ];
    case 'ExtensionGranted':
      return [{ audience: unit(event.data.unitId), kind: 'extension_decided', message: `建议${title}的延期申请已同意，答复期限延至 ${lastDayOf(event.data.until)}` }];
    case 'ExtensionDenied':
      return [{ audience: unit(event.data.unitId), kind: 'extension_decided', message: `建议${title}的延期申请未获同意${because(event.data.reason)}，请按原期限答复` }];
    case 'KeySupervisionStarted':
      return [{ audience: user(event.data.supervisorId), kind: 'key_supervision', message: `建议${title}已列为重点督办建议，由您担任督办人` }];
    case 'SuggestionUrged':
      return currentUnits(state).map((unitId) => ({ audience: unit(unitId), kind: 'urged' as const, message: `建议${title}被催办：${excerpt(event.data.note)}` }));
    case 'SuggestionAnswered':
      return answered(event.data, ctx, title);
    case 'SuggestionRated': {
      const { attitude, result } = event.data;
      return [
        {
          audience: unit(event.data.unitId),
          kind: 'rated',
          message: `代表已评价建议${title}的答复：办理态度${SATISFACTION_LABELS[attitude]}，办理结果${SATISFACTION_LABELS[result]}`,
        },
      ];
    }
    case 'RehandlingStarted':
      return [{ audience: unit(event.data.unitId), kind: 'rehandling', message: `代表对建议${title}的答复不满意，请于 ${lastDayOf(event.data.dueAt)} 前重新办理并答复` }];
    case 'SuggestionEscalated': {
      const message = `建议${title}已提级督办：${excerpt(event.data.reason)}`;
      return [
        { audience: STAFF, kind: 'escalated', message },
        { audience: SUPERVISORS, kind: 'escalated', message },
      ];
    }
    case 'DeadlineReminderRecorded': {
      const message = `建议${title}的${deadlineSubject(event.data)}期限将于 ${lastDayOf(event.data.dueAt)} 届满`;
      // Staff are not reminded of their own assign target; they hear of it when it is missed.
      if (event.data.kind === 'feedback') return [{ audience: user(state.leadDeputyId), kind: 'deadline_reminder', message }];
      return event.data.unitId !== undefined ? [{ audience: unit(event.data.unitId), kind: 'deadline_reminder', message }] : [];
    }
    case 'DeadlineMissed': {
      const message = `建议${title}的${deadlineSubject(event.data)}已逾期（期限 ${lastDayOf(event.data.dueAt)}）`;
      if (event.data.kind === 'assign') return [{ audience: STAFF, kind: 'deadline_missed', message }];
      // A missed feedback window is the deputy's choice: it is recorded as not rated, nobody is chased.
      if (event.data.kind === 'feedback') return [];
      return event.data.unitId !== undefined ? [{ audience: unit(event.data.unitId), kind: 'deadline_missed', message }] : [];
    }
    case 'SuggestionAccepted':
    case 'SuggestionRejected':
    case 'DeputyContacted':
    case 'CoHandlerOpinionSubmitted':
    case 'CommitmentFulfilled':
    case 'SuggestionWithdrawn':
    case 'SuggestionClosed':
    case 'FeedbackWindowExpired':
    case 'SuggestionGrouped':
    case 'SuggestionUngrouped':
    case 'AnswerPublished':
    case 'DisclosureExempted':
      return [];
    default:
      return assertNever(event, 'suggestion event');
  }
}

/** Every signer receives the answer; the lead deputy, who rates for all, is asked to rate it. */
function answered(data: Extract<SuggestionEvent, { type: 'SuggestionAnswered' }>['data'], ctx: NotificationContext, title: string): NotificationDraft[] {
  const { state, unitName } = ctx;
  const base = `${unitName(data.unitId)}已答复建议${title}`;
  const lead: NotificationDraft = {
    audience: user(state.leadDeputyId),
    kind: 'answered',
    message: data.feedbackDueAt ? `${base}，请于 ${lastDayOf(data.feedbackDueAt)} 前评价` : base,
  };
  return [lead, ...state.coSignerIds.map((id) => ({ audience: user(id), kind: 'answered' as const, message: base }))];
}

function currentUnits(state: ExistingSuggestion): string[] {
  return 'assignment' in state && state.assignment ? state.assignment.units.map((u) => u.unitId) : [];
}

function because(reason: string | undefined): string {
  return reason?.trim() ? `（${excerpt(reason)}）` : '';
}
