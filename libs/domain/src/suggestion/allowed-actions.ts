import { DecisionContext } from '../shared/decider';
import { SuggestionCommand } from './commands';
import { decideSuggestion } from './decide';
import { answeringUnits, currentAssignment, deadlinesOf, findUnit } from './assignment-view';
import { SuggestionState } from './state';
import { SUGGESTION_ACTIONS, SuggestionAction } from './suggestion-actions';

type ExistingState = Exclude<SuggestionState, { status: 'none' }>;

/**
 * Representative commands for one action on this state: data a form could send and the rules'
 * data checks accept, so that only who-may and when-may decide. More than one when the rules look
 * at which unit or commitment is meant (a deputy may rate one unit of a separate assignment but not
 * yet another; a unit may fulfil its own commitment and not another unit's).
 *
 * A Record over every action: a new route command does not compile until it says how to probe it.
 */
export const ACTION_PROBES: Readonly<Record<SuggestionAction, (state: ExistingState, ctx: DecisionContext) => SuggestionCommand[]>> = {
  accept: () => [{ type: 'AcceptSuggestion', data: {} }],
  reject: () => [{ type: 'RejectSuggestion', data: { reason: PROBE_TEXT } }],
  // The unit named does not matter to the rules (the api checks it exists before deciding).
  assign: () => [{ type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['probe-unit'] } }],
  requestReturn: () => [{ type: 'RequestReturn', data: { reason: PROBE_TEXT } }],
  decideReturn: () => [{ type: 'DecideReturn', data: { approve: false } }],
  // Each unit of the assignment in turn (the rules decide which may be handed on); the unit it goes to
  // does not matter to them (the api checks it exists before deciding).
  transfer: (state) =>
    (currentAssignment(state)?.units ?? []).map((u) => ({
      type: 'TransferSuggestion',
      data: { fromUnitId: u.unitId, toUnitId: 'probe-unit', reason: PROBE_TEXT },
    })),
  contact: () => [{ type: 'ContactDeputy', data: { method: PROBE_TEXT, summary: PROBE_TEXT } }],
  coOpinion: () => [{ type: 'SubmitCoHandlerOpinion', data: { content: PROBE_TEXT } }],
  // The latest time an extension may reach: if even that is refused, no extension is possible.
  requestExtension: (state, ctx) => {
    const assignment = currentAssignment(state);
    if (!assignment) return [];
    const unit = findUnit(assignment, ctx.actor.role === 'unit' ? ctx.actor.unitId : undefined);
    const max = (unit ? deadlinesOf(assignment, unit) : assignment.deadlines).extensionMaxAt;
    return [{ type: 'RequestExtension', data: { reason: PROBE_TEXT, until: max } }];
  },
  decideExtension: () => [{ type: 'DecideExtension', data: { approve: false } }],
  supervise: () => [{ type: 'StartKeySupervision', data: { supervisorId: 'probe-supervisor' } }],
  urge: () => [{ type: 'UrgeSuggestion', data: { note: PROBE_TEXT } }],
  answer: (_state, ctx) => {
    // A category without commitments when the rulebook has one, else one commitment due tomorrow.
    const category = ctx.rulebook.answerCategories.find((c) => !c.requiresCommitments) ?? ctx.rulebook.answerCategories[0];
    if (!category) return [];
    const commitments = category.requiresCommitments
      ? [{ description: PROBE_TEXT, dueAt: new Date(Date.parse(ctx.now) + DAY_MS).toISOString() }]
      : [];
    return [{ type: 'AnswerSuggestion', data: { category: category.code, content: PROBE_TEXT, signedBy: PROBE_TEXT, commitments } }];
  },
  rate: (state) => {
    const satisfied = { attitude: 'satisfied', result: 'satisfied' } as const;
    const assignment = currentAssignment(state);
    if (assignment?.mode !== 'separate') return [{ type: 'RateSuggestion', data: satisfied }];
    return answeringUnits(assignment).map((u) => ({ type: 'RateSuggestion', data: { ...satisfied, unitId: u.unitId } }));
  },
  fulfilCommitment: (state, ctx) =>
    state.commitments
      // Only the actor's own open commitments can pass; trying the others would only cost time.
      .filter((c) => c.fulfilledAt === undefined && (ctx.actor.role !== 'unit' || c.unitId === ctx.actor.unitId))
      .slice(0, 1)
      .map((c) => ({ type: 'FulfilCommitment', data: { commitmentId: c.commitmentId, evidence: PROBE_TEXT } })),
  rehandle: (state) => {
    const assignment = currentAssignment(state);
    if (assignment?.mode !== 'separate') return [{ type: 'StartRehandling', data: { reason: PROBE_TEXT } }];
    return answeringUnits(assignment).map((u) => ({ type: 'StartRehandling', data: { reason: PROBE_TEXT, unitId: u.unitId } }));
  },
  rateCommitments: (state) => {
    const assignment = currentAssignment(state);
    if (assignment?.mode !== 'separate') return [{ type: 'RateCommitmentFulfilment', data: { rating: 'satisfied' } }];
    return answeringUnits(assignment).map((u) => ({ type: 'RateCommitmentFulfilment', data: { rating: 'satisfied', unitId: u.unitId } }));
  },
  withdraw: () => [{ type: 'WithdrawSuggestion', data: { reason: PROBE_TEXT } }],
  close: () => [{ type: 'CloseSuggestion', data: {} }],
  publish: () => [{ type: 'PublishAnswer', data: {} }],
  exempt: () => [{ type: 'ExemptFromDisclosure', data: { reason: 'privacy' } }],
  attachments: (state) => [
    { type: 'AddAttachment', data: { attachmentId: `${state.id}_probe`, sha256: '0'.repeat(64), name: PROBE_TEXT, size: 1, contentType: 'application/pdf' } },
  ],
  acknowledgeAnswer: () => [{ type: 'AcknowledgeAnswer', data: {} }],
};

const PROBE_TEXT = '试探';
const DAY_MS = 86_400_000;

/**
 * The actions this actor may take on this suggestion now, in SUGGESTION_ACTIONS order: each action's
 * probe commands are run through the real decider, and the action is allowed when one of them
 * returns events. Any refusal (not this person, not now, nothing left to do) leaves it out, so the
 * web app shows exactly the buttons the decider would accept and re-codes no rule.
 * Pure; costs one decide() per probe (tens of microseconds for a whole detail).
 */
export function allowedActions(state: SuggestionState, ctx: DecisionContext): SuggestionAction[] {
  if (state.status === 'none') return [];
  const allowed: SuggestionAction[] = [];
  // Most probes are refused, and a refusal is a thrown DomainError: capturing its stack trace was
  // most of the cost (235 µs a detail with it, see the spec's timing). Nobody reads these stacks.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const action of SUGGESTION_ACTIONS) {
      if (ACTION_PROBES[action](state, ctx).some((command) => accepts(command, state, ctx))) allowed.push(action);
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return allowed;
}

function accepts(command: SuggestionCommand, state: SuggestionState, ctx: DecisionContext): boolean {
  try {
    return decideSuggestion(command, state, ctx).length > 0;
  } catch {
    // A DomainError is the rules saying no; anything else is a bug the command itself would meet
    // too: neither may turn into a button.
    return false;
  }
}
