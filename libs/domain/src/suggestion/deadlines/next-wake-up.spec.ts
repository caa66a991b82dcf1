import fc from 'fast-check';
import { NATIONAL_RULEBOOK } from '../../rulebook/presets';
import { SYSTEM_ACTOR } from '../../shared/actor';
import { given, realCalendar } from '../../testing/given';
import {
  answered,
  answeredSoleHistory,
  assignedLead,
  DEADLINES,
  EDUCATION,
  FEEDBACK_DUE_AT,
  rated,
  rehandlingStarted,
  soleHistory,
  submitted,
  accepted,
  T,
  TRANSPORT,
} from '../../testing/fixtures';
import { bySystem } from '../../testing/more-events';
import { decideSuggestion } from '../decide';
import { SuggestionEvent } from '../events';
import { Stamped, SuggestionState } from '../state';
import { nextWakeUp } from './next-wake-up';

const wakeUp = (...history: Stamped<SuggestionEvent>[]) => nextWakeUp(given(...history).state, NATIONAL_RULEBOOK, realCalendar);
const recordAt = (state: SuggestionState, now: string) =>
  decideSuggestion({ type: 'RecordDeadlines', data: {} }, state, { now, actor: SYSTEM_ACTOR, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar });

describe('nextWakeUp', () => {
  it('is null when nothing is pending', () => {
    expect(nextWakeUp({ status: 'none' }, NATIONAL_RULEBOOK, realCalendar)).toBeNull();
    expect(wakeUp(submitted())).toBeNull();
    expect(wakeUp(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'))).toBeNull();
  });

  it('is the earliest reminder still to record, then the first instant after the due time', () => {
    // Return window due Thu 03-19: reminded at the end of Mon 03-16.
    expect(wakeUp(...soleHistory())).toBe('2026-03-16T16:00:00.000Z');
    const reminded = bySystem(
      [{ type: 'DeadlineReminderRecorded', data: { key: `return:${TRANSPORT}`, kind: 'return_window', unitId: TRANSPORT, dueAt: DEADLINES.returnDueAt } }],
      '2026-03-16T16:00:00.000Z',
    );
    expect(wakeUp(...soleHistory(), ...reminded)).toBe('2026-03-19T16:00:00.001Z');
  });

  it('may lie in the past: an obligation set inside its reminder period wakes the scheduler at once', () => {
    // A commitment due Fri 04-17, made Wed 04-15 10:00: three working days before is the end of Tue 04-14.
    const history = [
      ...soleHistory(),
      answered(TRANSPORT, {
        category: 'B',
        commitments: [{ commitmentId: 'C1', description: '发布调整方案', dueAt: '2026-04-17T16:00:00.000Z' }],
        feedbackDueAt: FEEDBACK_DUE_AT,
      }),
    ];
    expect(wakeUp(...history)).toBe('2026-04-14T16:00:00.000Z');
    expect(recordAt(given(...history).state, T.answered)).toEqual([
      expect.objectContaining({ type: 'DeadlineReminderRecorded', data: expect.objectContaining({ key: 'commitment:C1' }) }),
    ]);
  });

  // The scheduler sleeps until nextWakeUp: it must never sleep through something RecordDeadlines would record.
  describe.each([
    ['a sole assignment', soleHistory()],
    ['a lead assignment with a co-handler', [submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION)]],
    ['an answer with commitments', [
      ...soleHistory(),
      answered(TRANSPORT, {
        category: 'B',
        commitments: [{ commitmentId: 'C1', description: '完成线路调整', dueAt: '2026-10-09T16:00:00.000Z' }],
        feedbackDueAt: FEEDBACK_DUE_AT,
      }),
    ]],
    ['a re-handling', [...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未解决' }), rehandlingStarted(TRANSPORT)]],
  ])('for %s', (_name, history) => {
    it('RecordDeadlines records nothing before it and something from it on', () => {
      const state = given(...history).state;
      const wake = nextWakeUp(state, NATIONAL_RULEBOOK, realCalendar);
      if (wake === null) throw new Error('expected something pending');
      const from = Date.parse(T.assigned);
      const to = Date.parse('2027-01-01T00:00:00.000Z');
      fc.assert(
        fc.property(fc.integer({ min: from, max: to }), (ms) => {
          const recorded = recordAt(state, new Date(ms).toISOString());
          return ms < Date.parse(wake) ? recorded.length === 0 : recorded.length > 0;
        }),
        { numRuns: 150 },
      );
      expect(recordAt(state, new Date(Date.parse(wake) - 1).toISOString())).toEqual([]);
      expect(recordAt(state, wake).length).toBeGreaterThan(0);
    });
  });
});
