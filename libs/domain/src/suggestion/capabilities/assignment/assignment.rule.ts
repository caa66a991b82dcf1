import { DecisionContext } from '../../../shared/decider';
import { DomainError, assertNever } from '../../../shared/errors';
import { dueAt } from '../../../rulebook/periods';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { AssignedUnit, AssignmentDeadlines } from '../../values';
import { CommandData } from '../shared/command-data';
import { requireRole, requireStatus, STAFF_ROLES } from '../shared/guards';

export function assign(data: CommandData<'AssignSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'assign.only_staff', '只有代表工作机构工作人员可以交办');
  requireStatus(state, ['accepted'], 'assign.not_accepted', '只有已立案、尚未交办的建议可以交办');
  const units = assignedUnits(data);
  const { rulebook, calendar, now } = ctx;
  const deadlines: AssignmentDeadlines = {
    answerDueAt: dueAt(now, rulebook.answerWithin, calendar),
    extensionMaxAt: dueAt(now, rulebook.extendedAnswerMax, calendar),
    returnDueAt: dueAt(now, rulebook.returnWithin, calendar),
    // Only where a text sets a contact deadline (重庆 第十八条); elsewhere contact has no due time.
    ...(rulebook.contactWithin ? { contactDueAt: dueAt(now, rulebook.contactWithin, calendar) } : {}),
    ...(data.mode === 'lead' ? { coOpinionDueAt: dueAt(now, rulebook.coOpinionWithin, calendar) } : {}),
  };
  // After an approved return the new assignment is told apart, so statistics can count returns.
  const type = state.previousAssignments.length > 0 ? 'SuggestionReassigned' : 'SuggestionAssigned';
  return [{ type, data: { mode: data.mode, units, ...deadlines } }];
}

function assignedUnits(data: CommandData<'AssignSuggestion'>): AssignedUnit[] {
  const unitIds = data.unitIds.map((id) => id.trim());
  if (unitIds.some((id) => id === '')) throw invalid('assign.unit_empty', '承办单位不能为空', 'unitIds');
  if (new Set(unitIds).size !== unitIds.length) throw invalid('assign.units_duplicate', '承办单位不能重复', 'unitIds');
  if (data.mode !== 'lead' && data.leadUnitId !== undefined) {
    throw invalid('assign.lead_unit_only_in_lead_mode', '只有主办协办方式才能指定主办单位', 'leadUnitId');
  }
  switch (data.mode) {
    case 'sole':
      if (unitIds.length !== 1) throw invalid('assign.sole_needs_one_unit', '单独办理只能交办给一个承办单位', 'unitIds');
      return [{ unitId: unitIds[0], role: 'sole' }];
    case 'lead': {
      if (unitIds.length < 2) throw invalid('assign.lead_needs_co_units', '主办协办方式需要一个主办单位和至少一个协办单位', 'unitIds');
      const lead = data.leadUnitId?.trim();
      if (!lead || !unitIds.includes(lead)) {
        throw invalid('assign.lead_unit_missing', '主办单位必须是所列承办单位之一', 'leadUnitId');
      }
      return unitIds.map((unitId) => ({ unitId, role: unitId === lead ? 'lead' : 'co' }));
    }
    case 'separate':
      if (unitIds.length < 2) throw invalid('assign.separate_needs_units', '分别办理需要至少两个承办单位', 'unitIds');
      return unitIds.map((unitId) => ({ unitId, role: 'separate' }));
    default:
      return assertNever(data.mode, 'assignment mode');
  }
}

function invalid(code: string, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
