import { OBLIGATION_KIND_LABELS, type DeadlineEventData, type Satisfaction, type UnitRole } from '@duban/domain';

export { lastDayOf } from '../shanghai-day';

export function quoted(title: string): string {
  return `「${title}」`;
}

export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const ROLE_LABELS: Readonly<Record<UnitRole, string>> = {
  sole: '单独办理',
  lead: '主办',
  co: '协办',
  separate: '分办',
};

/** What a deadline is about: the obligation's name, and the commitment's id for a commitment. */
export function deadlineSubject(data: DeadlineEventData): string {
  return data.commitmentId !== undefined ? `承诺事项 ${data.commitmentId} 的落实` : OBLIGATION_KIND_LABELS[data.kind];
}

/** Reasons and notes are free text: a notification carries the start of them. */
export function excerpt(text: string, max = 60): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}
