import { given } from '../../testing/given';
import {
  answered,
  answeredSoleHistory,
  ASSIGN_DUE_AT,
  DEADLINES,
  FEEDBACK_DUE_AT,
  rated,
  soleHistory,
  submitted,
  accepted,
  T,
  TRANSPORT,
} from '../../testing/fixtures';
import { commitmentFulfilled, contacted, extensionGranted, returnApproved, returnRequested, withdrawn } from '../../testing/more-events';
import { runScheduler } from '../../testing/run-scheduler';
import { SuggestionEvent } from '../events';
import { Stamped } from '../state';
import { deadlineOutcomes } from './deadline-outcomes';

const outcomes = (history: Stamped<SuggestionEvent>[], now: string) => deadlineOutcomes(given(...history).state, now);
const byKey = (history: Stamped<SuggestionEvent>[], now: string) => Object.fromEntries(outcomes(history, now).map((o) => [o.key, o]));

describe('deadlineOutcomes (期限完成情况)', () => {
  it('lists every obligation ever set, in the order set, with the ones met and the ones missed', () => {
    // Contacted early, answered 04-15: before the answer due (06-05) but after the contact due (04-02).
    const history = [...soleHistory(), answered(TRANSPORT, { feedbackDueAt: FEEDBACK_DUE_AT }), rated(TRANSPORT, 'satisfied', 'satisfied')];
    expect(outcomes(history, '2026-12-31T00:00:00.000Z')).toEqual([
      { key: 'assign', kind: 'assign', dueAt: ASSIGN_DUE_AT, metAt: T.assigned, missed: false },
      // The return window was not used; it ended when the unit answered, long after it passed.
      { key: `return:${TRANSPORT}`, kind: 'return_window', unitId: TRANSPORT, dueAt: DEADLINES.returnDueAt, endedAt: T.answered, missed: true },
      // Never contacted before answering: missed, and answering ended it.
      { key: `contact:${TRANSPORT}`, kind: 'contact', unitId: TRANSPORT, dueAt: DEADLINES.contactDueAt, endedAt: T.answered, missed: true },
      { key: `answer:${TRANSPORT}:1`, kind: 'answer', unitId: TRANSPORT, round: 1, dueAt: DEADLINES.answerDueAt, metAt: T.answered, missed: false },
      { key: `feedback:${TRANSPORT}:1`, kind: 'feedback', unitId: TRANSPORT, round: 1, dueAt: FEEDBACK_DUE_AT, metAt: T.rated, missed: false },
    ]);
  });

  it('is neither met nor missed while open and not yet due; missed once due passes', () => {
    expect(byKey(soleHistory(), T.early)[`answer:${TRANSPORT}:1`]).toEqual({
      key: `answer:${TRANSPORT}:1`,
      kind: 'answer',
      unitId: TRANSPORT,
      round: 1,
      dueAt: DEADLINES.answerDueAt,
      missed: false,
    });
    expect(byKey(soleHistory(), '2026-06-05T16:00:00.001Z')[`answer:${TRANSPORT}:1`].missed).toBe(true);
    expect(byKey(soleHistory(), DEADLINES.answerDueAt)[`answer:${TRANSPORT}:1`].missed).toBe(false);
  });

  it('marks a late fulfilment as missed, with when it was done', () => {
    const late = '2026-06-08T02:00:00.000Z';
    const history = [...soleHistory(), contacted(TRANSPORT, T.early), answered(TRANSPORT, { at: late, onTime: false })];
    expect(byKey(history, late)[`answer:${TRANSPORT}:1`]).toMatchObject({ lateAt: late, missed: true });
    expect(byKey(history, late)[`contact:${TRANSPORT}`]).toMatchObject({ metAt: T.early, missed: false });
  });

  it('shows an answer deadline superseded by a granted extension as ended, and the extension as met', () => {
    const history = [...soleHistory(), ...extensionGranted(TRANSPORT, '2026-08-31T16:00:00.000Z', T.early), answered(TRANSPORT, { at: '2026-07-01T02:00:00.000Z' })];
    const result = byKey(history, '2026-07-01T02:00:00.000Z');
    expect(result[`answer:${TRANSPORT}:1`]).toMatchObject({ dueAt: DEADLINES.answerDueAt, endedAt: T.early, missed: false });
    expect(result[`answer:${TRANSPORT}:1:ext-2026-08-31`]).toMatchObject({ dueAt: '2026-08-31T16:00:00.000Z', metAt: '2026-07-01T02:00:00.000Z', missed: false });
  });

  it('ends what a withdrawal or an approved return cuts short, without counting it missed', () => {
    const gone = byKey([...soleHistory(), withdrawn(T.early)], '2027-01-01T00:00:00.000Z');
    expect(gone[`answer:${TRANSPORT}:1`]).toMatchObject({ endedAt: T.early, missed: false });
    const returned = byKey([...soleHistory(), returnRequested(TRANSPORT), returnApproved(TRANSPORT)], T.early);
    expect(returned[`return:${TRANSPORT}`]).toMatchObject({ metAt: T.early, missed: false });
    expect(returned[`answer:${TRANSPORT}:1`]).toMatchObject({ endedAt: T.early, missed: false });
    expect(returned['assign@2']).toMatchObject({ kind: 'assign', missed: false });
  });

  it('shows an expired feedback window as missed, and commitments met or late', () => {
    const { stream } = runScheduler(answeredSoleHistory(), '2026-06-01T00:00:00.000Z');
    expect(byKey(stream, '2026-06-01T00:00:00.000Z')[`feedback:${TRANSPORT}:1`]).toMatchObject({
      endedAt: '2026-05-09T16:00:00.001Z',
      missed: true,
    });

    const commitments = [
      { commitmentId: 'C1', description: '完成线路调整', dueAt: '2026-10-09T16:00:00.000Z' },
      { commitmentId: 'C2', description: '增设站点', dueAt: '2026-10-12T16:00:00.000Z' },
    ];
    const history = [
      ...soleHistory(),
      answered(TRANSPORT, { category: 'B', commitments, feedbackDueAt: FEEDBACK_DUE_AT }),
      commitmentFulfilled('C1', TRANSPORT, '2026-10-09T08:00:00.000Z'),
      commitmentFulfilled('C2', TRANSPORT, '2026-10-20T08:00:00.000Z'),
    ];
    const result = byKey(history, '2026-10-20T08:00:00.000Z');
    expect(result['commitment:C1']).toMatchObject({ commitmentId: 'C1', metAt: '2026-10-09T08:00:00.000Z', missed: false });
    expect(result['commitment:C2']).toMatchObject({ commitmentId: 'C2', lateAt: '2026-10-20T08:00:00.000Z', missed: true });
  });

  it('has nothing before the suggestion exists or before anything is due', () => {
    expect(deadlineOutcomes({ status: 'none' }, T.early)).toEqual([]);
    expect(outcomes([submitted()], T.early)).toEqual([]);
    expect(outcomes([submitted(), accepted()], T.accepted)).toEqual([{ key: 'assign', kind: 'assign', dueAt: ASSIGN_DUE_AT, missed: false }]);
  });
});
