import { given } from '../../../testing/given';
import {
  answered,
  assignedSeparate,
  DEADLINES,
  EDUCATION,
  leadDeputy,
  soleHistory,
  staff,
  submitted,
  accepted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
  stamp,
  assignedLead,
} from '../../../testing/fixtures';
import { suggestionSummary } from '../../summary';

const requestReturn = { type: 'RequestReturn', data: { reason: '该事项不属于本单位职责' } } as const;
const pendingReturn = stamp({ type: 'ReturnRequested', data: { unitId: TRANSPORT, reason: '该事项不属于本单位职责' } }, T.early, unitUser(TRANSPORT));

describe('RequestReturn (申请退回)', () => {
  it('lets an assigned unit ask to return the suggestion with a reason', () => {
    const story = given(...soleHistory()).when(requestReturn, { now: T.early, actor: unitUser(TRANSPORT) });
    story.then([{ type: 'ReturnRequested', data: { unitId: TRANSPORT, reason: '该事项不属于本单位职责' } }]);
    expect(story.thenState()).toMatchObject({
      status: 'assigned',
      assignment: { pendingReturn: { unitId: TRANSPORT, reason: '该事项不属于本单位职责', requestedAt: T.early } },
    });
  });

  it('lets a co-handler ask too', () => {
    given(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION))
      .when(requestReturn, { now: T.early, actor: unitUser(EDUCATION) })
      .then([{ type: 'ReturnRequested', data: { unitId: EDUCATION, reason: '该事项不属于本单位职责' } }]);
  });

  it('is open until 24:00 of the last day of the return period, and closed after it', () => {
    given(...soleHistory())
      .when(requestReturn, { now: DEADLINES.returnDueAt, actor: unitUser(TRANSPORT) })
      .then([{ type: 'ReturnRequested', data: { unitId: TRANSPORT, reason: '该事项不属于本单位职责' } }]);
    given(...soleHistory())
      .when(requestReturn, { now: '2026-03-19T16:00:00.001Z', actor: unitUser(TRANSPORT) })
      .thenThrows('return.window_closed', 'conflict');
  });

  it('refuses a unit that is not assigned, and people who are not unit users', () => {
    given(...soleHistory()).when(requestReturn, { now: T.early, actor: unitUser(EDUCATION) }).thenThrows('return.not_assigned_unit', 'forbidden');
    given(...soleHistory()).when(requestReturn, { now: T.early, actor: staff }).thenThrows('return.not_assigned_unit', 'forbidden');
    given(...soleHistory()).when(requestReturn, { now: T.early, actor: leadDeputy }).thenThrows('return.not_assigned_unit', 'forbidden');
  });

  it('refuses a second request while one is pending', () => {
    given(...soleHistory(), pendingReturn)
      .when(requestReturn, { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('return.already_pending', 'conflict');
  });

  it('refuses a unit that has already answered', () => {
    given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT, { at: T.early }))
      .when(requestReturn, { now: '2026-03-11T02:00:00.000Z', actor: unitUser(TRANSPORT) })
      .thenThrows('return.already_answered', 'conflict');
  });

  it('refuses when the suggestion is no longer being handled', () => {
    given(...soleHistory(), answered(TRANSPORT, { at: T.early, feedbackDueAt: '2026-03-31T16:00:00.000Z' }))
      .when(requestReturn, { now: '2026-03-11T02:00:00.000Z', actor: unitUser(TRANSPORT) })
      .thenThrows('return.not_assigned', 'conflict');
  });

  it('requires a reason', () => {
    given(...soleHistory())
      .when({ type: 'RequestReturn', data: { reason: '' } }, { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('return.reason_required', 'invalid', 'reason');
  });
});

describe('DecideReturn', () => {
  it('approves: the assignment ends and staff must assign again within 10 working days of now', () => {
    const story = given(...soleHistory(), pendingReturn).when(
      { type: 'DecideReturn', data: { approve: true, reason: '同意退回' } },
      { now: '2026-03-11T02:00:00.000Z', actor: staff },
    );
    // From Wed 03-11: 03-12, 13, 16–20, 23, 24, 25.
    story.then([{ type: 'ReturnApproved', data: { unitId: TRANSPORT, reason: '同意退回', assignDueAt: '2026-03-25T16:00:00.000Z' } }]);
    const state = story.thenState();
    expect(state).toMatchObject({ status: 'accepted', assignDueAt: '2026-03-25T16:00:00.000Z' });
    if (state.status !== 'accepted') return;
    expect(state.previousAssignments).toHaveLength(1);
    expect(state.decisions).toEqual([
      {
        unitId: TRANSPORT,
        kind: 'return',
        reason: '该事项不属于本单位职责',
        requestedAt: T.early,
        approved: true,
        decidedAt: '2026-03-11T02:00:00.000Z',
        decisionReason: '同意退回',
      },
    ]);
    expect(suggestionSummary(state, '2026-03-11T02:00:00.000Z')).toMatchObject({ unitIds: [], dueAt: '2026-03-25T16:00:00.000Z' });
  });

  it('denies: the unit keeps the suggestion and may ask again within the window', () => {
    const story = given(...soleHistory(), pendingReturn).when(
      { type: 'DecideReturn', data: { approve: false } },
      { now: '2026-03-11T02:00:00.000Z', actor: staff },
    );
    story.then([{ type: 'ReturnDenied', data: { unitId: TRANSPORT } }]);
    const state = story.thenState();
    expect(state.status).toBe('assigned');
    if (state.status !== 'assigned') return;
    expect(state.assignment.pendingReturn).toBeUndefined();
    expect(state.decisions[0]).toMatchObject({ kind: 'return', approved: false });
    const denied = stamp({ type: 'ReturnDenied', data: { unitId: TRANSPORT } }, '2026-03-11T02:00:00.000Z', staff);
    given(...soleHistory(), pendingReturn, denied)
      .when(requestReturn, { now: '2026-03-12T02:00:00.000Z', actor: unitUser(TRANSPORT) })
      .then([{ type: 'ReturnRequested', data: { unitId: TRANSPORT, reason: '该事项不属于本单位职责' } }]);
  });

  it('needs a pending request', () => {
    given(...soleHistory())
      .when({ type: 'DecideReturn', data: { approve: true } }, { now: T.early, actor: staff })
      .thenThrows('return.none_pending', 'conflict');
    given(submitted(), accepted())
      .when({ type: 'DecideReturn', data: { approve: true } }, { now: T.early, actor: staff })
      .thenThrows('return.none_pending', 'conflict');
  });

  it('is for staff only', () => {
    given(...soleHistory(), pendingReturn)
      .when({ type: 'DecideReturn', data: { approve: true } }, { now: T.early, actor: supervisor })
      .thenThrows('return.only_staff', 'forbidden');
    given(...soleHistory(), pendingReturn)
      .when({ type: 'DecideReturn', data: { approve: true } }, { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('return.only_staff', 'forbidden');
  });
});
