import type { ObligationKind } from '@duban/domain';

/** Timeline entries in the words users use. Unknown types (added later) show their English name. */
const LABELS: Record<string, string> = {
  SuggestionSubmitted: '提出建议',
  SuggestionAccepted: '立案',
  SuggestionRejected: '不予立案',
  SuggestionAssigned: '交办',
  SuggestionReassigned: '重新交办',
  ReturnRequested: '申请退回',
  ReturnApproved: '同意退回',
  ReturnDenied: '不同意退回',
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
  SuggestionWithdrawn: '撤回',
  SuggestionClosed: '办结',
  AnswerPublished: '公开答复',
  DisclosureExempted: '不予公开',
  FeedbackWindowExpired: '逾期未评价',
  DeadlineReminderRecorded: '到期提醒',
  DeadlineMissed: '逾期',
  SuggestionGrouped: '并案',
  SuggestionUngrouped: '解除并案',
};

/**
 * What a deadline event is about, in the timeline's words. A web copy: importing the domain's
 * OBLIGATION_KIND_LABELS would put domain code in the bundle. Keyed by the domain's kinds, so a
 * new kind fails the type check until it has a label here.
 */
const OBLIGATION_LABELS: Readonly<Record<ObligationKind, string>> = {
  assign: '交办',
  return_window: '申请退回期限',
  co_opinion: '提交协办意见',
  contact: '联系代表',
  answer: '答复',
  rehandling: '重新办理答复',
  feedback: '代表评价',
  commitment: '落实承诺事项',
};

export const eventLabel = (type: string): string => LABELS[type] ?? type;

/** An unknown kind (from a newer api) shows its code. */
export const obligationLabel = (kind: string): string =>
  Object.hasOwn(OBLIGATION_LABELS, kind) ? OBLIGATION_LABELS[kind as ObligationKind] : kind;
