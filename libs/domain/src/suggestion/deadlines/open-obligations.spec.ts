import { given } from '../../testing/given';
import {
  accepted,
  answered,
  answeredSoleHistory,
  ASSIGN_DUE_AT,
  assignedLead,
  assignedSeparate,
  CO_OPINION_DUE_AT,
  DEADLINES,
  EDUCATION,
  FEEDBACK_DUE_AT,
  rated,
  REHANDLING_DUE_AT,
  rehandlingStarted,
  soleHistory,
  submitted,
  T,
  TRANSPORT,
} from '../../testing/fixtures';
import {
  closed,
  coOpinion,
  commitmentFulfilled,
  contacted,
  extensionGranted,
  reassignedSole,
  RETURN_ASSIGN_DUE_AT,
  returnApproved,
  returnDenied,
  returnRequested,
  withdrawn,
} from '../../testing/more-events';
import { Stamped } from '../state';
import { SuggestionEvent } from '../events';
import { openObligations } from './open-obligations';

const keysOf = (...history: Stamped<SuggestionEvent>[]) => openObligations(given(...history).state).map((o) => o.key);
const C1 = { commitmentId: 'C1', description: '年内完成线路调整', dueAt: '2026-12-31T16:00:00.000Z' };

describe('openObligations', () => {
  it('owes nothing before acceptance: no due time is set yet', () => {
    expect(openObligations(given(submitted()).state)).toEqual([]);
    expect(openObligations({ status: 'none' })).toEqual([]);
  });

  it('owes staff the assignment once accepted', () => {
    expect(openObligations(given(submitted(), accepted()).state)).toEqual([
      { key: 'assign', kind: 'assign', concerns: 'staff', dueAt: ASSIGN_DUE_AT },
    ]);
  });

  it('owes the sole unit its return window, its contact and its answer once assigned, soonest first', () => {
    expect(openObligations(given(...soleHistory()).state)).toEqual([
      { key: `return:${TRANSPORT}`, kind: 'return_window', concerns: 'unit', unitId: TRANSPORT, dueAt: DEADLINES.returnDueAt },
      { key: `contact:${TRANSPORT}`, kind: 'contact', concerns: 'unit', unitId: TRANSPORT, dueAt: DEADLINES.contactDueAt },
      { key: `answer:${TRANSPORT}:1`, kind: 'answer', concerns: 'unit', unitId: TRANSPORT, round: 1, dueAt: DEADLINES.answerDueAt },
    ]);
  });

  it('owes co-handlers their opinion and their return window, never an answer or a contact', () => {
    const obligations = openObligations(given(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION)).state);
    expect(obligations.filter((o) => o.unitId === EDUCATION)).toEqual([
      { key: `return:${EDUCATION}`, kind: 'return_window', concerns: 'unit', unitId: EDUCATION, dueAt: DEADLINES.returnDueAt },
      { key: `co_opinion:${EDUCATION}`, kind: 'co_opinion', concerns: 'unit', unitId: EDUCATION, dueAt: CO_OPINION_DUE_AT },
    ]);
    expect(keysOf(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION), coOpinion(EDUCATION))).not.toContain(`co_opinion:${EDUCATION}`);
  });

  it('drops the contact once logged', () => {
    expect(keysOf(...soleHistory(), contacted(TRANSPORT))).toEqual([`return:${TRANSPORT}`, `answer:${TRANSPORT}:1`]);
  });

  it('keeps the return window only while the unit may still ask: not while its request is pending, again after a denial', () => {
    expect(keysOf(...soleHistory(), returnRequested(TRANSPORT))).not.toContain(`return:${TRANSPORT}`);
    expect(keysOf(...soleHistory(), returnRequested(TRANSPORT), returnDenied(TRANSPORT))).toContain(`return:${TRANSPORT}`);
  });

  it('owes the assignment again after an approved return, and tells the next assignment apart', () => {
    const returned = [...soleHistory(), returnRequested(TRANSPORT), returnApproved(TRANSPORT)];
    expect(openObligations(given(...returned).state)).toEqual([
      { key: 'assign@2', kind: 'assign', concerns: 'staff', dueAt: RETURN_ASSIGN_DUE_AT },
    ]);
    expect(keysOf(...returned, reassignedSole(EDUCATION, T.early))).toEqual([
      `return:${EDUCATION}@2`,
      `contact:${EDUCATION}@2`,
      `answer:${EDUCATION}:1@2`,
    ]);
  });

  it('owes the answer by the granted extension instead, as a new obligation named after its last day', () => {
    const obligations = openObligations(given(...soleHistory(), ...extensionGranted(TRANSPORT, '2026-08-31T16:00:00.000Z')).state);
    expect(obligations.find((o) => o.kind === 'answer')).toEqual({
      key: `answer:${TRANSPORT}:1:ext-2026-08-31`,
      kind: 'answer',
      concerns: 'unit',
      unitId: TRANSPORT,
      round: 1,
      dueAt: '2026-08-31T16:00:00.000Z',
    });
  });

  it('once answered, awaits the lead deputy rating within the feedback window', () => {
    expect(openObligations(given(...answeredSoleHistory()).state)).toEqual([
      { key: `feedback:${TRANSPORT}:1`, kind: 'feedback', concerns: 'deputy', unitId: TRANSPORT, round: 1, dueAt: FEEDBACK_DUE_AT },
    ]);
    expect(keysOf(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'))).toEqual([]);
  });

  it('in separate mode opens no feedback window before every unit has answered', () => {
    const history = [submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), contacted(TRANSPORT), contacted(EDUCATION)];
    // The unit still handling may still ask to return it.
    expect(keysOf(...history, answered(TRANSPORT))).toEqual([`return:${EDUCATION}`, `answer:${EDUCATION}:1`]);
    expect(keysOf(...history, answered(TRANSPORT), answered(EDUCATION, { feedbackDueAt: FEEDBACK_DUE_AT }))).toEqual([
      `feedback:${EDUCATION}:1`,
      `feedback:${TRANSPORT}:1`,
    ]);
  });

  it('owes the re-handling answer after a dissatisfied rating, not the rating of the old round', () => {
    const history = [...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未解决' }), rehandlingStarted(TRANSPORT)];
    expect(openObligations(given(...history).state)).toEqual([
      { key: `rehandling:${TRANSPORT}:2`, kind: 'rehandling', concerns: 'unit', unitId: TRANSPORT, round: 2, dueAt: REHANDLING_DUE_AT },
    ]);
  });

  it('follows every unfulfilled commitment, also once closed', () => {
    const C2 = { commitmentId: 'C2', description: '增设站点', dueAt: '2026-09-30T16:00:00.000Z' };
    const history = [
      ...soleHistory(),
      answered(TRANSPORT, { category: 'B', commitments: [C1, C2], feedbackDueAt: FEEDBACK_DUE_AT }),
      rated(TRANSPORT, 'satisfied', 'satisfied'),
      closed(T.rerated),
    ];
    expect(openObligations(given(...history).state)).toEqual([
      { key: 'commitment:C2', kind: 'commitment', concerns: 'unit', unitId: TRANSPORT, commitmentId: 'C2', dueAt: C2.dueAt },
      { key: 'commitment:C1', kind: 'commitment', concerns: 'unit', unitId: TRANSPORT, commitmentId: 'C1', dueAt: C1.dueAt },
    ]);
    expect(keysOf(...history, commitmentFulfilled('C2', TRANSPORT, T.rerated))).toEqual(['commitment:C1']);
  });

  it('owes nothing on a withdrawn suggestion', () => {
    expect(keysOf(...soleHistory(), withdrawn())).toEqual([]);
  });
});
