import { LEGACY_SESSION_ID } from '../session/events';
import { Actor } from '../shared/actor';
import { SuggestionEvent } from '../suggestion/events';
import { Stamped } from '../suggestion/state';
import { AssignmentDeadlines, Satisfaction } from '../suggestion/values';

/** People of the stories the specs tell. */
export const leadDeputy: Actor = { userId: 'd-li', role: 'deputy' };
export const coSigner: Actor = { userId: 'd-wang', role: 'deputy' };
export const otherDeputy: Actor = { userId: 'd-sun', role: 'deputy' };
export const staff: Actor = { userId: 's-zhao', role: 'staff' };
export const admin: Actor = { userId: 'admin', role: 'admin' };
export const supervisor: Actor = { userId: 'sv-qian', role: 'supervisor' };

export const TRANSPORT = 'u-transport';
export const EDUCATION = 'u-education';
export const HEALTH = 'u-health';
export const unitUser = (unitId: string): Actor => ({ userId: `${unitId}-clerk`, role: 'unit', unitId });

/** Instants of the story (2026, Asia/Shanghai morning = UTC 01:00–02:00). */
export const T = {
  /** Mon 2026-03-02 09:00 */
  submitted: '2026-03-02T01:00:00.000Z',
  /** Tue 2026-03-03 10:00 */
  accepted: '2026-03-03T02:00:00.000Z',
  /** Thu 2026-03-05 10:00 */
  assigned: '2026-03-05T02:00:00.000Z',
  /** Tue 2026-03-10 10:00 */
  early: '2026-03-10T02:00:00.000Z',
  /** Wed 2026-04-15 10:00 */
  answered: '2026-04-15T02:00:00.000Z',
  /** Mon 2026-04-20 10:00 */
  rated: '2026-04-20T02:00:00.000Z',
  /** Mon 2026-05-11 10:00 */
  reanswered: '2026-05-11T02:00:00.000Z',
  /** Mon 2026-05-18 10:00 */
  rerated: '2026-05-18T02:00:00.000Z',
} as const;

/** 10 working days from Mon 03-02: 03-03 … 03-16. */
export const ASSIGN_DUE_AT = '2026-03-16T16:00:00.000Z';

/** National deadlines of an assignment made at T.assigned (Thu 2026-03-05). */
export const DEADLINES: AssignmentDeadlines = {
  /** 3 months: Fri 06-05. */
  answerDueAt: '2026-06-05T16:00:00.000Z',
  /** 6 months: 09-05 is a Saturday, so Mon 09-07. */
  extensionMaxAt: '2026-09-07T16:00:00.000Z',
  /** 10 working days: 03-06, 09–13, 16–19. */
  returnDueAt: '2026-03-19T16:00:00.000Z',
  /** 20 working days: Thu 04-02, before Qingming. */
  contactDueAt: '2026-04-02T16:00:00.000Z',
};
/** 1 month: 04-05 is Qingming (04-04…06 off), so Tue 04-07. */
export const CO_OPINION_DUE_AT = '2026-04-07T16:00:00.000Z';
/** 15 working days from Wed 04-15 across Labour Day (05-01…05 off) to the worked Sat 05-09. */
export const FEEDBACK_DUE_AT = '2026-05-09T16:00:00.000Z';
/** 1 month from Mon 04-20: Wed 05-20. */
export const REHANDLING_DUE_AT = '2026-05-20T16:00:00.000Z';

export const SUGGESTION_ID = 'S-2026-0001';

export function stamp(event: SuggestionEvent, at: string, by: Actor): Stamped<SuggestionEvent> {
  return { ...event, at, by } as Stamped<SuggestionEvent>;
}

export const submitted = (coSignerIds: string[] = [coSigner.userId]): Stamped<SuggestionEvent> =>
  stamp(
    {
      type: 'SuggestionSubmitted',
      data: {
        suggestionId: SUGGESTION_ID,
        title: '关于优化城区公交线路的建议',
        content: '建议增开连接新区与老城区的公交线路。',
        leadDeputyId: leadDeputy.userId,
        coSignerIds,
        sessionId: LEGACY_SESSION_ID,
      },
    },
    T.submitted,
    leadDeputy,
  );

export const accepted = (at: string = T.accepted): Stamped<SuggestionEvent> =>
  stamp({ type: 'SuggestionAccepted', data: { assignDueAt: ASSIGN_DUE_AT } }, at, staff);

export const assignedSole = (unitId = TRANSPORT): Stamped<SuggestionEvent> =>
  stamp({ type: 'SuggestionAssigned', data: { mode: 'sole', units: [{ unitId, role: 'sole' }], ...DEADLINES } }, T.assigned, staff);

export const assignedLead = (lead = TRANSPORT, ...co: string[]): Stamped<SuggestionEvent> =>
  stamp(
    {
      type: 'SuggestionAssigned',
      data: {
        mode: 'lead',
        units: [{ unitId: lead, role: 'lead' }, ...(co.length ? co : [EDUCATION]).map((unitId) => ({ unitId, role: 'co' as const }))],
        ...DEADLINES,
        coOpinionDueAt: CO_OPINION_DUE_AT,
      },
    },
    T.assigned,
    staff,
  );

export const assignedSeparate = (...unitIds: string[]): Stamped<SuggestionEvent> =>
  stamp(
    {
      type: 'SuggestionAssigned',
      data: {
        mode: 'separate',
        units: (unitIds.length ? unitIds : [TRANSPORT, EDUCATION]).map((unitId) => ({ unitId, role: 'separate' as const })),
        ...DEADLINES,
      },
    },
    T.assigned,
    staff,
  );

export interface AnsweredOptions {
  round?: number;
  category?: string;
  commitments?: { commitmentId: string; description: string; dueAt: string }[];
  onTime?: boolean;
  feedbackDueAt?: string;
  at?: string;
}

export const answered = (unitId: string, o: AnsweredOptions = {}): Stamped<SuggestionEvent> => {
  const at = o.at ?? T.answered;
  return stamp(
    {
      type: 'SuggestionAnswered',
      data: {
        unitId,
        round: o.round ?? 1,
        category: o.category ?? 'A',
        content: '已于四月开通新线路。',
        signedBy: '张局长',
        commitments: (o.commitments ?? []).map((c) => ({ ...c, unitId, madeAt: at })),
        onTime: o.onTime ?? true,
        ...(o.feedbackDueAt ? { feedbackDueAt: o.feedbackDueAt } : {}),
      },
    },
    at,
    unitUser(unitId),
  );
};

export const rated = (
  unitId: string,
  attitude: Satisfaction,
  result: Satisfaction,
  o: { round?: number; at?: string; reason?: string } = {},
): Stamped<SuggestionEvent> =>
  stamp(
    {
      type: 'SuggestionRated',
      data: { unitId, round: o.round ?? 1, attitude, result, ...(o.reason ? { reason: o.reason } : {}) },
    },
    o.at ?? T.rated,
    leadDeputy,
  );

export const rehandlingStarted = (unitId: string, round = 2, dueAt = REHANDLING_DUE_AT, at: string = T.rated): Stamped<SuggestionEvent> =>
  stamp({ type: 'RehandlingStarted', data: { unitId, round, dueAt } }, at, leadDeputy);

/** Submitted, accepted and assigned to one unit. */
export const soleHistory = (unitId = TRANSPORT): Stamped<SuggestionEvent>[] => [submitted(), accepted(), assignedSole(unitId)];

/** …and answered (category A, completing the round). */
export const answeredSoleHistory = (unitId = TRANSPORT): Stamped<SuggestionEvent>[] => [
  ...soleHistory(unitId),
  answered(unitId, { feedbackDueAt: FEEDBACK_DUE_AT }),
];
