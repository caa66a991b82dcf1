import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { currentAssignment, findUnit } from '../../assignment-view';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { AttachmentKind, AttachmentRef } from '../../values';
import { CommandData } from '../shared/command-data';
import { isLater, STAFF_ROLES } from '../shared/guards';

/** Enough for the photos and letters of one suggestion, and a bound on what its state carries. */
export const MAX_ATTACHMENTS_PER_SUGGESTION = 100;

/** The suggestion an attachment id belongs to: ids are `<suggestionId>_<random>`. */
export function suggestionIdOfAttachment(attachmentId: string): string | null {
  const cut = attachmentId.lastIndexOf('_');
  return cut > 0 ? attachmentId.slice(0, cut) : null;
}

/**
 * 上传附件: the lead deputy and co-signers (photos, materials), staff (materials received on paper),
 * and a unit of the current assignment (its answer letter, pending until an answer carries it).
 * A withdrawn or closed suggestion takes no more files.
 */
export function addAttachment(data: CommandData<'AddAttachment'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  const kind = attachmentKindFor(state, ctx);
  if (state.status === 'withdrawn' || state.status === 'closed' || state.status === 'rejected') {
    throw new DomainError('attachment.suggestion_finished', '已撤回、已办结或不予立案的建议不能再上传附件', 'conflict');
  }
  const existing = state.attachments ?? [];
  if (existing.some((a) => a.attachmentId === data.attachmentId)) return [];
  if (existing.filter((a) => a.discardedAt === undefined).length >= MAX_ATTACHMENTS_PER_SUGGESTION) {
    throw new DomainError('attachment.too_many', `每件建议最多 ${MAX_ATTACHMENTS_PER_SUGGESTION} 个附件`, 'conflict');
  }
  if (suggestionIdOfAttachment(data.attachmentId) !== state.id) {
    throw new DomainError('attachment.wrong_suggestion', '附件编号不属于这件建议', 'invalid', 'attachmentId');
  }
  return [{ type: 'AttachmentAdded', data: { ...data, kind } }];
}

function attachmentKindFor(state: ExistingSuggestion, ctx: DecisionContext): AttachmentKind {
  const actor = ctx.actor;
  if (actor.role === 'deputy' && (state.leadDeputyId === actor.userId || state.coSignerIds.includes(actor.userId))) return 'material';
  if ((STAFF_ROLES as readonly string[]).includes(actor.role)) return 'material';
  if (actor.role === 'unit' && findUnit(currentAssignment(state), actor.unitId)) return 'letter';
  throw new DomainError('attachment.not_allowed', '只有提出建议的代表、被交办的承办单位和工作人员可以上传附件', 'forbidden');
}

/** The grace period ran out for a letter no answer used: it leaves the suggestion (system only). */
export function discardAttachment(data: CommandData<'DiscardAttachment'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  if (ctx.actor.role !== 'system') throw new DomainError('attachment.discard_system_only', '只有系统可以清理未使用的附件', 'forbidden');
  const found = (state.attachments ?? []).find((a) => a.attachmentId === data.attachmentId);
  if (!found || found.kind !== 'letter' || found.answeredRound !== undefined || found.discardedAt !== undefined) return [];
  if (isLater(found.addedAt, data.uploadedBefore)) return [];
  return [{ type: 'AttachmentDiscarded', data: { attachmentId: found.attachmentId, sha256: found.sha256 } }];
}

/**
 * The letters an answer carries: pending letters the answering unit uploaded to this suggestion, or,
 * for a group answer (并案), letters uploaded to another member of the same group, which the api read
 * from that member's stream and passes in `groupLetters`.
 */
export function lettersForAnswer(data: CommandData<'AnswerSuggestion'>, state: ExistingSuggestion, unitId: string, ctx: DecisionContext): AttachmentRef[] {
  const ids = [...new Set(data.attachmentIds ?? [])];
  const letters = ids.map((id, i): AttachmentRef => {
    const own = (state.attachments ?? []).find((a) => a.attachmentId === id);
    if (own) {
      if (own.kind !== 'letter' || own.unitId !== unitId || own.discardedAt !== undefined) {
        throw new DomainError('answer.letter_not_usable', '只能附上本单位为这件建议上传、尚未被清理的答复函', 'invalid', `attachmentIds.${i}`);
      }
      const { attachmentId, sha256, name, size, contentType } = own;
      return { attachmentId, sha256, name, size, contentType };
    }
    const fromGroup = (data.groupLetters ?? []).find((l) => l.attachmentId === id);
    const member = suggestionIdOfAttachment(id);
    if (fromGroup && member !== null && state.group?.memberIds.includes(member)) return { ...fromGroup };
    throw new DomainError('answer.letter_not_found', '附件不存在或不属于这件建议', 'invalid', `attachmentIds.${i}`);
  });
  if (ctx.rulebook.answerRequiresLetter && letters.length === 0) {
    throw new DomainError('answer.letter_required', '按本地规定，答复须附单位签发的答复函，请先上传', 'invalid', 'attachmentIds');
  }
  return letters;
}
