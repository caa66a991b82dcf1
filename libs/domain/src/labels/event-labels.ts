import type { AccountEventType } from '../accounts/events';
import type { SessionEventType } from '../session/events';
import type { SuggestionEventType } from '../suggestion/events';
import type { DelegationEvent } from '../delegation/delegation';
import { DELEGATION_EVENT_LABELS, SESSION_EVENT_LABELS } from './session-labels';

/** What happened to a suggestion, as its timeline names each event. */
export const SUGGESTION_EVENT_LABELS: Readonly<Record<SuggestionEventType, string>> = {
  SuggestionSubmitted: '提出建议',
  SuggestionAccepted: '立案',
  AssignmentScheduled: '确定交办日期',
  SuggestionRejected: '不予立案',
  SuggestionAssigned: '交办',
  SuggestionReassigned: '重新交办',
  ReturnRequested: '申请退回',
  ReturnApproved: '同意退回',
  ReturnDenied: '不同意退回',
  SuggestionTransferred: '转办',
  DeputyContacted: '联系代表',
  CoHandlerOpinionSubmitted: '协办意见',
  ExtensionRequested: '申请延期',
  ExtensionGranted: '同意延期',
  ExtensionDenied: '不同意延期',
  KeySupervisionStarted: '列为重点督办',
  SuggestionUrged: '催办',
  SuggestionAnswered: '答复',
  SuggestionRated: '代表评价',
  RehandlingStarted: '重新办理',
  SuggestionEscalated: '提级督办',
  CommitmentFulfilled: '承诺事项已落实',
  CommitmentFulfilmentRated: '承诺事项落实评价',
  SuggestionWithdrawn: '撤回',
  WithdrawalRequested: '联名代表要求撤回',
  SuggestionClosed: '办结',
  DeadlineReminderRecorded: '到期提醒',
  DeadlineMissed: '逾期',
  FeedbackWindowExpired: '逾期未评价',
  SuggestionGrouped: '并案',
  SuggestionUngrouped: '解除并案',
  AnswerPublished: '公开答复',
  DisclosureExempted: '不予公开',
  AttachmentAdded: '上传附件',
  AttachmentDiscarded: '清理未使用的附件',
  DeadlinesRecomputed: '按正式放假通知重算期限',
  AnswerDelivered: '代表已查阅答复',
};

/** Units' and users' streams, as an audit or operations page names their events. */
export const ACCOUNT_EVENT_LABELS: Readonly<Record<AccountEventType, string>> = {
  UnitRegistered: '登记单位',
  UnitRenamed: '修改单位名称',
  UserRegistered: '开设账号',
  PasswordChanged: '修改密码',
  UserDeactivated: '停用账号',
  UserReactivated: '恢复账号',
  UserRoleChanged: '变更角色',
  UserDelegationChanged: '变更所属代表团',
  UserMovedToUnit: '变更所属单位',
  UserPhoneChanged: '修改电话号码',
  SessionEnded: '退出登录',
};

/**
 * A group's (并案) own stream. Its event union lives with the api's group commands, which this
 * folder may not import; the completeness test (apps/api/src/labels-completeness.spec.ts) holds
 * the two key sets equal, so a new group event fails there until it is named here.
 */
export const GROUP_EVENT_LABELS = {
  GroupFormationStarted: '开始并案',
  GroupFormed: '并案完成',
  GroupDissolved: '并案解除',
} as const satisfies Record<string, string>;

export type GroupEventLabelType = keyof typeof GROUP_EVENT_LABELS;

/**
 * The calendar notices' own stream (`calendar-notices`, an admin's upload of the State Council's
 * holiday notice). Its event union lives with the api's calendar commands; the completeness test
 * holds the two key sets equal, as for the group stream.
 */
export const CALENDAR_EVENT_LABELS = {
  CalendarNoticeLoaded: '载入正式放假通知',
} as const satisfies Record<string, string>;

export type CalendarEventLabelType = keyof typeof CALENDAR_EVENT_LABELS;

/** Every event type of every stream kind, by its stored name. */
export const EVENT_LABELS: Readonly<
  Record<SuggestionEventType | AccountEventType | GroupEventLabelType | CalendarEventLabelType | SessionEventType | DelegationEvent['type'], string>
> = {
  ...SUGGESTION_EVENT_LABELS,
  ...ACCOUNT_EVENT_LABELS,
  ...GROUP_EVENT_LABELS,
  ...CALENDAR_EVENT_LABELS,
  ...SESSION_EVENT_LABELS,
  ...DELEGATION_EVENT_LABELS,
};

/** A type a newer server may send before this build knows it: show its stored name. */
export function eventLabel(type: string): string {
  return Object.hasOwn(EVENT_LABELS, type) ? EVENT_LABELS[type as keyof typeof EVENT_LABELS] : type;
}
