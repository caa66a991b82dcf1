import { Actor, ActorRole } from '../../../shared/actor';
import { DomainError } from '../../../shared/errors';
import { isIsoInstant, isLocalDate, endOfShanghaiDay, instantMs } from '../../../calendar/local-date';
import { currentAssignment, findUnit } from '../../assignment-view';
import { Assignment, ExistingSuggestion, SuggestionState, UnitHandling } from '../../state';
import { SuggestionStatus } from '../../values';

/** Labels used in messages shown to users. */
export const STATUS_LABELS: Record<SuggestionStatus, string> = {
  submitted: '已提交',
  accepted: '已立案',
  rejected: '不予立案',
  assigned: '办理中',
  answered: '已答复',
  rehandling: '重新办理中',
  rated: '已评价',
  closed: '已办结',
  withdrawn: '已撤回',
};

export function requireExisting(state: SuggestionState): ExistingSuggestion {
  if (state.status === 'none') throw new DomainError('suggestion.not_found', '建议不存在', 'not_found');
  return state;
}

export function requireRole(actor: Actor, roles: readonly ActorRole[], code: string, message: string): void {
  if (!roles.includes(actor.role)) throw new DomainError(code, message, 'forbidden');
}

export function requireStatus<S extends SuggestionStatus>(
  state: ExistingSuggestion,
  allowed: readonly S[],
  code: string,
  rule: string,
): asserts state is ExistingSuggestion & { status: S } {
  if (!(allowed as readonly SuggestionStatus[]).includes(state.status)) {
    throw new DomainError(code, `${rule}（当前状态：${STATUS_LABELS[state.status]}）`, 'conflict');
  }
}

/**
 * A character a reader can see: not whitespace, not a control character, not an invisible format
 * character (zero-width spaces and joiners, direction marks and overrides, BOM…). A text of only
 * those renders as nothing, so it is as empty as ''.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** Trimmed text with at least one visible character, or an `invalid` error naming the field. */
export function requireText(value: string | undefined, field: string, code: string, message: string): string {
  const text = (value ?? '').trim();
  if (!VISIBLE.test(text)) throw new DomainError(code, message, 'invalid', field);
  return text;
}

/**
 * The acting unit's part in the current assignment. Someone who is not a unit user of an
 * assigned unit may not act for one, whatever the status.
 */
export function requireAssignedUnit(
  state: ExistingSuggestion,
  actor: Actor,
  code: string,
  message: string,
): { assignment: Assignment; unit: UnitHandling } {
  const assignment = currentAssignment(state);
  const unit = actor.role === 'unit' ? findUnit(assignment, actor.unitId) : undefined;
  if (!assignment || !unit) throw new DomainError(code, message, 'forbidden');
  return { assignment, unit };
}

export function isLeadDeputy(state: ExistingSuggestion, actor: Actor): boolean {
  return actor.role === 'deputy' && actor.userId === state.leadDeputyId;
}

/** Who rates the handling: the delegation's head for a delegation's suggestion (渝 第二十六条), else the lead deputy. */
export function isRater(state: ExistingSuggestion, actor: Actor): boolean {
  return actor.role === 'deputy' && actor.userId === (state.delegationHeadId ?? state.leadDeputyId);
}

/** An ISO instant, or a `YYYY-MM-DD` date meaning 24:00 of that day in Asia/Shanghai; as UTC ISO. */
export function requireInstant(value: string, field: string, code: string, message: string): string {
  if (isLocalDate(value)) return endOfShanghaiDay(value);
  if (isIsoInstant(value)) return new Date(instantMs(value)).toISOString();
  throw new DomainError(code, message, 'invalid', field);
}

export function isLater(a: string, b: string): boolean {
  return instantMs(a) > instantMs(b);
}

/** The same moment `years` calendar years on (29 February moves to 1 March), as UTC ISO. */
export function yearsLater(iso: string, years: number): string {
  const date = new Date(instantMs(iso));
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}

/** Adds `reason` only when given, so events carry no `undefined` keys. */
export function withReason<T extends object>(data: T, reason: string | undefined): T & { reason?: string } {
  const text = reason?.trim();
  return text ? { ...data, reason: text } : data;
}

export const STAFF_ROLES = ['staff', 'admin'] as const;
