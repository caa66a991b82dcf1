import { given } from '../../testing/given';
import {
  accepted,
  answered,
  answeredSoleHistory,
  assignedLead,
  assignedSeparate,
  EDUCATION,
  FEEDBACK_DUE_AT,
  rated,
  rehandlingStarted,
  soleHistory,
  submitted,
  T,
  TRANSPORT,
} from '../../testing/fixtures';
import {
  coOpinion,
  commitmentFulfilled,
  contacted,
  extensionGranted,
  reassignedSole,
  returnApproved,
  returnDenied,
  returnRequested,
} from '../../testing/more-events';
import { runScheduler } from '../../testing/run-scheduler';
import { evolveSuggestion, initialSuggestionState } from '../evolve';
import { SuggestionEvent } from '../events';
import { ExistingSuggestion, Stamped, SuggestionState } from '../state';
import { isDeadlineOpen } from './obligation';
import { obligationLog } from './obligation-log';
import { openObligations } from './open-obligations';

const C1 = { commitmentId: 'C1', description: '完成线路调整', dueAt: '2026-10-09T16:00:00.000Z' };
const stories: [string, Stamped<SuggestionEvent>[]][] = [
  ['sole, contacted, answered with a commitment, rated, fulfilled', [
    ...soleHistory(),
    contacted(TRANSPORT),
    answered(TRANSPORT, { category: 'B', commitments: [C1], feedbackDueAt: FEEDBACK_DUE_AT }),
    rated(TRANSPORT, 'satisfied', 'satisfied'),
    commitmentFulfilled('C1', TRANSPORT, '2026-09-01T02:00:00.000Z'),
  ]],
  ['lead with a co-handler, a denied return, an extension', [
    submitted(),
    accepted(),
    assignedLead(TRANSPORT, EDUCATION),
    returnRequested(EDUCATION),
    returnDenied(EDUCATION),
    coOpinion(EDUCATION),
    ...extensionGranted(TRANSPORT, '2026-08-31T16:00:00.000Z'),
    answered(TRANSPORT, { at: '2026-07-01T02:00:00.000Z', feedbackDueAt: '2026-07-22T16:00:00.000Z' }),
  ]],
  ['separate, re-handling', [
    submitted(),
    accepted(),
    assignedSeparate(TRANSPORT, EDUCATION),
    answered(TRANSPORT),
    answered(EDUCATION, { feedbackDueAt: FEEDBACK_DUE_AT }),
    rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未解决' }),
    rehandlingStarted(TRANSPORT),
  ]],
  ['returned and reassigned', [...soleHistory(), returnRequested(TRANSPORT), returnApproved(TRANSPORT), reassignedSole(EDUCATION, T.early)]],
  ['left to the scheduler', runScheduler(answeredSoleHistory(), '2026-12-31T00:00:00.000Z').stream],
];

describe('the obligation log', () => {
  it.each(stories)('keeps its open entries equal to the open obligations after every event: %s', (_name, history) => {
    let state: SuggestionState = initialSuggestionState();
    for (const event of history) {
      state = evolveSuggestion(state, event);
      if (state.status === 'none') continue;
      const open = obligationLog(state).filter(isDeadlineOpen).map((r) => r.key).sort();
      expect(open).toEqual(openObligations(state).map((o) => o.key).sort());
      const keys = obligationLog(state).map((r) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('reopens the return window after a denial, keeping the reminder already recorded', () => {
    const reminded = runScheduler(soleHistory(), '2026-03-17T00:00:00.000Z').stream;
    const state = given(...reminded, returnRequested(TRANSPORT, '2026-03-17T02:00:00.000Z'), returnDenied(TRANSPORT, '2026-03-18T02:00:00.000Z')).state;
    if (state.status === 'none') throw new Error('no suggestion');
    expect(obligationLog(state).find((r) => r.key === `return:${TRANSPORT}`)).toEqual({
      key: `return:${TRANSPORT}`,
      kind: 'return_window',
      concerns: 'unit',
      unitId: TRANSPORT,
      dueAt: '2026-03-19T16:00:00.000Z',
      openedAt: T.assigned,
      remindedAt: '2026-03-16T16:00:00.000Z',
    });
  });

  it('starts the log afresh on a state saved before it existed, instead of throwing', () => {
    const saved = given(...soleHistory()).state as ExistingSuggestion;
    const { deadlineLog: _dropped, ...older } = saved;
    const next = evolveSuggestion(older as ExistingSuggestion, contacted(TRANSPORT));
    expect(obligationLog(next).map((r) => r.key)).toEqual([`return:${TRANSPORT}`, `answer:${TRANSPORT}:1`]);
  });
});
