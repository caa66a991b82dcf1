import { given } from '../../../testing/given';
import { accepted, ASSIGN_DUE_AT, leadDeputy, staff, submitted, T } from '../../../testing/fixtures';
import { SuggestionCommand } from '../../commands';
import { dueLevel } from '../../due-level';
import { NATIONAL_RULEBOOK } from '../../../rulebook/presets';
import { realCalendar } from '../../../testing/given';

const accept = (session?: Extract<SuggestionCommand, { type: 'AcceptSuggestion' }>['data']['session']): SuggestionCommand => ({
  type: 'AcceptSuggestion',
  data: { number: 1, ...(session ? { session } : {}) },
});

describe('the assignment (交办) clock knows the session', () => {
  it('given a recess suggestion, when registered, then the regulation clock runs from submission (10 working days)', () => {
    given(submitted())
      .when(accept({ kind: 'recess' }), { now: T.accepted, actor: staff })
      .then([{ type: 'SuggestionAccepted', data: { assignDueAt: ASSIGN_DUE_AT, number: 1 } }]);
  });

  it('given a congress suggestion whose session has a 交办 date, when registered, then the assignment is due at the end of that day, not by the regulation clock', () => {
    given(submitted())
      .when(accept({ kind: 'congress', endsOn: '2026-03-05', assignOn: '2026-04-20' }), { now: T.accepted, actor: staff })
      .then([{ type: 'SuggestionAccepted', data: { assignDueAt: '2026-04-20T16:00:00.000Z', number: 1 } }]);
  });

  it('is not overdue before the 交办 date, even long after the regulation clock would have run out', () => {
    const state = given(submitted()).when(accept({ kind: 'congress', assignOn: '2026-04-20' }), { now: T.accepted, actor: staff }).thenState();
    expect(state).toMatchObject({ status: 'accepted', assignDueAt: '2026-04-20T16:00:00.000Z' });
    // ASSIGN_DUE_AT (the recess clock) has long passed by 04-15; the congress suggestion is not overdue.
    expect(dueLevel('2026-04-20T16:00:00.000Z', '2026-04-15T02:00:00.000Z', { rulebook: NATIONAL_RULEBOOK, calendar: realCalendar })).not.toBe('overdue');
    expect(dueLevel('2026-04-20T16:00:00.000Z', '2026-04-21T02:00:00.000Z', { rulebook: NATIONAL_RULEBOOK, calendar: realCalendar })).toBe('overdue');
  });

  it('given a congress suggestion without a 交办 date yet, the clock runs from the meeting’s last day, not from submission during it', () => {
    // Submitted Mon 03-02 during a meeting that ends Thu 03-12: 10 working days from 03-12 end on Thu 03-26.
    given(submitted())
      .when(accept({ kind: 'congress', endsOn: '2026-03-12' }), { now: T.accepted, actor: staff })
      .then([{ type: 'SuggestionAccepted', data: { assignDueAt: '2026-03-26T16:00:00.000Z', number: 1 } }]);
  });

  it('given a registered congress suggestion, when the session’s 交办 date is set, then it is due on that day; the same date again records nothing', () => {
    const scheduled = given(submitted(), accepted()).when({ type: 'ScheduleAssignment', data: { assignOn: '2026-04-20' } }, { now: T.assigned, actor: staff });
    scheduled.then([{ type: 'AssignmentScheduled', data: { assignOn: '2026-04-20', assignDueAt: '2026-04-20T16:00:00.000Z' } }]);
    const state = scheduled.thenState();
    expect(state).toMatchObject({ status: 'accepted', assignDueAt: '2026-04-20T16:00:00.000Z' });
    // The open assign deadline moves with it (the same obligation, a new due time).
    expect((state as { deadlineLog: unknown[] }).deadlineLog).toHaveLength(1);
    const again = given(submitted(), accepted(), { ...scheduled.events()[0]!, at: T.assigned, by: staff } as never);
    again.when({ type: 'ScheduleAssignment', data: { assignOn: '2026-04-20' } }, { now: T.assigned, actor: staff }).then([]);
  });

  it('leaves a suggestion past registration alone, and refuses a deputy', () => {
    given(submitted()).when({ type: 'ScheduleAssignment', data: { assignOn: '2026-04-20' } }, { now: T.assigned, actor: staff }).then([]);
    given(submitted(), accepted())
      .when({ type: 'ScheduleAssignment', data: { assignOn: '2026-04-20' } }, { now: T.assigned, actor: leadDeputy })
      .thenThrows('schedule.only_staff', 'forbidden');
  });
});
