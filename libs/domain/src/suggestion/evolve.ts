import { copyWith } from '../shared/copy-with';
import { assertNever } from '../shared/errors';
import { statusOfUnits } from './assignment-view';
import { markDeadline } from './deadlines/track-obligations';
import { withTrackedDeadlines } from './deadlines/with-tracked-deadlines';
export { withTrackedDeadlines };
import { withRecomputedDeadlines } from './deadlines/apply-recomputed';
import { SuggestionEvent } from './events';
import { Assignment, ExistingSuggestion, Stamped, SuggestionCore, SuggestionState, UnitHandling } from './state';
import { AssignedUnit, AssignmentDeadlines, Satisfaction } from './values';

export const initialSuggestionState = (): SuggestionState => ({ status: 'none' });

/**
 * Folds one event into the state: what the event says (evolveSuggestionFacts), then the deadline
 * bookkeeping that follows from the change (withTrackedDeadlines). Total: an event that does not fit
 * the state (which decide() never produces) leaves the state as it is rather than throwing while a
 * stream is replayed.
 */
export function evolveSuggestion(state: SuggestionState, event: Stamped<SuggestionEvent>): SuggestionState {
  return withTrackedDeadlines(state, evolveSuggestionFacts(state, event), event);
}

/**
 * The first half of evolveSuggestion: the event's own effect, with the deadline log as it was. Only
 * for a caller that runs withTrackedDeadlines on the result at once (a rebuild timing each half);
 * the state in between is not one evolve would ever return.
 */
export function evolveSuggestionFacts(state: SuggestionState, event: Stamped<SuggestionEvent>): SuggestionState {
  return evolveStatus(state, event);
}

function evolveStatus(state: SuggestionState, event: Stamped<SuggestionEvent>): SuggestionState {
  if (event.type === 'SuggestionSubmitted') {
    if (state.status !== 'none') return state;
    const { suggestionId, title, content, leadDeputyId, coSignerIds, hideDeputyName, sessionId, delegationId, delegationHeadId, registeredBy } = event.data;
    return {
      status: 'submitted',
      id: suggestionId,
      title,
      content,
      leadDeputyId,
      coSignerIds: [...coSignerIds],
      submittedAt: event.at,
      urges: [],
      commitments: [],
      decisions: [],
      escalated: false,
      previousAssignments: [],
      // Events from before the flag existed carry no key: they read as "names shown".
      hideDeputyName: hideDeputyName === true,
      disclosure: { status: 'unpublished' },
      sessionId,
      ...(delegationId !== undefined ? { delegationId } : {}),
      ...(delegationHeadId !== undefined ? { delegationHeadId } : {}),
      ...(registeredBy !== undefined ? { registeredBy } : {}),
      deadlineLog: [],
    };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

function evolveExisting(state: ExistingSuggestion, event: Stamped<SuggestionEvent>): SuggestionState {
  switch (event.type) {
    case 'SuggestionSubmitted':
      return state;
    case 'SuggestionAccepted':
      return withStatus(state, {
        status: 'accepted',
        acceptedAt: event.at,
        assignDueAt: event.data.assignDueAt,
        ...(event.data.number !== undefined ? { number: event.data.number } : {}),
      });
    case 'AssignmentScheduled':
      return state.status === 'accepted' ? { ...state, assignDueAt: event.data.assignDueAt } : state;
    case 'SuggestionRejected':
      return withStatus(state, { status: 'rejected', rejectedReason: event.data.reason, rejectedAt: event.at });
    case 'SuggestionAssigned':
    case 'SuggestionReassigned':
      return withStatus(state, { status: 'assigned', assignment: newAssignment(event.data, event.at) });
    case 'ReturnRequested':
      return withAssignment(state, (a) =>
        copyWith(a, { pendingReturn: { unitId: event.data.unitId, reason: event.data.reason, requestedAt: event.at } }),
      );
    case 'ReturnApproved': {
      if (!('assignment' in state) || !state.assignment) return state;
      const { pendingReturn, ...ended } = state.assignment;
      return withStatus(state, {
        status: 'accepted',
        assignDueAt: event.data.assignDueAt,
        decisions: pendingReturn ? [...state.decisions, decision('return', pendingReturn, true, event.at, event.data.reason)] : state.decisions,
        previousAssignments: [...state.previousAssignments, ended],
      });
    }
    case 'ReturnDenied':
      return decideRequest(state, 'return', false, event.at, event.data.reason);
    case 'SuggestionTransferred':
      return withAssignment(state, (a) => transferred(a, event));
    case 'DeputyContacted':
      // The first contact is the one that counts for "contacted before answering".
      return withUnit(state, event.data.unitId, (u) => (u.contactedAt ? u : copyWith(u, { contactedAt: event.at })));
    case 'CoHandlerOpinionSubmitted':
      return withUnit(state, event.data.unitId, (u) => copyWith(u, { coOpinion: { content: event.data.content, submittedAt: event.at } }));
    case 'ExtensionRequested':
      return withAssignment(state, (a) =>
        copyWith(a, {
          pendingExtension: { unitId: event.data.unitId, reason: event.data.reason, requestedAt: event.at, until: event.data.until },
        }),
      );
    case 'ExtensionGranted': {
      const decided = decideRequest(state, 'extension', true, event.at, event.data.reason);
      const { until, lateSince } = event.data;
      return decided.status === 'none'
        ? decided
        : withUnit(decided, event.data.unitId, (u) => ({ ...u, dueAt: until, ...(lateSince && !u.lateSince ? { lateSince } : {}) }));
    }
    case 'ExtensionDenied':
      return decideRequest(state, 'extension', false, event.at, event.data.reason);
    case 'KeySupervisionStarted':
      return copyWith(state, { keySupervision: { ...event.data, startedAt: event.at } });
    case 'SuggestionUrged':
      return { ...state, urges: [...state.urges, { note: event.data.note, urgedAt: event.at, urgedBy: event.by.userId }] };
    case 'SuggestionAnswered':
      return evolveAnswered(state, event);
    case 'SuggestionRated': {
      const { unitId, round, attitude, result, reason } = event.data;
      const dissatisfied = isDissatisfied(attitude) || isDissatisfied(result);
      return withUnit(state, unitId, (u) => ({
        ...u,
        // A dissatisfied rating is a rating: the unit is `rated` until RehandlingStarted sends it back —
        // in the same append where re-handling is automatic, by staff's decision where it is not.
        stage: 'rated',
        ratings: [...u.ratings, { round, attitude, result, ...(reason ? { reason } : {}), ratedAt: event.at, ratedBy: event.by.userId }],
        dissatisfiedCount: u.dissatisfiedCount + (dissatisfied ? 1 : 0),
      }));
    }
    case 'RehandlingStarted':
      // A new round runs on its own due time: the earlier round's lateness does not carry over.
      return withUnit(state, event.data.unitId, ({ feedbackDueAt: _closed, lateSince: _earlierRound, deliveredAt: _delivered, ...u }) => ({
        ...u,
        stage: 'rehandling',
        round: event.data.round,
        dueAt: event.data.dueAt,
      }));
    case 'SuggestionEscalated':
      return { ...state, escalated: true };
    case 'CommitmentFulfilled':
      return {
        ...state,
        commitments: state.commitments.map((c) =>
          c.commitmentId === event.data.commitmentId ? copyWith(c, { fulfilledAt: event.at, evidence: event.data.evidence }) : c,
        ),
      };
    case 'SuggestionWithdrawn':
      return withStatus(state, {
        status: 'withdrawn',
        withdrawnReason: event.data.reason,
        withdrawnAt: event.at,
        ...('assignment' in state && state.assignment ? { assignment: state.assignment } : {}),
      });
    case 'CommitmentFulfilmentRated': {
      const { unitId, rating, reason } = event.data;
      return withUnit(state, unitId, (u) => copyWith(u, { commitmentRating: { rating, ...(reason ? { reason } : {}), ratedAt: event.at } }));
    }
    case 'WithdrawalRequested': {
      const request = { deputyId: event.data.deputyId, reason: event.data.reason, requestedAt: event.at };
      return { ...state, withdrawalRequests: [...(state.withdrawalRequests ?? []), request] };
    }
    case 'SuggestionClosed':
      return 'assignment' in state && state.assignment && state.status !== 'withdrawn'
        ? withStatus(state, { status: 'closed', assignment: state.assignment })
        : state;
    case 'DeadlineReminderRecorded':
      return markDeadline(state, event.data.key, 'remindedAt', event.at);
    case 'DeadlineMissed':
      return markDeadline(state, event.data.key, 'missedAt', event.at);
    case 'FeedbackWindowExpired':
      return withUnit(state, event.data.unitId, (u) =>
        u.stage === 'answered' && u.round === event.data.round ? { ...u, stage: 'not_rated' } : u,
      );
    case 'SuggestionGrouped': {
      const { groupId, primarySuggestionId, memberIds } = event.data;
      return copyWith(state, { groupId, group: { primarySuggestionId, memberIds: [...memberIds], groupedAt: event.at } });
    }
    case 'SuggestionUngrouped': {
      if (state.groupId !== event.data.groupId) return state;
      const { groupId: _groupId, group: _group, ...released } = state;
      return released;
    }
    case 'AnswerPublished':
      return { ...state, disclosure: { status: 'published', at: event.at } };
    case 'DisclosureExempted': {
      const { reason, note } = event.data;
      return { ...state, disclosure: { status: 'exempt', reason, ...(note ? { note } : {}), at: event.at } };
    }
    case 'AttachmentAdded': {
      const { kind, ...ref } = event.data;
      const added = { ...ref, kind, addedAt: event.at, addedBy: event.by.userId, ...(kind === 'letter' && event.by.unitId ? { unitId: event.by.unitId } : {}) };
      return { ...state, attachments: [...(state.attachments ?? []), added] };
    }
    case 'AttachmentDiscarded':
      return {
        ...state,
        attachments: (state.attachments ?? []).map((a) => (a.attachmentId === event.data.attachmentId ? { ...a, discardedAt: event.at } : a)),
      };
    case 'DeadlinesRecomputed':
      return withRecomputedDeadlines(state, event.data.changes);
    case 'AnswerDelivered':
      return event.data.units.reduce<SuggestionState>(
        (s, { unitId, round, feedbackDueAt }) =>
          s.status === 'none'
            ? s
            : withUnit(s, unitId, (u) =>
                u.round !== round || u.deliveredAt !== undefined
                  ? u
                  : { ...u, deliveredAt: event.at, ...(feedbackDueAt !== undefined ? { feedbackDueAt } : {}) },
              ),
        state,
      );
    default:
      return assertNever(event, 'suggestion event');
  }
}

function evolveAnswered(state: ExistingSuggestion, event: Stamped<Extract<SuggestionEvent, { type: 'SuggestionAnswered' }>>): SuggestionState {
  const { unitId, round, category, content, signedBy, commitments, onTime, feedbackDueAt, letters } = event.data;
  const answer = {
    round,
    category,
    content,
    signedBy,
    answeredAt: event.at,
    onTime,
    commitmentIds: commitments.map((c) => c.commitmentId),
    ...(letters && letters.length > 0 ? { letters: letters.map((l) => ({ ...l })) } : {}),
  };
  const made = {
    ...(commitments.length > 0 ? { commitments: [...state.commitments, ...commitments.map((c) => ({ ...c }))] } : {}),
    ...(letters && letters.length > 0 ? { attachments: lettersAnswered(state, letters, round) } : {}),
  };
  if (!('assignment' in state) || !state.assignment) return Object.keys(made).length > 0 ? { ...state, ...made } : state;
  const answerIn = (a: Assignment): Assignment => {
    const units = a.units
      .map((u) => (u.unitId !== unitId ? u : { ...u, stage: 'answered' as const, answers: [...u.answers, answer] }))
      // The round is complete: every answer still waiting for its window gets this one. Windows already
      // open keep their due time (a unit's window runs from the round it answered).
      .map((u) => (feedbackDueAt && u.stage === 'answered' && !u.feedbackDueAt ? copyWith(u, { feedbackDueAt }) : u));
    // An answer makes the unit's open requests moot.
    return copyWith(withoutRequestsOf(a, unitId), { ...(feedbackDueAt ? { feedbackDueAt } : {}), units });
  };
  // The commitments made go into the same copy of the state as the answer.
  return withAssignment(state, answerIn, made);
}

/** The letters an answer carried are no longer pending (group letters from another member are not listed here). */
function lettersAnswered(state: ExistingSuggestion, letters: readonly { attachmentId: string }[], round: number): SuggestionCore['attachments'] {
  const used = new Set(letters.map((l) => l.attachmentId));
  return (state.attachments ?? []).map((a) => (used.has(a.attachmentId) ? { ...a, answeredRound: round } : a));
}

function newAssignment(data: { mode: Assignment['mode']; units: AssignedUnit[] } & AssignmentDeadlines, at: string): Assignment {
  const { mode, units, ...deadlines } = data;
  return {
    mode,
    assignedAt: at,
    deadlines,
    units: units.map(
      (u): UnitHandling => ({
        unitId: u.unitId,
        role: u.role,
        stage: 'handling',
        round: 1,
        // A co-handler owes the lead its opinion, not the deputy an answer: its due time is the opinion's.
        dueAt: u.role === 'co' ? (deadlines.coOpinionDueAt ?? deadlines.answerDueAt) : deadlines.answerDueAt,
        answers: [],
        ratings: [],
        dissatisfiedCount: 0,
      }),
    ),
  };
}

/**
 * 转办: the new unit takes the old one's place (and role) in the list, from scratch on its own clock;
 * the old unit's part is kept in `transfers`, and its open requests are moot. Its obligations end
 * because they are no longer in the state (track-obligations), the new unit's open the same way.
 */
function transferred(a: Assignment, event: Stamped<Extract<SuggestionEvent, { type: 'SuggestionTransferred' }>>): Assignment {
  const { fromUnitId, toUnitId, reason, ...deadlines } = event.data;
  const from = a.units.find((u) => u.unitId === fromUnitId);
  if (!from) return a;
  const to: UnitHandling = {
    unitId: toUnitId,
    role: from.role,
    stage: 'handling',
    round: 1,
    dueAt: from.role === 'co' ? (deadlines.coOpinionDueAt ?? deadlines.answerDueAt) : deadlines.answerDueAt,
    deadlines,
    answers: [],
    ratings: [],
    dissatisfiedCount: 0,
  };
  const transfer = { unit: from, toUnitId, reason, transferredAt: event.at };
  return {
    ...withoutRequestsOf(a, fromUnitId),
    units: a.units.map((u) => (u === from ? to : u)),
    transfers: [...(a.transfers ?? []), transfer],
  };
}

type WithAssignment = Extract<ExistingSuggestion, { assignment: Assignment }>;

/**
 * Applies a change to the current assignment; unit-driven statuses are recomputed afterwards.
 * `more`: other parts of the state the same event changes, set in the same copy of it.
 */
function withAssignment(state: ExistingSuggestion, change: (a: Assignment) => Assignment, more?: Partial<Pick<SuggestionCore, 'commitments' | 'attachments'>>): SuggestionState {
  if (!('assignment' in state) || !state.assignment) return state;
  const assignment = stripUndefined(change(state.assignment));
  if (state.status === 'withdrawn') return { ...state, ...more, assignment };
  const s = state as WithAssignment;
  const status = s.status === 'closed' ? 'closed' : statusOfUnits(assignment);
  return { ...s, ...more, status, assignment };
}

function withUnit(state: ExistingSuggestion, unitId: string, change: (u: UnitHandling) => UnitHandling): SuggestionState {
  if (!('assignment' in state) || !state.assignment) return state;
  const i = state.assignment.units.findIndex((u) => u.unitId === unitId);
  const changed = i < 0 ? undefined : change(state.assignment.units[i]!);
  // Nothing to change (an unknown unit, a second contact): the state stays the very same object.
  if (changed === undefined || changed === state.assignment.units[i]) return state;
  return withAssignment(state, (a) => ({ ...a, units: a.units.map((u, j) => (j === i ? changed : u)) }));
}

function decideRequest(
  state: ExistingSuggestion,
  kind: 'return' | 'extension',
  approved: boolean,
  at: string,
  decisionReason: string | undefined,
): SuggestionState {
  if (!('assignment' in state) || !state.assignment) return state;
  const pending = kind === 'return' ? state.assignment.pendingReturn : state.assignment.pendingExtension;
  if (!pending) return state;
  const cleared = withAssignment(state, ({ pendingReturn, pendingExtension, ...a }) =>
    kind === 'return' ? { ...a, ...(pendingExtension ? { pendingExtension } : {}) } : { ...a, ...(pendingReturn ? { pendingReturn } : {}) },
  );
  if (cleared.status === 'none') return cleared;
  return { ...cleared, decisions: [...cleared.decisions, decision(kind, pending, approved, at, decisionReason)] };
}

function decision(
  kind: 'return' | 'extension',
  pending: { unitId: string; reason: string; requestedAt: string; until?: string },
  approved: boolean,
  decidedAt: string,
  decisionReason: string | undefined,
) {
  return {
    unitId: pending.unitId,
    kind,
    reason: pending.reason,
    ...(pending.until ? { until: pending.until } : {}),
    requestedAt: pending.requestedAt,
    approved,
    decidedAt,
    ...(decisionReason ? { decisionReason } : {}),
  };
}

/**
 * A state of another status: the parts every status shares, then the new status's own fields. The old
 * status's own fields are dropped. One fresh object, built property by property in a fixed order, so
 * states keep few hidden classes and copying them stays cheap (a rebuild copies a state per event).
 */
function withStatus<T extends { status: ExistingSuggestion['status'] }>(state: ExistingSuggestion, own: T): SuggestionCore & T {
  return Object.assign(coreOf(state), own);
}

/**
 * Every field of SuggestionCore, once. `satisfies` makes this list total: a field added to
 * SuggestionCore does not compile until it is named here, and the spec (fold-invariants) checks that
 * a status change keeps every field listed, so coreOf below cannot drop one silently.
 */
export const CORE_FIELDS = {
  id: 'always',
  title: 'always',
  content: 'always',
  leadDeputyId: 'always',
  coSignerIds: 'always',
  submittedAt: 'always',
  acceptedAt: 'when_set',
  keySupervision: 'when_set',
  urges: 'always',
  commitments: 'always',
  decisions: 'always',
  escalated: 'always',
  previousAssignments: 'always',
  hideDeputyName: 'always',
  disclosure: 'always',
  sessionId: 'always',
  number: 'when_set',
  delegationId: 'when_set',
  delegationHeadId: 'when_set',
  registeredBy: 'when_set',
  groupId: 'when_set',
  group: 'when_set',
  deadlineLog: 'always',
  withdrawalRequests: 'when_set',
  attachments: 'when_set',
} as const satisfies Record<keyof SuggestionCore, 'always' | 'when_set'>;

function coreOf(state: ExistingSuggestion): SuggestionCore {
  // Completed below, in the order states have always had their properties; optional ones only when set.
  const core = {
    id: state.id,
    title: state.title,
    content: state.content,
    leadDeputyId: state.leadDeputyId,
    coSignerIds: state.coSignerIds,
    submittedAt: state.submittedAt,
  } as SuggestionCore;
  if (state.acceptedAt) core.acceptedAt = state.acceptedAt;
  if (state.keySupervision) core.keySupervision = state.keySupervision;
  core.urges = state.urges;
  core.commitments = state.commitments;
  core.decisions = state.decisions;
  core.escalated = state.escalated;
  core.previousAssignments = state.previousAssignments;
  core.hideDeputyName = state.hideDeputyName;
  core.disclosure = state.disclosure;
  core.sessionId = state.sessionId;
  if (state.number !== undefined) core.number = state.number;
  if (state.delegationId !== undefined) core.delegationId = state.delegationId;
  if (state.delegationHeadId !== undefined) core.delegationHeadId = state.delegationHeadId;
  if (state.registeredBy !== undefined) core.registeredBy = state.registeredBy;
  if (state.groupId !== undefined) core.groupId = state.groupId;
  if (state.group) core.group = state.group;
  core.deadlineLog = state.deadlineLog;
  if (state.withdrawalRequests) core.withdrawalRequests = state.withdrawalRequests;
  if (state.attachments) core.attachments = state.attachments;
  return core;
}

/** The assignment without the unit's pending requests (the same object when it has none). */
function withoutRequestsOf(assignment: Assignment, unitId: string): Assignment {
  if (assignment.pendingReturn?.unitId !== unitId && assignment.pendingExtension?.unitId !== unitId) return assignment;
  const { pendingReturn, pendingExtension, ...rest } = assignment;
  return {
    ...rest,
    ...(pendingReturn && pendingReturn.unitId !== unitId ? { pendingReturn } : {}),
    ...(pendingExtension && pendingExtension.unitId !== unitId ? { pendingExtension } : {}),
  };
}

/** Keeps `undefined` keys out of the state, so a folded state serialises and compares cleanly. */
function stripUndefined(assignment: Assignment): Assignment {
  // The changes above leave none; a copy is made only for one that would.
  if (!hasUndefinedKey(assignment)) return assignment;
  const copy = { ...assignment };
  if (copy.pendingReturn === undefined) delete copy.pendingReturn;
  if (copy.pendingExtension === undefined) delete copy.pendingExtension;
  if (copy.feedbackDueAt === undefined) delete copy.feedbackDueAt;
  return copy;
}

function hasUndefinedKey(assignment: Assignment): boolean {
  return (
    ('pendingReturn' in assignment && assignment.pendingReturn === undefined) ||
    ('pendingExtension' in assignment && assignment.pendingExtension === undefined) ||
    ('feedbackDueAt' in assignment && assignment.feedbackDueAt === undefined)
  );
}

function isDissatisfied(s: Satisfaction): boolean {
  return s === 'dissatisfied';
}
