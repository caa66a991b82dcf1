import { given } from '../../testing/given';
import {
  accepted,
  answered,
  ASSIGN_DUE_AT,
  assignedSole,
  DEADLINES,
  FEEDBACK_DUE_AT,
  rated,
  soleHistory,
  submitted,
  T,
  TRANSPORT,
} from '../../testing/fixtures';
import { contacted } from '../../testing/more-events';
import { SuggestionState } from '../state';
import { deadlineOutcomes } from './deadline-outcomes';
import { obligationLog } from './obligation-log';

const ms = (iso: string) => Date.parse(iso);
const day = (iso: string) => iso.slice(0, 10);

describe('the deadline log as the state keeps it', () => {
  it('is compact: key, due day, then instants in milliseconds, trailing nothing', () => {
    const state = given(...soleHistory(), contacted(TRANSPORT), answered(TRANSPORT, { feedbackDueAt: FEEDBACK_DUE_AT }), rated(TRANSPORT, 'satisfied', 'satisfied')).state;
    if (state.status === 'none') throw new Error('no suggestion');
    expect(state.deadlineLog).toEqual([
      ['assign', day(ASSIGN_DUE_AT), ms(T.accepted), ms(T.assigned)],
      // The return window ends (unused) with the answer: [.., fulfilled: none, ended].
      [`return:${TRANSPORT}`, day(DEADLINES.returnDueAt), ms(T.assigned), null, ms(T.answered)],
      [`contact:${TRANSPORT}`, day(DEADLINES.contactDueAt!), ms(T.assigned), ms(T.early)],
      [`answer:${TRANSPORT}:1`, day(DEADLINES.answerDueAt), ms(T.assigned), ms(T.answered)],
      [`feedback:${TRANSPORT}:1`, day(FEEDBACK_DUE_AT), ms(T.answered), ms(T.rated)],
    ]);
  });

  it('reads back the full records, in the order set', () => {
    const state = given(...soleHistory(), contacted(TRANSPORT)).state;
    expect(obligationLog(state)).toEqual([
      { key: 'assign', kind: 'assign', concerns: 'staff', dueAt: ASSIGN_DUE_AT, openedAt: T.accepted, fulfilledAt: T.assigned },
      { key: `return:${TRANSPORT}`, kind: 'return_window', concerns: 'unit', unitId: TRANSPORT, dueAt: DEADLINES.returnDueAt, openedAt: T.assigned },
      { key: `contact:${TRANSPORT}`, kind: 'contact', concerns: 'unit', unitId: TRANSPORT, dueAt: DEADLINES.contactDueAt, openedAt: T.assigned, fulfilledAt: T.early },
      { key: `answer:${TRANSPORT}:1`, kind: 'answer', concerns: 'unit', unitId: TRANSPORT, round: 1, dueAt: DEADLINES.answerDueAt, openedAt: T.assigned },
    ]);
    expect(obligationLog({ status: 'none' })).toEqual([]);
  });

  it('keeps the unit of a key that cannot be read back (an id with "@"), so outcomes still name it', () => {
    const odd = 'u@2';
    const state: SuggestionState = given(submitted(), accepted(), assignedSole(odd), contacted(odd)).state;
    expect(obligationLog(state).map((r) => [r.key, r.kind, r.unitId])).toEqual([
      ['assign', 'assign', undefined],
      ['return:u@2', 'return_window', odd],
      ['contact:u@2', 'contact', odd],
      ['answer:u@2:1', 'answer', odd],
    ]);
    expect(deadlineOutcomes(state, T.early).find((o) => o.key === 'contact:u@2')).toEqual({
      key: 'contact:u@2',
      kind: 'contact',
      unitId: odd,
      dueAt: DEADLINES.contactDueAt,
      metAt: T.early,
      missed: false,
    });
  });

  it('keeps instants that are not written as toISOString writes them exactly as they were', () => {
    const at = '2026-03-10T10:00:00+08:00';
    const state = given(...soleHistory(), contacted(TRANSPORT, at)).state;
    expect(obligationLog(state).find((r) => r.kind === 'contact')?.fulfilledAt).toBe(at);
  });
});
