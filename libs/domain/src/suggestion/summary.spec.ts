import { given } from '../testing/given';
import {
  accepted,
  answered,
  answeredSoleHistory,
  ASSIGN_DUE_AT,
  assignedLead,
  assignedSeparate,
  DEADLINES,
  EDUCATION,
  FEEDBACK_DUE_AT,
  leadDeputy,
  rated,
  REHANDLING_DUE_AT,
  rehandlingStarted,
  staff,
  stamp,
  submitted,
  T,
  TRANSPORT,
  unitUser,
} from '../testing/fixtures';
import { Stamped } from './state';
import { SuggestionEvent } from './events';
import { suggestionSummary } from './summary';

function summaryOf(events: Stamped<SuggestionEvent>[], now: string) {
  const state = given(...events).state;
  if (state.status === 'none') throw new Error('no suggestion');
  return suggestionSummary(state, now);
}
const justAfter = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();

describe('suggestionSummary', () => {
  it('has nothing due while submitted', () => {
    expect(summaryOf([submitted()], T.accepted)).toEqual({ status: 'submitted', unitIds: [], dueAt: null, overdue: false, keySupervised: false });
  });

  it('is due for assignment once accepted, overdue after 24:00 of the target day', () => {
    expect(summaryOf([submitted(), accepted()], ASSIGN_DUE_AT)).toMatchObject({ status: 'accepted', dueAt: ASSIGN_DUE_AT, overdue: false });
    expect(summaryOf([submitted(), accepted()], justAfter(ASSIGN_DUE_AT))).toMatchObject({ overdue: true });
  });

  it('is due when the lead answer is due, not when the co-handlers opinions are', () => {
    expect(summaryOf([submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION)], '2026-04-10T02:00:00.000Z')).toEqual({
      status: 'assigned',
      unitIds: [TRANSPORT, EDUCATION],
      dueAt: DEADLINES.answerDueAt,
      overdue: false,
      keySupervised: false,
    });
  });

  it('takes the earliest answer still owed in separate mode', () => {
    const extended = stamp({ type: 'ExtensionRequested', data: { unitId: EDUCATION, reason: '协调', until: '2026-08-31T16:00:00.000Z' } }, T.early, unitUser(EDUCATION));
    const granted = stamp({ type: 'ExtensionGranted', data: { unitId: EDUCATION, until: '2026-08-31T16:00:00.000Z' } }, T.early, staff);
    const history = [submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), extended, granted];
    expect(summaryOf(history, T.answered).dueAt).toBe(DEADLINES.answerDueAt);
    // Once the unit with the earlier due time has answered, the extended one is what is owed.
    expect(summaryOf([...history, answered(TRANSPORT)], justAfter(DEADLINES.answerDueAt))).toMatchObject({
      status: 'assigned',
      dueAt: '2026-08-31T16:00:00.000Z',
      overdue: false,
    });
  });

  it('is overdue when an answer is late', () => {
    expect(summaryOf([submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION)], justAfter(DEADLINES.answerDueAt)).overdue).toBe(true);
  });

  it('waits for the deputy feedback once answered', () => {
    expect(summaryOf(answeredSoleHistory(), FEEDBACK_DUE_AT)).toMatchObject({ status: 'answered', dueAt: FEEDBACK_DUE_AT, overdue: false });
    expect(summaryOf(answeredSoleHistory(), justAfter(FEEDBACK_DUE_AT)).overdue).toBe(true);
  });

  it('is due at the re-handling deadline while re-handling', () => {
    const history = [...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未解决' }), rehandlingStarted(TRANSPORT)];
    expect(summaryOf(history, T.reanswered)).toMatchObject({ status: 'rehandling', dueAt: REHANDLING_DUE_AT, overdue: false });
  });

  it('has nothing due once rated, withdrawn or rejected', () => {
    expect(summaryOf([...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied')], '2027-01-01T00:00:00.000Z')).toMatchObject({
      status: 'rated',
      dueAt: null,
      overdue: false,
    });
    const withdrawn = stamp({ type: 'SuggestionWithdrawn', data: { reason: '已解决' } }, T.accepted, leadDeputy);
    expect(summaryOf([submitted(), withdrawn], '2027-01-01T00:00:00.000Z')).toMatchObject({ status: 'withdrawn', dueAt: null, overdue: false });
    const rejected = stamp({ type: 'SuggestionRejected', data: { reason: '属于来信' } }, T.accepted, staff);
    expect(summaryOf([submitted(), rejected], '2027-01-01T00:00:00.000Z')).toMatchObject({ status: 'rejected', dueAt: null });
  });
});
