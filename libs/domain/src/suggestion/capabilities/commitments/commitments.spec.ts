import { given } from '../../../testing/given';
import {
  accepted,
  answered,
  assignedSeparate,
  EDUCATION,
  FEEDBACK_DUE_AT,
  leadDeputy,
  rated,
  soleHistory,
  staff,
  stamp,
  submitted,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';

const C1 = { commitmentId: 'C1', description: '年内完成线路调整', dueAt: '2026-12-31T16:00:00.000Z' };
const withCommitment = () => [
  ...soleHistory(),
  answered(TRANSPORT, { category: 'B', commitments: [C1], feedbackDueAt: FEEDBACK_DUE_AT }),
];
const fulfil = (commitmentId = 'C1') => ({ type: 'FulfilCommitment', data: { commitmentId, evidence: '新线路已于十月开通' } }) as const;
const later = '2026-10-20T02:00:00.000Z';

describe('FulfilCommitment (承诺事项落实)', () => {
  it('records the fulfilment by the unit that made the commitment', () => {
    const story = given(...withCommitment()).when(fulfil(), { now: later, actor: unitUser(TRANSPORT) });
    story.then([{ type: 'CommitmentFulfilled', data: { commitmentId: 'C1', unitId: TRANSPORT, evidence: '新线路已于十月开通' } }]);
    expect(story.thenState()).toMatchObject({
      commitments: [{ ...C1, unitId: TRANSPORT, madeAt: T.answered, fulfilledAt: later, evidence: '新线路已于十月开通' }],
    });
  });

  it('is followed after the suggestion is rated and closed', () => {
    const closed = [
      ...withCommitment(),
      rated(TRANSPORT, 'satisfied', 'satisfied'),
      stamp({ type: 'SuggestionClosed', data: {} }, T.rerated, staff),
    ];
    expect(given(...closed).state.status).toBe('closed');
    given(...closed)
      .when(fulfil(), { now: later, actor: unitUser(TRANSPORT) })
      .then([{ type: 'CommitmentFulfilled', data: { commitmentId: 'C1', unitId: TRANSPORT, evidence: '新线路已于十月开通' } }]);
  });

  it('can be recorded in separate mode while another unit is still handling', () => {
    given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT, { category: 'C', commitments: [C1] }))
      .when(fulfil(), { now: later, actor: unitUser(TRANSPORT) })
      .then([{ type: 'CommitmentFulfilled', data: { commitmentId: 'C1', unitId: TRANSPORT, evidence: '新线路已于十月开通' } }]);
  });

  it('refuses another unit and accounts that are not units', () => {
    given(...withCommitment()).when(fulfil(), { now: later, actor: unitUser(EDUCATION) }).thenThrows('commitment.not_own_unit', 'forbidden');
    given(...withCommitment()).when(fulfil(), { now: later, actor: staff }).thenThrows('commitment.only_unit', 'forbidden');
    given(...withCommitment()).when(fulfil(), { now: later, actor: leadDeputy }).thenThrows('commitment.only_unit', 'forbidden');
  });

  it('refuses an unknown commitment and one already fulfilled', () => {
    given(...withCommitment()).when(fulfil('C2'), { now: later, actor: unitUser(TRANSPORT) }).thenThrows('commitment.not_found', 'invalid', 'commitmentId');
    const done = stamp({ type: 'CommitmentFulfilled', data: { commitmentId: 'C1', unitId: TRANSPORT, evidence: '已开通' } }, later, unitUser(TRANSPORT));
    given(...withCommitment(), done)
      .when(fulfil(), { now: '2026-10-21T02:00:00.000Z', actor: unitUser(TRANSPORT) })
      .thenThrows('commitment.already_fulfilled', 'conflict');
  });

  it('requires evidence', () => {
    given(...withCommitment())
      .when({ type: 'FulfilCommitment', data: { commitmentId: 'C1', evidence: ' ' } }, { now: later, actor: unitUser(TRANSPORT) })
      .thenThrows('commitment.evidence_required', 'invalid', 'evidence');
  });
});
