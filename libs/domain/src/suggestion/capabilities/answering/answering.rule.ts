import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { findAnswerCategory } from '../../../rulebook/get-rulebook';
import { answeringUnits, deadlinesOf } from '../../assignment-view';
import { SuggestionEvent } from '../../events';
import { Assignment, ExistingSuggestion, UnitHandling } from '../../state';
import { Commitment } from '../../values';
import { lettersForAnswer } from '../attachments/attachments.rule';
import { CommandData } from '../shared/command-data';
import { feedbackWindowEnd } from '../shared/feedback-window';
import { isLater, requireAssignedUnit, requireInstant, requireStatus, requireText, yearsLater } from '../shared/guards';

type AnsweredData = Extract<SuggestionEvent, { type: 'SuggestionAnswered' }>['data'];

/**
 * How far ahead a commitment may fall due. A promise for the next decade is still followed up; one
 * for the year 9999 is not a commitment anyone can be held to, and would sit in every ledger forever.
 */
export const COMMITMENT_HORIZON_YEARS = 10;

/** 答复: the answering unit's signed answer, with commitments for B and C answers. */
export function answer(data: CommandData<'AnswerSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  const { assignment, unit } = requireAssignedUnit(state, ctx.actor, 'answer.not_assigned_unit', '只有被交办的承办单位可以答复');
  if (unit.role === 'co') {
    throw new DomainError('answer.co_handler_cannot_answer', '协办单位不直接答复代表，请向主办单位提交协办意见', 'forbidden');
  }
  requireStatus(state, ['assigned', 'rehandling'], 'answer.not_open', '只有办理中或重新办理中的建议可以答复');
  if (unit.stage !== 'handling' && unit.stage !== 'rehandling') {
    throw new DomainError('answer.already_answered', '本单位本轮已经答复，等待代表评价', 'conflict');
  }
  requirePreconditions(assignment, unit, ctx);
  const category = findAnswerCategory(ctx.rulebook, data.category);
  if (!category) {
    const codes = ctx.rulebook.answerCategories.map((c) => c.code).join('、');
    throw new DomainError('answer.unknown_category', `答复类别必须是 ${codes} 之一`, 'invalid', 'category');
  }
  const content = requireText(data.content, 'content', 'answer.content_required', '答复内容不能为空');
  const signedBy = requireText(data.signedBy, 'signedBy', 'answer.signer_required', '答复须由单位主要负责人签发，请填写签发人');
  if (category.requiresCommitments && data.commitments.length === 0) {
    throw new DomainError(
      'answer.commitments_required',
      `${category.code}类答复（${category.label}）必须列明承诺事项和完成时限`,
      'invalid',
      'commitments',
    );
  }

  const commitments: Omit<Commitment, 'fulfilledAt' | 'evidence'>[] = data.commitments.map((input, i) => {
    const description = requireText(input.description, `commitments.${i}.description`, 'answer.commitment_description_required', '承诺事项内容不能为空');
    const dueField = `commitments.${i}.dueAt`;
    const due = requireInstant(input.dueAt, dueField, 'answer.commitment_due_invalid', '承诺事项完成时限格式不正确');
    if (!isLater(due, ctx.now)) {
      throw new DomainError('answer.commitment_due_in_past', '承诺事项的完成时限必须晚于答复时间', 'invalid', dueField);
    }
    if (isLater(due, yearsLater(ctx.now, COMMITMENT_HORIZON_YEARS))) {
      throw new DomainError(
        'answer.commitment_due_too_far',
        `承诺事项的完成时限不能晚于答复后 ${COMMITMENT_HORIZON_YEARS} 年`,
        'invalid',
        dueField,
      );
    }
    return {
      commitmentId: `C${state.commitments.length + i + 1}`,
      unitId: unit.unitId,
      description,
      dueAt: due,
      madeAt: ctx.now,
    };
  });

  const letters = lettersForAnswer(data, state, unit.unitId, ctx);

  // Does this answer complete the round? Then the deputy's feedback window opens now.
  const completes = answeringUnits(assignment).every(
    (u) => u.unitId === unit.unitId || u.stage === 'answered' || u.stage === 'rated' || u.stage === 'not_rated',
  );
  const event: AnsweredData = {
    unitId: unit.unitId,
    round: unit.round,
    category: category.code,
    content,
    signedBy,
    commitments,
    // An extension asked for after the due time had passed moves the due time, not the lateness.
    onTime: !isLater(ctx.now, unit.dueAt) && unit.lateSince === undefined,
    ...(completes ? { feedbackDueAt: feedbackWindowEnd(ctx.now, undefined, ctx.rulebook, ctx.calendar) } : {}),
    ...(letters.length > 0 ? { letters } : {}),
  };
  return [{ type: 'SuggestionAnswered', data: event }];
}

/**
 * What must come before a first answer, per the rulebook: contact with the deputy (代表法 第五十一条
 * and the local articles) and, for a lead unit, the co-handlers' opinions its answer must reflect
 * (沪 第十七条, 鲁 第二十一条, 青 第二十四条, 浙 第十八条, 豫 第十八条, 渝 第二十条). `block` refuses the
 * answer; `warn` lets it through, and the state shows what was missing (contactedAt, coOpinion), as
 * the contact rate counts it. A co-handler that lets its own deadline pass does not hold the lead's
 * answer hostage.
 */
function requirePreconditions(assignment: Assignment, unit: UnitHandling, ctx: DecisionContext): void {
  if (unit.stage !== 'handling') return;
  if (unit.contactedAt === undefined && ctx.rulebook.contactBeforeAnswer === 'block') {
    throw new DomainError('answer.contact_required', '答复前须先与代表联系沟通，请先登记联系代表情况', 'conflict');
  }
  if (unit.role === 'lead' && ctx.rulebook.coOpinionsBeforeLeadAnswer === 'block') {
    const stillDue = assignment.units.filter((u) => {
      if (u.role !== 'co' || u.coOpinion) return false;
      const due = deadlinesOf(assignment, u).coOpinionDueAt;
      return due !== undefined && !isLater(ctx.now, due);
    });
    if (stillDue.length > 0) {
      throw new DomainError(
        'answer.co_opinions_pending',
        `主办单位答复应当说明协办单位的意见：尚有 ${stillDue.length} 个协办单位的意见未到，且协办期限未满`,
        'conflict',
      );
    }
  }
}
