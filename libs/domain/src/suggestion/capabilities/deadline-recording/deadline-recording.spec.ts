import { SYSTEM_ACTOR } from '../../../shared/actor';
import { given } from '../../../testing/given';
import {
  accepted,
  admin,
  answered,
  answeredSoleHistory,
  assignedLead,
  assignedSeparate,
  DEADLINES,
  EDUCATION,
  FEEDBACK_DUE_AT,
  leadDeputy,
  rated,
  rehandlingStarted,
  soleHistory,
  staff,
  submitted,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { bySystem, coOpinion, contacted, returnRequested } from '../../../testing/more-events';
import { runScheduler } from '../../../testing/run-scheduler';
import { suggestionSummary } from '../../summary';

const record = { type: 'RecordDeadlines', data: {} } as const;
const asSystem = (now: string) => ({ now, actor: SYSTEM_ACTOR });
const justAfter = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();
const justBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();

/** Return window of the fixture assignment (Thu 03-19): three working days before is Mon 03-16, 24:00. */
const RETURN_REMIND_AT = '2026-03-16T16:00:00.000Z';
const returnWindow = { key: `return:${TRANSPORT}`, kind: 'return_window', unitId: TRANSPORT, dueAt: DEADLINES.returnDueAt } as const;

describe('RecordDeadlines (期限提醒与逾期)', () => {
  it.each([
    ['staff', staff],
    ['an admin', admin],
    ['a unit', unitUser(TRANSPORT)],
    ['the deputy', leadDeputy],
  ])('is refused to %s: only the scheduler records deadlines', (_name, actor) => {
    given(...soleHistory()).when(record, { now: T.early, actor }).thenThrows('deadlines.only_system', 'forbidden');
  });

  it('records nothing while no reminder or miss is due', () => {
    given(...soleHistory()).when(record, asSystem(justBefore(RETURN_REMIND_AT))).then([]);
    given(submitted()).when(record, asSystem('2027-01-01T00:00:00.000Z')).then([]);
  });

  it('reminds three working days before a due time, up to the due time itself', () => {
    given(...soleHistory()).when(record, asSystem(RETURN_REMIND_AT)).then([{ type: 'DeadlineReminderRecorded', data: returnWindow }]);
    given(...soleHistory()).when(record, asSystem(DEADLINES.returnDueAt)).then([{ type: 'DeadlineReminderRecorded', data: returnWindow }]);
  });

  it('records each reminder once: a second run at the same time, or later, records nothing more', () => {
    const reminded = [...soleHistory(), ...bySystem([{ type: 'DeadlineReminderRecorded', data: returnWindow }], RETURN_REMIND_AT)];
    given(...reminded).when(record, asSystem(RETURN_REMIND_AT)).then([]);
    given(...reminded).when(record, asSystem(DEADLINES.returnDueAt)).then([]);
  });

  it('records the miss once the due time has passed, without a late reminder, and only once', () => {
    const missed = [{ type: 'DeadlineMissed', data: returnWindow }] as const;
    given(...soleHistory()).when(record, asSystem(justAfter(DEADLINES.returnDueAt))).then([...missed]);
    given(...soleHistory(), ...bySystem([...missed], justAfter(DEADLINES.returnDueAt)))
      .when(record, asSystem(justAfter(DEADLINES.returnDueAt)))
      .then([]);
  });

  it('records nothing for what was done in time', () => {
    given(...soleHistory(), returnRequested(TRANSPORT)).when(record, asSystem(justAfter(DEADLINES.returnDueAt))).then([]);
  });

  it('left alone, a sole assignment is reminded and missed deadline by deadline, then waits for the late answer', () => {
    expect(runScheduler(soleHistory(), '2026-12-31T00:00:00.000Z').log).toEqual([
      `${RETURN_REMIND_AT} DeadlineReminderRecorded return:${TRANSPORT}`,
      `2026-03-19T16:00:00.001Z DeadlineMissed return:${TRANSPORT}`,
      // Contact due Thu 04-02: Mon 03-30 is three working days before.
      `2026-03-30T16:00:00.000Z DeadlineReminderRecorded contact:${TRANSPORT}`,
      `2026-04-02T16:00:00.001Z DeadlineMissed contact:${TRANSPORT}`,
      // Answer due Fri 06-05.
      `2026-06-02T16:00:00.000Z DeadlineReminderRecorded answer:${TRANSPORT}:1`,
      `2026-06-05T16:00:00.001Z DeadlineMissed answer:${TRANSPORT}:1`,
    ]);
  });

  it('counts the reminder over the Qingming holiday: a co-opinion due Tue 04-07 is reminded at the end of Wed 04-01', () => {
    const history = [submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION)];
    const { log } = runScheduler(history, '2026-04-10T00:00:00.000Z');
    expect(log.filter((line) => line.includes('co_opinion'))).toEqual([
      `2026-04-01T16:00:00.000Z DeadlineReminderRecorded co_opinion:${EDUCATION}`,
      `2026-04-07T16:00:00.001Z DeadlineMissed co_opinion:${EDUCATION}`,
    ]);
    expect(runScheduler([...history, coOpinion(EDUCATION, T.early)], '2026-04-10T00:00:00.000Z').log.join()).not.toContain('co_opinion');
  });

  it('counts National Day and its make-up Saturday: commitments due Fri 10-09 and Mon 10-12', () => {
    const commitments = [
      { commitmentId: 'C1', description: '完成线路调整', dueAt: '2026-10-09T16:00:00.000Z' },
      { commitmentId: 'C2', description: '增设站点', dueAt: '2026-10-12T16:00:00.000Z' },
    ];
    const history = [
      ...soleHistory(),
      answered(TRANSPORT, { category: 'B', commitments, feedbackDueAt: FEEDBACK_DUE_AT }),
      rated(TRANSPORT, 'satisfied', 'satisfied'),
    ];
    expect(runScheduler(history, '2026-12-31T00:00:00.000Z').log).toEqual([
      // 10-08 is a working day, 10-01…07 are not: the third working day back is Tue 09-29.
      '2026-09-29T16:00:00.000Z DeadlineReminderRecorded commitment:C1',
      // Sat 10-10 is worked (调休): 10-10, 10-09, 10-08.
      '2026-10-08T16:00:00.000Z DeadlineReminderRecorded commitment:C2',
      '2026-10-09T16:00:00.001Z DeadlineMissed commitment:C1',
      '2026-10-12T16:00:00.001Z DeadlineMissed commitment:C2',
    ]);
  });

  describe('the deputy feedback window', () => {
    // Window to Sat 05-09, a make-up working day after Labour Day: reminded at the end of Wed 05-06.
    it('is reminded, then closed unrated: that round counts as not rated', () => {
      const { log, state } = runScheduler(answeredSoleHistory(), '2026-06-30T00:00:00.000Z');
      expect(log).toEqual([
        `2026-05-06T16:00:00.000Z DeadlineReminderRecorded feedback:${TRANSPORT}:1`,
        `2026-05-09T16:00:00.001Z DeadlineMissed feedback:${TRANSPORT}:1`,
        `2026-05-09T16:00:00.001Z FeedbackWindowExpired ${TRANSPORT}:1`,
      ]);
      expect(state).toMatchObject({ status: 'answered', assignment: { units: [{ unitId: TRANSPORT, stage: 'not_rated', ratings: [] }] } });
      if (state.status === 'none') throw new Error('no suggestion');
      // Nothing is owed any more: the list no longer shows it overdue.
      expect(suggestionSummary(state, '2026-06-30T00:00:00.000Z')).toMatchObject({ dueAt: null, overdue: false });
    });

    it('lets staff close it, and refuses a late rating with its own code', () => {
      const { stream } = runScheduler(answeredSoleHistory(), '2026-06-30T00:00:00.000Z');
      given(...stream).when({ type: 'CloseSuggestion', data: {} }, { now: '2026-05-11T02:00:00.000Z', actor: staff }).then([
        { type: 'SuggestionClosed', data: {} },
      ]);
      given(...stream)
        .when({ type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'satisfied' } }, { now: '2026-05-11T02:00:00.000Z', actor: leadDeputy })
        .thenThrows('rating.feedback_window_expired', 'conflict');
    });

    it('does not hold up the next round: a unit not rated counts as done when the other unit answers again', () => {
      const history = [
        submitted(),
        accepted(),
        assignedSeparate(TRANSPORT, EDUCATION),
        contacted(TRANSPORT),
        contacted(EDUCATION),
        answered(TRANSPORT),
        answered(EDUCATION, { feedbackDueAt: FEEDBACK_DUE_AT }),
        rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未解决' }),
        rehandlingStarted(TRANSPORT),
      ];
      const { stream, log } = runScheduler(history, '2026-05-12T00:00:00.000Z');
      expect(log).toContain(`2026-05-09T16:00:00.001Z FeedbackWindowExpired ${EDUCATION}:1`);
      // Re-answered Mon 05-11: a fresh 15-working-day window, to Mon 06-01.
      const second = given(...stream)
        .when(
          { type: 'AnswerSuggestion', data: { category: 'A', content: '已开通新线路', signedBy: '张局长', commitments: [] } },
          { now: T.reanswered, actor: unitUser(TRANSPORT) },
        )
        .events();
      expect(second).toEqual([expect.objectContaining({ data: expect.objectContaining({ round: 2, feedbackDueAt: '2026-06-01T16:00:00.000Z' }) })]);
    });
  });

  it('escalates when a re-handling deadline is missed (提级督办)', () => {
    // Re-handling due Wed 05-20: reminded at the end of Fri 05-15.
    const history = [...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未解决' }), rehandlingStarted(TRANSPORT)];
    const { log, state } = runScheduler(history, '2026-06-30T00:00:00.000Z');
    expect(log).toEqual([
      `2026-05-15T16:00:00.000Z DeadlineReminderRecorded rehandling:${TRANSPORT}:2`,
      `2026-05-20T16:00:00.001Z DeadlineMissed rehandling:${TRANSPORT}:2`,
      `2026-05-20T16:00:00.001Z SuggestionEscalated ${TRANSPORT}`,
    ]);
    expect(state).toMatchObject({ status: 'rehandling', escalated: true });
    given(...history)
      .when(record, asSystem('2026-05-20T16:00:00.001Z'))
      .then([
        {
          type: 'DeadlineMissed',
          data: { key: `rehandling:${TRANSPORT}:2`, kind: 'rehandling', unitId: TRANSPORT, dueAt: '2026-05-20T16:00:00.000Z' },
        },
        { type: 'SuggestionEscalated', data: { unitId: TRANSPORT, reason: '重新办理逾期未答复，提级督办' } },
      ]);
  });

  it('reminds at once of an obligation set inside its reminder period', () => {
    // A commitment due Fri 04-17, made Wed 04-15: fewer than three working days remain.
    const history = [
      ...soleHistory(),
      answered(TRANSPORT, {
        category: 'B',
        commitments: [{ commitmentId: 'C1', description: '发布调整方案', dueAt: '2026-04-17T16:00:00.000Z' }],
        feedbackDueAt: FEEDBACK_DUE_AT,
      }),
    ];
    given(...history)
      .when(record, asSystem(T.answered))
      .then([
        {
          type: 'DeadlineReminderRecorded',
          data: { key: 'commitment:C1', kind: 'commitment', unitId: TRANSPORT, commitmentId: 'C1', dueAt: '2026-04-17T16:00:00.000Z' },
        },
      ]);
  });
});
