import type { ObligationKind } from '../suggestion/deadlines/obligation';
import type { UnitHandling } from '../suggestion/state';
import type { AssignmentMode, Disclosure, ExemptionReason, Satisfaction, UnitRole } from '../suggestion/values';

export const ASSIGNMENT_MODE_LABELS: Readonly<Record<AssignmentMode, string>> = {
  sole: '单独办理',
  lead: '主办 + 协办',
  separate: '分别办理',
};

export const UNIT_ROLE_LABELS: Readonly<Record<UnitRole, string>> = {
  sole: '承办',
  lead: '主办',
  co: '协办',
  separate: '分办',
};

export const UNIT_STAGE_LABELS: Readonly<Record<UnitHandling['stage'], string>> = {
  handling: '办理中',
  answered: '已答复',
  rehandling: '重新办理',
  rated: '已评价',
  not_rated: '逾期未评价',
};

export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const EXEMPTION_LABELS: Readonly<Record<ExemptionReason, string>> = {
  state_secret: '涉及国家秘密',
  commercial_secret: '涉及商业秘密',
  privacy: '涉及个人隐私',
  deputy_request: '代表要求不公开',
};

export const DISCLOSURE_STATUS_LABELS: Readonly<Record<Disclosure['status'], string>> = {
  unpublished: '未公开',
  published: '已公开',
  exempt: '不予公开',
};

/** What a deadline is for, in a timeline entry, a due badge or a reminder. */
export const OBLIGATION_LABELS: Readonly<Record<ObligationKind, string>> = {
  assign: '交办',
  return_window: '申请退回期限',
  co_opinion: '提交协办意见',
  contact: '联系代表',
  answer: '答复',
  rehandling: '重新办理答复',
  feedback: '代表评价',
  commitment: '落实承诺事项',
};
