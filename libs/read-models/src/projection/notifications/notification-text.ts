import { OBLIGATION_KIND_LABELS, type AssignedUnit, type DeadlineEventData, type UnitRole } from '@duban/domain';
import { lastDayOf } from '../shanghai-day';

export { SATISFACTION_LABELS } from '@duban/domain/labels';

export function quoted(title: string): string {
  return `「${title}」`;
}

/** How a unit is told its part of an assignment ("已交本单位…"). */
export const ROLE_LABELS: Readonly<Record<UnitRole, string>> = {
  sole: '单独办理',
  lead: '主办',
  co: '协办',
  separate: '分办',
};

/**
 * The last day of a due time as people read it in a message: 2026年3月16日 (Beijing date; a
 * deadline at 24:00 belongs to the day before).
 */
export function dayText(dueAt: string): string {
  const day = lastDayOf(dueAt);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : day;
}

/** What a deadline is about: the obligation's name, and the commitment's id for a commitment. */
export function deadlineSubject(data: DeadlineEventData): string {
  return data.commitmentId !== undefined ? `承诺事项 ${data.commitmentId} 的落实` : OBLIGATION_KIND_LABELS[data.kind];
}

/** Who handles a suggestion, for its deputies: 市交通运输局单独办理; A主办、B协办; A、B分别办理. */
export function handlersText(units: readonly AssignedUnit[], unitName: (unitId: string) => string): string {
  const names = (role: UnitRole) => units.filter((u) => u.role === role).map((u) => unitName(u.unitId));
  const lead = [...names('sole'), ...names('lead')];
  const co = names('co');
  const separate = names('separate');
  if (separate.length > 0) return `${separate.join('、')}分别办理`;
  const sole = units.some((u) => u.role === 'sole');
  return `${lead.join('、')}${sole ? '单独办理' : '主办'}${co.length > 0 ? `、${co.join('、')}协办` : ''}`;
}

/** Reasons and notes are free text: a notification carries the start of them. */
export function excerpt(text: string, max = 60): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}

/** "（理由）" after a decision, or nothing when none was given. */
export function because(reason: string | undefined): string {
  return reason?.trim() ? `（${excerpt(reason)}）` : '';
}
