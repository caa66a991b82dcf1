import { given } from '../../../testing/given';
import {
  admin,
  answered,
  assignedLead,
  assignedSeparate,
  DEADLINES,
  EDUCATION,
  HEALTH,
  leadDeputy,
  soleHistory,
  staff,
  stamp,
  submitted,
  accepted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { allowedActions } from '../../allowed-actions';
import { obligationLog } from '../../deadlines/obligation-log';
import { NATIONAL_RULEBOOK } from '../../../rulebook/presets';
import { realCalendar } from '../../../testing/given';
import { mayRead } from '../visibility/visibility.rule';

const REASON = '该事项属于卫生健康部门职责';
const transfer = (fromUnitId = TRANSPORT, toUnitId = HEALTH, reason = REASON) =>
  ({ type: 'TransferSuggestion', data: { fromUnitId, toUnitId, reason } }) as const;

/** Transferred at Tue 2026-03-10: three months from then is Wed 06-10 (the assignment's was Fri 06-05). */
const FRESH_ANSWER_DUE_AT = '2026-06-10T16:00:00.000Z';

describe('TransferSuggestion (转办)', () => {
  it('lets staff hand an unanswered unit’s part to another unit, with a clock that starts at the transfer', () => {
    const [event] = given(...soleHistory()).when(transfer(), { now: T.early, actor: staff }).events();
    expect(event).toMatchObject({
      type: 'SuggestionTransferred',
      data: { fromUnitId: TRANSPORT, toUnitId: HEALTH, reason: REASON, answerDueAt: FRESH_ANSWER_DUE_AT },
    });
    expect(event!.data).not.toHaveProperty('coOpinionDueAt');
  });

  it('puts the new unit in the old one’s place and role, still being handled; the old unit keeps reading it', () => {
    const state = given(...soleHistory()).when(transfer(), { now: T.early, actor: staff }).thenState();
    expect(state).toMatchObject({
      status: 'assigned',
      assignment: {
        units: [{ unitId: HEALTH, role: 'sole', stage: 'handling', round: 1, dueAt: FRESH_ANSWER_DUE_AT }],
        transfers: [{ unit: { unitId: TRANSPORT }, toUnitId: HEALTH, reason: REASON, transferredAt: T.early }],
      },
    });
    expect(mayRead(state, unitUser(TRANSPORT))).toBe(true);
    expect(mayRead(state, unitUser(HEALTH))).toBe(true);
    expect(mayRead(state, unitUser(EDUCATION))).toBe(false);
  });

  it('ends the old unit’s obligations and opens the new unit’s on its own clock', () => {
    const state = given(...soleHistory()).when(transfer(), { now: T.early, actor: staff }).thenState();
    const log = obligationLog(state);
    const old = log.filter((r) => r.unitId === TRANSPORT);
    const fresh = log.filter((r) => r.unitId === HEALTH);
    expect(old.map((r) => r.kind).sort()).toEqual(['answer', 'contact', 'return_window']);
    for (const r of old) expect(r).toMatchObject({ endedAt: T.early });
    expect(fresh.map((r) => [r.kind, r.key, r.openedAt, r.endedAt])).toEqual(
      expect.arrayContaining([
        ['answer', `answer:${HEALTH}:1`, T.early, undefined],
        ['return_window', `return:${HEALTH}`, T.early, undefined],
      ]),
    );
    // The national rulebook sets no contact deadline: the new unit owes contact, with no due time.
    expect(fresh.some((r) => r.kind === 'contact')).toBe(false);
    expect(fresh.find((r) => r.kind === 'answer')?.dueAt).toBe(FRESH_ANSWER_DUE_AT);
    expect(fresh.find((r) => r.kind === 'return_window')?.dueAt).not.toBe(DEADLINES.returnDueAt);
  });

  it('lets the new unit answer and ask to return on its own clock, and the old unit no longer', () => {
    const history = [...soleHistory(), stamp({ type: 'SuggestionTransferred', data: { fromUnitId: TRANSPORT, toUnitId: HEALTH, reason: REASON, ...freshDeadlines() } }, T.early, staff)];
    // The assignment's return window closed on 03-19; the new unit's runs ten working days from 03-10.
    given(...history)
      .when({ type: 'RequestReturn', data: { reason: '也不属于本单位' } }, { now: '2026-03-20T02:00:00.000Z', actor: unitUser(HEALTH) })
      .then([{ type: 'ReturnRequested', data: { unitId: HEALTH, reason: '也不属于本单位' } }]);
    expect(allowedActions(given(...history).state, ctxOf(unitUser(HEALTH)))).toContain('answer');
    given(...history)
      .when({ type: 'AnswerSuggestion', data: { category: 'A', content: '已解决', signedBy: '局长', commitments: [] } }, { now: T.answered, actor: unitUser(TRANSPORT) })
      .thenThrows('answer.not_assigned_unit', 'forbidden');
  });

  it('gives a co-handler’s successor a fresh opinion deadline and keeps the lead', () => {
    const story = given(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION)).when(transfer(EDUCATION), { now: T.early, actor: staff });
    expect(story.events()[0]!.data).toHaveProperty('coOpinionDueAt');
    expect(story.thenState()).toMatchObject({ assignment: { units: [{ unitId: TRANSPORT, role: 'lead' }, { unitId: HEALTH, role: 'co' }] } });
  });

  it('refuses anyone but staff and admin', () => {
    given(...soleHistory()).when(transfer(), { now: T.early, actor: admin }).events();
    for (const actor of [leadDeputy, supervisor, unitUser(TRANSPORT)]) {
      given(...soleHistory()).when(transfer(), { now: T.early, actor }).thenThrows('transfer.only_staff', 'forbidden');
    }
  });

  it('refuses a unit that has answered, one not on the assignment, a unit already on it, and no reason', () => {
    const separate = [submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT)];
    given(...separate).when(transfer(TRANSPORT), { now: T.answered, actor: staff }).thenThrows('transfer.already_answered', 'conflict', 'fromUnitId');
    given(...separate).when(transfer(EDUCATION), { now: T.answered, actor: staff }).events();
    given(...soleHistory()).when(transfer(EDUCATION), { now: T.early, actor: staff }).thenThrows('transfer.from_not_assigned', 'conflict', 'fromUnitId');
    given(...separate).when(transfer(EDUCATION, TRANSPORT), { now: T.answered, actor: staff }).thenThrows('transfer.to_already_assigned', 'conflict', 'toUnitId');
    given(...soleHistory()).when(transfer(TRANSPORT, HEALTH, ' \u200b '), { now: T.early, actor: staff }).thenThrows('transfer.reason_required', 'invalid', 'reason');
  });

  it('refuses once every answering unit has answered (the answers are the deputy’s to rate)', () => {
    given(...soleHistory(), answered(TRANSPORT)).when(transfer(), { now: T.answered, actor: staff }).thenThrows('transfer.not_assigned', 'conflict');
    given(submitted(), accepted()).when(transfer(), { now: T.early, actor: staff }).thenThrows('transfer.not_assigned', 'conflict');
  });

  it('is offered to staff exactly while some unit can be handed on', () => {
    expect(allowedActions(given(...soleHistory()).state, ctxOf(staff))).toContain('transfer');
    expect(allowedActions(given(...soleHistory()).state, ctxOf(unitUser(TRANSPORT)))).not.toContain('transfer');
    expect(allowedActions(given(...soleHistory(), answered(TRANSPORT)).state, ctxOf(staff))).not.toContain('transfer');
  });
});

function ctxOf(actor: Parameters<typeof mayRead>[1]) {
  return { now: T.early, actor, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar };
}

function freshDeadlines() {
  const [event] = given(...soleHistory()).when(transfer(), { now: T.early, actor: staff }).events();
  const { fromUnitId: _f, toUnitId: _t, reason: _r, ...deadlines } = event!.data as { fromUnitId: string; toUnitId: string; reason: string; answerDueAt: string; extensionMaxAt: string; returnDueAt: string; contactDueAt?: string };
  return deadlines;
}
