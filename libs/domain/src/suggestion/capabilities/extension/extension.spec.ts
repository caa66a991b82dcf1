import { given } from '../../../testing/given';
import {
  accepted,
  admin,
  answered,
  assignedLead,
  assignedSeparate,
  DEADLINES,
  EDUCATION,
  leadDeputy,
  rated,
  rehandlingStarted,
  soleHistory,
  staff,
  stamp,
  submitted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { suggestionSummary } from '../../summary';

const request = (until: string) => ({ type: 'RequestExtension', data: { reason: '涉及多部门协调，需要更多时间', until } }) as const;
const pending = (until = '2026-08-31T16:00:00.000Z') =>
  stamp({ type: 'ExtensionRequested', data: { unitId: TRANSPORT, reason: '涉及多部门协调', until } }, T.early, unitUser(TRANSPORT));

describe('RequestExtension (申请延期)', () => {
  it('asks for a later due time up to the maximum', () => {
    given(...soleHistory())
      .when(request(DEADLINES.extensionMaxAt), { now: T.early, actor: unitUser(TRANSPORT) })
      .then([{ type: 'ExtensionRequested', data: { unitId: TRANSPORT, reason: '涉及多部门协调，需要更多时间', until: DEADLINES.extensionMaxAt } }]);
  });

  it('reads a date as 24:00 of that day in Shanghai', () => {
    expect(given(...soleHistory()).when(request('2026-08-31'), { now: T.early, actor: unitUser(TRANSPORT) }).events()).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ until: '2026-08-31T16:00:00.000Z' }) }),
    ]);
  });

  it('never goes past the rulebook maximum (6 months from assignment)', () => {
    given(...soleHistory())
      .when(request('2026-09-07T16:00:00.001Z'), { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('extension.beyond_maximum', 'invalid', 'until');
  });

  it('must be later than the due time in force', () => {
    given(...soleHistory())
      .when(request(DEADLINES.answerDueAt), { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('extension.not_later', 'invalid', 'until');
    given(...soleHistory())
      .when(request('下个月'), { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('extension.until_invalid', 'invalid', 'until');
  });

  it('must be later than now: an overdue unit cannot ask for a time already past', () => {
    // Due Fri 06-05 24:00; asked on 06-20 for 06-10, later than the due time but gone.
    given(...soleHistory())
      .when(request('2026-06-10'), { now: '2026-06-20T02:00:00.000Z', actor: unitUser(TRANSPORT) })
      .thenThrows('extension.until_in_past', 'invalid', 'until');
    given(...soleHistory())
      .when(request('2026-06-30'), { now: '2026-06-20T02:00:00.000Z', actor: unitUser(TRANSPORT) })
      .then([{ type: 'ExtensionRequested', data: { unitId: TRANSPORT, reason: '涉及多部门协调，需要更多时间', until: '2026-06-30T16:00:00.000Z' } }]);
  });

  it('never reaches the far future: the maximum bounds the year 9999 too', () => {
    given(...soleHistory())
      .when(request('9999-12-31T23:59:59Z'), { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('extension.beyond_maximum', 'invalid', 'until');
  });

  it('is for answering units only: a co-handler does not answer', () => {
    given(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION))
      .when(request('2026-08-31'), { now: T.early, actor: unitUser(EDUCATION) })
      .thenThrows('extension.co_handler_cannot_extend', 'forbidden');
    given(...soleHistory())
      .when(request('2026-08-31'), { now: T.early, actor: unitUser(EDUCATION) })
      .thenThrows('extension.not_assigned_unit', 'forbidden');
    given(...soleHistory()).when(request('2026-08-31'), { now: T.early, actor: staff }).thenThrows('extension.not_assigned_unit', 'forbidden');
  });

  it('refuses a unit that has answered, and a second pending request', () => {
    given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT, { at: T.early }))
      .when(request('2026-08-31'), { now: '2026-03-11T02:00:00.000Z', actor: unitUser(TRANSPORT) })
      .thenThrows('extension.already_answered', 'conflict');
    given(...soleHistory(), pending())
      .when(request('2026-08-30'), { now: '2026-03-11T02:00:00.000Z', actor: unitUser(TRANSPORT) })
      .thenThrows('extension.already_pending', 'conflict');
  });

  it('lets a separate unit still on its first answer ask while another unit is re-handling', () => {
    const history = [
      submitted(),
      accepted(),
      assignedSeparate(TRANSPORT, EDUCATION),
      answered(TRANSPORT, { at: T.early }),
      rated(TRANSPORT, 'dissatisfied', 'basically_satisfied', { reason: '未说明时间表', at: '2026-03-11T02:00:00.000Z' }),
      rehandlingStarted(TRANSPORT, 2, '2026-04-13T16:00:00.000Z', '2026-03-11T02:00:00.000Z'),
    ];
    expect(given(...history).state.status).toBe('rehandling');
    given(...history)
      .when(request('2026-08-31'), { now: '2026-03-12T02:00:00.000Z', actor: unitUser(EDUCATION) })
      .then([{ type: 'ExtensionRequested', data: { unitId: EDUCATION, reason: '涉及多部门协调，需要更多时间', until: '2026-08-31T16:00:00.000Z' } }]);
  });
});

describe('DecideExtension', () => {
  it('grants: the unit answers by the new due time', () => {
    const story = given(...soleHistory(), pending()).when(
      { type: 'DecideExtension', data: { approve: true, reason: '同意延期' } },
      { now: '2026-03-11T02:00:00.000Z', actor: staff },
    );
    story.then([{ type: 'ExtensionGranted', data: { unitId: TRANSPORT, until: '2026-08-31T16:00:00.000Z', reason: '同意延期' } }]);
    const state = story.thenState();
    expect(state).toMatchObject({ status: 'assigned', assignment: { units: [{ unitId: TRANSPORT, dueAt: '2026-08-31T16:00:00.000Z' }] } });
    if (state.status === 'none') return;
    expect(suggestionSummary(state, '2026-06-10T02:00:00.000Z')).toMatchObject({ dueAt: '2026-08-31T16:00:00.000Z', overdue: false });
  });

  it('denies: the due time stays', () => {
    const story = given(...soleHistory(), pending()).when(
      { type: 'DecideExtension', data: { approve: false, reason: '理由不充分' } },
      { now: '2026-03-11T02:00:00.000Z', actor: admin },
    );
    story.then([{ type: 'ExtensionDenied', data: { unitId: TRANSPORT, reason: '理由不充分' } }]);
    expect(story.thenState()).toMatchObject({ assignment: { units: [{ dueAt: DEADLINES.answerDueAt }] } });
  });

  it('needs a pending request and staff', () => {
    given(...soleHistory())
      .when({ type: 'DecideExtension', data: { approve: true } }, { now: T.early, actor: staff })
      .thenThrows('extension.none_pending', 'conflict');
    given(...soleHistory(), pending())
      .when({ type: 'DecideExtension', data: { approve: true } }, { now: T.early, actor: supervisor })
      .thenThrows('extension.only_staff', 'forbidden');
    given(...soleHistory(), pending())
      .when({ type: 'DecideExtension', data: { approve: true } }, { now: T.early, actor: leadDeputy })
      .thenThrows('extension.only_staff', 'forbidden');
  });
});
