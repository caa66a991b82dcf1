import { assertNever } from '../shared/errors';
import { statusOfUnits } from './assignment-view';
import { markDeadline, trackObligations } from './deadlines/track-obligations';
import { SuggestionEvent } from './events';
import { Assignment, ExistingSuggestion, Stamped, SuggestionState, UnitHandling } from './state';
import { AssignedUnit, AssignmentDeadlines, Satisfaction } from './values';

export const initialSuggestionState = (): SuggestionState => ({ status: 'none' });

/**
 * Folds one event into the state. Total: an event that does not fit the state (which decide()
 * never produces) leaves the state as it is rather than throwing while a stream is replayed.
 */
export function evolveSuggestion(state: SuggestionState, event: Stamped<SuggestionEvent>): SuggestionState {
  const next = evolveStatus(state, event);
  // Obligations follow from the state: only a changed state can open or close one.
  return next === state || next.status === 'none' ? next : trackObligations(next, event);
}

function evolveStatus(state: SuggestionState, event: Stamped<SuggestionEvent>): SuggestionState {
  if (event.type === 'SuggestionSubmitted') {
    if (state.status !== 'none') return state;
    const { suggestionId, title, content, leadDeputyId, coSignerIds, hideDeputyName } = event.data;
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
      obligationLog: [],
    };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

function evolveExisting(state: ExistingSuggestion, event: Stamped<SuggestionEvent>): SuggestionState {
  const core = coreOf(state);
  switch (event.type) {
    case 'SuggestionSubmitted':
      return state;
    case 'SuggestionAccepted':
      return { ...core, status: 'accepted', acceptedAt: event.at, assignDueAt: event.data.assignDueAt };
    case 'SuggestionRejected':
      return { ...core, status: 'rejected', rejectedReason: event.data.reason, rejectedAt: event.at };
    case 'SuggestionAssigned':
    case 'SuggestionReassigned':
      return { ...core, status: 'assigned', assignment: newAssignment(event.data, event.at) };
    case 'ReturnRequested':
      return withAssignment(state, (a) => ({
        ...a,
        pendingReturn: { unitId: event.data.unitId, reason: event.data.reason, requestedAt: event.at },
      }));
    case 'ReturnApproved': {
      if (!('assignment' in state) || !state.assignment) return state;
      const { pendingReturn, ...ended } = state.assignment;
      return {
        ...core,
        status: 'accepted',
        assignDueAt: event.data.assignDueAt,
        decisions: pendingReturn ? [...core.decisions, decision('return', pendingReturn, true, event.at, event.data.reason)] : core.decisions,
        previousAssignments: [...core.previousAssignments, ended],
      };
    }
    case 'ReturnDenied':
      return decideRequest(state, 'return', false, event.at, event.data.reason);
    case 'DeputyContacted':
      // The first contact is the one that counts for "contacted before answering".
      return withUnit(state, event.data.unitId, (u) => (u.contactedAt ? u : { ...u, contactedAt: event.at }));
    case 'CoHandlerOpinionSubmitted':
      return withUnit(state, event.data.unitId, (u) => ({ ...u, coOpinion: { content: event.data.content, submittedAt: event.at } }));
    case 'ExtensionRequested':
      return withAssignment(state, (a) => ({
        ...a,
        pendingExtension: { unitId: event.data.unitId, reason: event.data.reason, requestedAt: event.at, until: event.data.until },
      }));
    case 'ExtensionGranted': {
      const decided = decideRequest(state, 'extension', true, event.at, event.data.reason);
      return decided.status === 'none' ? decided : withUnit(decided, event.data.unitId, (u) => ({ ...u, dueAt: event.data.until }));
    }
    case 'ExtensionDenied':
      return decideRequest(state, 'extension', false, event.at, event.data.reason);
    case 'KeySupervisionStarted':
      return { ...state, keySupervision: { ...event.data, startedAt: event.at } };
    case 'SuggestionUrged':
      return { ...state, urges: [...state.urges, { note: event.data.note, urgedAt: event.at, urgedBy: event.by.userId }] };
    case 'SuggestionAnswered':
      return evolveAnswered(state, event);
    case 'SuggestionRated': {
      const { unitId, round, attitude, result, reason } = event.data;
      const dissatisfied = isDissatisfied(attitude) || isDissatisfied(result);
      return withUnit(state, unitId, (u) => ({
        ...u,
        // A dissatisfied unit stays `answered` until RehandlingStarted (same append) sends it back.
        stage: dissatisfied ? u.stage : 'rated',
        ratings: [...u.ratings, { round, attitude, result, ...(reason ? { reason } : {}), ratedAt: event.at, ratedBy: event.by.userId }],
        dissatisfiedCount: u.dissatisfiedCount + (dissatisfied ? 1 : 0),
      }));
    }
    case 'RehandlingStarted':
      return withUnit(state, event.data.unitId, ({ feedbackDueAt: _closed, ...u }) => ({
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
          c.commitmentId === event.data.commitmentId ? { ...c, fulfilledAt: event.at, evidence: event.data.evidence } : c,
        ),
      };
    case 'SuggestionWithdrawn':
      return {
        ...core,
        status: 'withdrawn',
        withdrawnReason: event.data.reason,
        withdrawnAt: event.at,
        ...('assignment' in state && state.assignment ? { assignment: state.assignment } : {}),
      };
    case 'SuggestionClosed':
      return 'assignment' in state && state.assignment && state.status !== 'withdrawn'
        ? { ...core, status: 'closed', assignment: state.assignment }
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
      return { ...state, groupId, group: { primarySuggestionId, memberIds: [...memberIds], groupedAt: event.at } };
    }
    case 'AnswerPublished':
      return { ...state, disclosure: { status: 'published', at: event.at } };
    case 'DisclosureExempted': {
      const { reason, note } = event.data;
      return { ...state, disclosure: { status: 'exempt', reason, ...(note ? { note } : {}), at: event.at } };
    }
    default:
      return assertNever(event, 'suggestion event');
  }
}

function evolveAnswered(state: ExistingSuggestion, event: Stamped<Extract<SuggestionEvent, { type: 'SuggestionAnswered' }>>): SuggestionState {
  const { unitId, round, category, content, signedBy, commitments, onTime, feedbackDueAt } = event.data;
  const answered = withAssignment(
    state,
    (a) => ({
      ...a,
      // An answer makes the unit's open requests moot.
      pendingReturn: a.pendingReturn?.unitId === unitId ? undefined : a.pendingReturn,
      pendingExtension: a.pendingExtension?.unitId === unitId ? undefined : a.pendingExtension,
      ...(feedbackDueAt ? { feedbackDueAt } : {}),
      units: a.units
        .map((u) =>
          u.unitId !== unitId
            ? u
            : {
                ...u,
                stage: 'answered' as const,
                answers: [
                  ...u.answers,
                  { round, category, content, signedBy, answeredAt: event.at, onTime, commitmentIds: commitments.map((c) => c.commitmentId) },
                ],
              },
        )
        // The round is complete: every answer still waiting for its window gets this one. Windows already
        // open keep their due time (a unit's window runs from the round it answered).
        .map((u) => (feedbackDueAt && u.stage === 'answered' && !u.feedbackDueAt ? { ...u, feedbackDueAt } : u)),
    }),
  );
  if (answered.status === 'none') return answered;
  return { ...answered, commitments: [...answered.commitments, ...commitments.map((c) => ({ ...c }))] };
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

type WithAssignment = Extract<ExistingSuggestion, { assignment: Assignment }>;

/** Applies a change to the current assignment; unit-driven statuses are recomputed afterwards. */
function withAssignment(state: ExistingSuggestion, change: (a: Assignment) => Assignment): SuggestionState {
  if (!('assignment' in state) || !state.assignment) return state;
  const assignment = stripUndefined(change(state.assignment));
  if (state.status === 'withdrawn') return { ...state, assignment };
  const s = state as WithAssignment;
  const status = s.status === 'closed' ? 'closed' : statusOfUnits(assignment);
  return { ...s, status, assignment };
}

function withUnit(state: ExistingSuggestion, unitId: string, change: (u: UnitHandling) => UnitHandling): SuggestionState {
  return withAssignment(state, (a) => ({ ...a, units: a.units.map((u) => (u.unitId === unitId ? change(u) : u)) }));
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
  const cleared = withAssignment(state, (a) =>
    kind === 'return' ? { ...a, pendingReturn: undefined } : { ...a, pendingExtension: undefined },
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

/** The parts every status shares, so a status change keeps them and drops the old status's own fields. */
function coreOf(state: ExistingSuggestion) {
  const {
    id,
    title,
    content,
    leadDeputyId,
    coSignerIds,
    submittedAt,
    acceptedAt,
    keySupervision,
    urges,
    commitments,
    decisions,
    escalated,
    previousAssignments,
    hideDeputyName,
    disclosure,
    groupId,
    group,
    obligationLog,
  } = state;
  return {
    id,
    title,
    content,
    leadDeputyId,
    coSignerIds,
    submittedAt,
    ...(acceptedAt ? { acceptedAt } : {}),
    ...(keySupervision ? { keySupervision } : {}),
    urges,
    commitments,
    decisions,
    escalated,
    previousAssignments,
    hideDeputyName,
    disclosure,
    ...(groupId !== undefined ? { groupId } : {}),
    ...(group ? { group } : {}),
    obligationLog,
  };
}

/** Keeps `undefined` keys out of the state, so a folded state serialises and compares cleanly. */
function stripUndefined(assignment: Assignment): Assignment {
  const copy = { ...assignment };
  if (copy.pendingReturn === undefined) delete copy.pendingReturn;
  if (copy.pendingExtension === undefined) delete copy.pendingExtension;
  if (copy.feedbackDueAt === undefined) delete copy.feedbackDueAt;
  return copy;
}

function isDissatisfied(s: Satisfaction): boolean {
  return s === 'dissatisfied';
}
