import { SYSTEM_ACTOR } from '../../../shared/actor';
import { given } from '../../../testing/given';
import {
  accepted,
  admin,
  answered,
  answeredSoleHistory,
  assignedSeparate,
  coSigner,
  EDUCATION,
  FEEDBACK_DUE_AT,
  leadDeputy,
  rated,
  rehandlingStarted,
  soleHistory,
  stamp,
  staff,
  submitted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';

const withdraw = { type: 'WithdrawSuggestion', data: { reason: '问题已自行解决' } } as const;
const close = { type: 'CloseSuggestion', data: {} } as const;

describe('WithdrawSuggestion (撤回)', () => {
  it.each([
    ['submitted', [submitted()]],
    ['accepted', [submitted(), accepted()]],
    ['assigned', soleHistory()],
  ])('lets the lead deputy withdraw a %s suggestion', (_status, history) => {
    const story = given(...history).when(withdraw, { now: T.early, actor: leadDeputy });
    story.then([{ type: 'SuggestionWithdrawn', data: { reason: '问题已自行解决' } }]);
    expect(story.thenState()).toMatchObject({ status: 'withdrawn', withdrawnReason: '问题已自行解决', withdrawnAt: T.early });
  });

  it('keeps the assignment of a withdrawn suggestion for the record', () => {
    expect(given(...soleHistory()).when(withdraw, { now: T.early, actor: leadDeputy }).thenState()).toMatchObject({
      status: 'withdrawn',
      assignment: { units: [{ unitId: TRANSPORT }] },
    });
  });

  it('refuses co-signers and everyone else', () => {
    given(...soleHistory()).when(withdraw, { now: T.early, actor: coSigner }).thenThrows('withdraw.only_lead_deputy', 'forbidden');
    given(...soleHistory()).when(withdraw, { now: T.early, actor: staff }).thenThrows('withdraw.only_lead_deputy', 'forbidden');
  });

  it('refuses once answered, also when only one unit of a separate assignment has answered', () => {
    given(...answeredSoleHistory()).when(withdraw, { now: T.rated, actor: leadDeputy }).thenThrows('withdraw.already_answered', 'conflict');
    given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT))
      .when(withdraw, { now: T.rated, actor: leadDeputy })
      .thenThrows('withdraw.already_answered', 'conflict');
  });

  it('requires a reason', () => {
    given(submitted())
      .when({ type: 'WithdrawSuggestion', data: { reason: '' } }, { now: T.early, actor: leadDeputy })
      .thenThrows('withdraw.reason_required', 'invalid', 'reason');
  });
});

describe('CloseSuggestion (办结)', () => {
  it('closes a rated suggestion', () => {
    const story = given(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied')).when(close, { now: T.rerated, actor: staff });
    story.then([{ type: 'SuggestionClosed', data: {} }]);
    expect(story.thenState().status).toBe('closed');
  });

  it('closes an unrated answer only after 24:00 of the last day of the feedback window', () => {
    given(...answeredSoleHistory()).when(close, { now: FEEDBACK_DUE_AT, actor: staff }).thenThrows('close.feedback_window_open', 'conflict');
    given(...answeredSoleHistory())
      .when(close, { now: '2026-05-09T16:00:00.001Z', actor: admin })
      .then([{ type: 'SuggestionClosed', data: {} }]);
  });

  it('closes once every unit is rated or recorded as not rated, even before the latest window ends', () => {
    // Separate mode: education's window passed unrated; transport was re-handled, answered again and rated.
    const history = [
      submitted(),
      accepted(),
      assignedSeparate(TRANSPORT, EDUCATION),
      answered(TRANSPORT),
      answered(EDUCATION, { feedbackDueAt: FEEDBACK_DUE_AT }),
      rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未解决' }),
      rehandlingStarted(TRANSPORT),
      stamp({ type: 'FeedbackWindowExpired', data: { unitId: EDUCATION, round: 1 } }, '2026-05-09T16:00:00.001Z', SYSTEM_ACTOR),
      answered(TRANSPORT, { round: 2, at: T.reanswered, feedbackDueAt: '2026-06-01T16:00:00.000Z' }),
    ];
    const now = { now: T.rerated, actor: staff };
    given(...history).when(close, now).thenThrows('close.feedback_window_open', 'conflict');
    const done = [...history, rated(TRANSPORT, 'satisfied', 'satisfied', { round: 2, at: T.rerated })];
    expect(given(...done).state.status).toBe('answered');
    given(...done).when(close, now).then([{ type: 'SuggestionClosed', data: {} }]);
  });

  it('refuses suggestions not yet answered, re-handling or already closed', () => {
    given(...soleHistory()).when(close, { now: T.rated, actor: staff }).thenThrows('close.not_answered', 'conflict');
    const rehandling = [...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未解决' }), rehandlingStarted(TRANSPORT)];
    given(...rehandling).when(close, { now: '2026-06-30T02:00:00.000Z', actor: staff }).thenThrows('close.not_answered', 'conflict');
    const closed = [...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'), stamp({ type: 'SuggestionClosed', data: {} }, T.rerated, staff)];
    given(...closed).when(close, { now: '2026-06-30T02:00:00.000Z', actor: staff }).thenThrows('close.not_answered', 'conflict');
    given(submitted()).when(close, { now: T.rated, actor: staff }).thenThrows('close.not_answered', 'conflict');
  });

  it('is for staff only', () => {
    given(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'))
      .when(close, { now: T.rerated, actor: supervisor })
      .thenThrows('close.only_staff', 'forbidden');
    given(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'))
      .when(close, { now: T.rerated, actor: unitUser(TRANSPORT) })
      .thenThrows('close.only_staff', 'forbidden');
  });
});
