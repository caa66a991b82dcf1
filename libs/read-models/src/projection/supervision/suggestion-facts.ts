import {
  nextWakeUp,
  publicView,
  type Assignment,
  type ExistingSuggestion,
  type Rulebook,
  type UnitHandling,
  type UnitRole,
  type WorkingCalendar,
} from '@duban/domain';
import { toIsoInstant } from '../iso-instant';
import { shanghaiDay } from '../shanghai-day';
import { addInto, CATEGORY_COLUMNS, emptyStats, isCountedCategory, STAT_INDEX, type StatVector } from './stat-vector';

/** One unit's part in one assignment (the n-th assignment of the suggestion, from 1). */
export interface HandlingFact {
  seq: number;
  unitId: string;
  role: UnitRole;
  assignedAt: string;
  /** The first columns of a StatVector (the commitment columns stay 0). */
  stats: StatVector;
  /** The answer or re-handling answer owed now, or null. */
  openDue: string | null;
}

export interface CommitmentFact {
  commitmentId: string;
  unitId: string;
  description: string;
  dueAt: string;
  madeAt: string;
  fulfilledAt: string | null;
  evidence: string | null;
  /** The assignment it was made under: the statistics count it in that assignment's period. */
  assignedAt: string;
}

export interface KeyFact {
  supervisorId: string;
  leaderName: string | null;
  urgeCount: number;
  escalated: boolean;
  startedAt: string;
}

/**
 * What the supervision tables hold of one suggestion: a pure function of its folded state (and
 * the rules that place its next wake-up), so the projection writes the difference between the
 * facts of the state it last wrote and those of the new one.
 */
export interface SuggestionFacts {
  handlings: HandlingFact[];
  commitments: CommitmentFact[];
  key: KeyFact | null;
  /**
   * When the scheduler must next run for it; undefined when not worked out (the facts of a state read
   * back from its row only serve to tell what changed: its wake-up is then simply written again).
   */
  wakeAt: string | null | undefined;
  published: { at: string; viewJson: string } | null;
  /** Statistics per `<unitId>\0<assignment day>` (Asia/Shanghai), handlings and commitments added up. */
  contributions: Map<string, StatVector>;
  /** Unfulfilled commitments per `<unitId>\0<assignment day>\0<due month>` (Asia/Shanghai), for "overdue at now". */
  openCommitments: Map<string, number>;
}

export interface FactRules {
  rulebook: Rulebook;
  calendar: WorkingCalendar;
}

/** `rules` null: leave the wake-up out (it is the costly part: working days walked back from each due time). */
export function suggestionFacts(state: ExistingSuggestion, rules: FactRules | null): SuggestionFacts {
  const handlings = handlingFacts(state);
  const commitments = commitmentFacts(state, handlings);
  const wake = rules === null ? undefined : wakeUpOf(state, rules);
  const view = publicView(state);
  return {
    handlings,
    commitments,
    key: keyFact(state),
    wakeAt: wake === undefined || wake === null ? wake : toIsoInstant(wake),
    published: view ? { at: toIsoInstant(view.publishedAt), viewJson: JSON.stringify(view) } : null,
    contributions: contributionsOf(handlings, commitments),
    openCommitments: openCommitmentsOf(commitments),
  };
}

export function contributionKey(unitId: string, day: string): string {
  return `${unitId}\u0000${day}`;
}

function handlingFacts(state: ExistingSuggestion): HandlingFact[] {
  const assignments: Assignment[] = [...state.previousAssignments];
  const current = 'assignment' in state ? state.assignment : undefined;
  if (current) assignments.push(current);
  // Only the current assignment of a suggestion still being handled owes anything.
  const owing = current !== undefined && (state.status === 'assigned' || state.status === 'answered' || state.status === 'rehandling' || state.status === 'rated');
  const facts: HandlingFact[] = [];
  assignments.forEach((assignment, index) => {
    const assignedAt = toIsoInstant(assignment.assignedAt);
    const live = owing && assignment === current;
    const ended = assignment !== current;
    for (const unit of assignment.units) {
      // An assignment ended by an approved return is no longer the unit's to handle: a unit that
      // had not answered under it (the one that returned it, and its fellow units) is not counted
      // as assigned. One that did answer keeps its answer, and with it its assignment, in the figures.
      if (ended && unit.answers.length === 0) continue;
      facts.push({
        seq: index + 1,
        unitId: unit.unitId,
        role: unit.role,
        assignedAt,
        stats: handlingStats(unit),
        openDue: live && unit.role !== 'co' && (unit.stage === 'handling' || unit.stage === 'rehandling') ? toIsoInstant(unit.dueAt) : null,
      });
    }
  });
  return facts;
}

function handlingStats(unit: UnitHandling): StatVector {
  const stats = emptyStats();
  stats[STAT_INDEX.assigned] = 1;
  // Co-handlers send the lead an opinion: they are assigned, but never answer or get rated.
  if (unit.role === 'co') return stats;
  const first = unit.answers[0];
  if (first) {
    stats[STAT_INDEX.answered] = 1;
    if (first.onTime) stats[STAT_INDEX.answered_on_time] = 1;
    if (unit.contactedAt !== undefined && Date.parse(unit.contactedAt) <= Date.parse(first.answeredAt)) stats[STAT_INDEX.contacted] = 1;
    const latest = unit.answers[unit.answers.length - 1]!;
    if (isCountedCategory(latest.category)) stats[STAT_INDEX[CATEGORY_COLUMNS[latest.category]]] = 1;
  }
  for (const rating of unit.ratings) {
    stats[STAT_INDEX.rated]! += 1;
    if (rating.result === 'dissatisfied') stats[STAT_INDEX.dissatisfied]! += 1;
    else stats[STAT_INDEX.satisfied]! += 1;
  }
  stats[STAT_INDEX.rehandlings] = Math.max(0, unit.round - 1);
  return stats;
}

function commitmentFacts(state: ExistingSuggestion, handlings: HandlingFact[]): CommitmentFact[] {
  // A withdrawn suggestion owes nothing (as in the domain's open obligations): its commitments are not followed.
  if (state.status === 'withdrawn') return [];
  return state.commitments.map((c) => {
    const madeAt = toIsoInstant(c.madeAt);
    // The unit's latest assignment made before the commitment: the one it answered under.
    let assignedAt = madeAt;
    for (const h of handlings) if (h.unitId === c.unitId && h.assignedAt <= madeAt) assignedAt = h.assignedAt;
    return {
      commitmentId: c.commitmentId,
      unitId: c.unitId,
      description: c.description,
      dueAt: toIsoInstant(c.dueAt),
      madeAt,
      fulfilledAt: c.fulfilledAt === undefined ? null : toIsoInstant(c.fulfilledAt),
      evidence: c.evidence ?? null,
      assignedAt,
    };
  });
}

function keyFact(state: ExistingSuggestion): KeyFact | null {
  const key = state.keySupervision;
  if (!key) return null;
  return {
    supervisorId: key.supervisorId,
    leaderName: key.leaderName?.trim() ? key.leaderName : null,
    urgeCount: state.urges.length,
    escalated: state.escalated,
    startedAt: toIsoInstant(key.startedAt),
  };
}

function contributionsOf(handlings: HandlingFact[], commitments: CommitmentFact[]): Map<string, StatVector> {
  const sums = new Map<string, StatVector>();
  const at = (unitId: string, instant: string): StatVector => {
    const key = contributionKey(unitId, shanghaiDay(instant));
    let vector = sums.get(key);
    if (!vector) sums.set(key, (vector = emptyStats()));
    return vector;
  };
  for (const h of handlings) addInto(at(h.unitId, h.assignedAt), h.stats);
  for (const c of commitments) {
    const vector = at(c.unitId, c.assignedAt);
    vector[STAT_INDEX.commitments_made]! += 1;
    if (c.fulfilledAt !== null) vector[STAT_INDEX.commitments_fulfilled]! += 1;
  }
  return sums;
}

function openCommitmentsOf(commitments: CommitmentFact[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of commitments) {
    if (c.fulfilledAt !== null) continue;
    const key = `${contributionKey(c.unitId, shanghaiDay(c.assignedAt))}\u0000${dueMonthOf(c.dueAt)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** 24:00 of 9999-12-30 in Beijing: the latest due time whose day the working calendar can step back from. */
const LAST_STEPPABLE_DUE_MS = Date.parse('9999-12-30T16:00:00.000Z');
const FOUR_DIGIT_MONTH = /^\d{4}-\d{2}$/;

/**
 * The Beijing month of a due time, as `YYYY-MM` text that orders like time. A due time late on
 * 9999-12-31 (UTC) is already in year 10000 in Beijing, whose expanded form (`+010000-01`) would
 * sort before every real month and count as overdue: it is clamped to 9999-12, the last month text
 * can order (for the statistics such a commitment is simply never overdue).
 */
export function dueMonthOf(dueAt: string): string {
  const month = shanghaiDay(dueAt).slice(0, 7);
  if (FOUR_DIGIT_MONTH.test(month)) return month;
  return month.startsWith('-') ? '0000-01' : '9999-12';
}

/**
 * The scheduler's next wake-up. The domain's calendar arithmetic works on four-digit years, so a
 * due time it cannot step back from (its day is in year 10000 in Beijing) would throw; such a due
 * time is clamped to the last one it can (its reminder then falls at the end of 9999, which no
 * scheduler reaches), and every other obligation of the suggestion keeps its real wake-up.
 */
function wakeUpOf(state: ExistingSuggestion, rules: FactRules): string | null {
  try {
    return nextWakeUp(state, rules.rulebook, rules.calendar);
  } catch (error) {
    const clamped = clampFarInstants(state);
    if (clamped === null) throw error;
    return nextWakeUp(clamped, rules.rulebook, rules.calendar);
  }
}

const ISO_INSTANT_TEXT = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A copy of the state with every instant after LAST_STEPPABLE_DUE_MS set to it, or null when there is none. */
function clampFarInstants(state: ExistingSuggestion): ExistingSuggestion | null {
  let clampedAny = false;
  const last = new Date(LAST_STEPPABLE_DUE_MS).toISOString();
  const copy = JSON.parse(JSON.stringify(state), (_key, value: unknown) => {
    if (typeof value !== 'string' || !ISO_INSTANT_TEXT.test(value)) return value;
    const ms = Date.parse(value);
    if (Number.isNaN(ms) || ms <= LAST_STEPPABLE_DUE_MS) return value;
    clampedAny = true;
    return last;
  }) as ExistingSuggestion;
  return clampedAny ? copy : null;
}
