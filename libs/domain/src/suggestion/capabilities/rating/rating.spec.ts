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
  otherDeputy,
  rated,
  REHANDLING_DUE_AT,
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
import { getRulebook } from '../../../rulebook/get-rulebook';
import { Satisfaction } from '../../values';

const rate = (attitude: Satisfaction, result: Satisfaction, extra: { reason?: string; unitId?: string } = {}) =>
  ({ type: 'RateSuggestion', data: { attitude, result, ...extra } }) as const;
const asLead = { now: T.rated, actor: leadDeputy };
const separateAnswered = () => [
  submitted(),
  accepted(),
  assignedSeparate(TRANSPORT, EDUCATION),
  answered(TRANSPORT),
  answered(EDUCATION, { feedbackDueAt: FEEDBACK_DUE_AT }),
];

describe('RateSuggestion (满意度测评)', () => {
  it('records the lead deputy rating of attitude and result; all rated → rated', () => {
    const story = given(...answeredSoleHistory()).when(rate('satisfied', 'basically_satisfied'), asLead);
    story.then([{ type: 'SuggestionRated', data: { unitId: TRANSPORT, round: 1, attitude: 'satisfied', result: 'basically_satisfied' } }]);
    expect(story.thenState()).toMatchObject({
      status: 'rated',
      assignment: { units: [{ stage: 'rated', ratings: [{ round: 1, ratedAt: T.rated, ratedBy: leadDeputy.userId }] }] },
    });
  });

  it.each([
    ['a co-signing deputy', coSigner],
    ['another deputy', otherDeputy],
    ['staff', staff],
    ['a supervisor', supervisor],
    ['the answering unit', unitUser(TRANSPORT)],
    ['an admin', admin],
    ['an account with the lead deputy id but another role', { userId: leadDeputy.userId, role: 'staff' as const }],
  ])('refuses %s: nobody rates for the deputy (防止"被满意")', (_name, actor) => {
    given(...answeredSoleHistory())
      .when(rate('satisfied', 'satisfied'), { now: T.rated, actor })
      .thenThrows('rating.only_lead_deputy', 'forbidden');
  });

  it('needs an answer to rate', () => {
    given(...soleHistory()).when(rate('satisfied', 'satisfied'), asLead).thenThrows('rating.not_answered', 'conflict');
    given(submitted()).when(rate('satisfied', 'satisfied'), asLead).thenThrows('rating.not_answered', 'conflict');
  });

  it('rates a unit once per round', () => {
    given(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'))
      .when(rate('dissatisfied', 'dissatisfied', { reason: '改变主意' }), { now: T.rerated, actor: leadDeputy })
      .thenThrows('rating.not_answered', 'conflict');
  });

  it('is refused once the feedback window has passed (recorded as not rated or not yet)', () => {
    const afterWindow = { now: '2026-05-09T16:00:00.001Z', actor: leadDeputy };
    given(...answeredSoleHistory()).when(rate('satisfied', 'satisfied'), afterWindow).thenThrows('rating.feedback_window_expired', 'conflict');
    const expired = stamp({ type: 'FeedbackWindowExpired', data: { unitId: TRANSPORT, round: 1 } }, afterWindow.now, SYSTEM_ACTOR);
    expect(given(...answeredSoleHistory(), expired).state).toMatchObject({ status: 'answered', assignment: { units: [{ stage: 'not_rated' }] } });
    given(...answeredSoleHistory(), expired).when(rate('satisfied', 'satisfied'), afterWindow).thenThrows('rating.feedback_window_expired', 'conflict');
    // Up to 24:00 of the last day it is still in time.
    given(...answeredSoleHistory())
      .when(rate('satisfied', 'satisfied'), { now: FEEDBACK_DUE_AT, actor: leadDeputy })
      .then([{ type: 'SuggestionRated', data: { unitId: TRANSPORT, round: 1, attitude: 'satisfied', result: 'satisfied' } }]);
  });

  it('requires a reason when the attitude or the result is dissatisfied', () => {
    given(...answeredSoleHistory()).when(rate('dissatisfied', 'satisfied'), asLead).thenThrows('rating.reason_required', 'invalid', 'reason');
    given(...answeredSoleHistory())
      .when(rate('satisfied', 'dissatisfied', { reason: '  ' }), asLead)
      .thenThrows('rating.reason_required', 'invalid', 'reason');
  });

  it('refuses a level outside satisfied / basically satisfied / dissatisfied', () => {
    given(...answeredSoleHistory())
      .when({ type: 'RateSuggestion', data: { attitude: 'great' as Satisfaction, result: 'satisfied' } }, asLead)
      .thenThrows('rating.invalid_level', 'invalid', 'attitude');
  });

  it('sends a dissatisfied answer back for re-handling within one month', () => {
    const story = given(...answeredSoleHistory()).when(rate('satisfied', 'dissatisfied', { reason: '线路仍未开通' }), asLead);
    story.then([
      { type: 'SuggestionRated', data: { unitId: TRANSPORT, round: 1, attitude: 'satisfied', result: 'dissatisfied', reason: '线路仍未开通' } },
      { type: 'RehandlingStarted', data: { unitId: TRANSPORT, round: 2, dueAt: REHANDLING_DUE_AT } },
    ]);
    expect(story.thenState()).toMatchObject({
      status: 'rehandling',
      escalated: false,
      assignment: { units: [{ stage: 'rehandling', round: 2, dueAt: REHANDLING_DUE_AT, dissatisfiedCount: 1 }] },
    });
  });

  it('escalates on the second dissatisfied rating (提级督办)', () => {
    const history = [
      ...answeredSoleHistory(),
      rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '未落实' }),
      rehandlingStarted(TRANSPORT),
      answered(TRANSPORT, { round: 2, at: T.reanswered, feedbackDueAt: '2026-06-01T16:00:00.000Z' }),
    ];
    // Rated again Mon 05-18: re-handling due Thu 06-18 (the Dragon Boat holiday starts 06-19).
    const story = given(...history).when(rate('basically_satisfied', 'dissatisfied', { reason: '仍未解决' }), {
      now: T.rerated,
      actor: leadDeputy,
    });
    story.then([
      { type: 'SuggestionRated', data: { unitId: TRANSPORT, round: 2, attitude: 'basically_satisfied', result: 'dissatisfied', reason: '仍未解决' } },
      { type: 'RehandlingStarted', data: { unitId: TRANSPORT, round: 3, dueAt: '2026-06-18T16:00:00.000Z' } },
      { type: 'SuggestionEscalated', data: { unitId: TRANSPORT, reason: '代表第2次对办理情况表示不满意，提级督办' } },
    ]);
    expect(story.thenState()).toMatchObject({ status: 'rehandling', escalated: true });
  });

  it('uses the preset re-handling period (四川: 3 months from Mon 04-20: Mon 07-20)', () => {
    expect(
      given(...answeredSoleHistory())
        .when(rate('dissatisfied', 'dissatisfied', { reason: '未落实' }), { ...asLead, rulebook: getRulebook('sichuan') })
        .events()[1],
    ).toEqual({ type: 'RehandlingStarted', data: { unitId: TRANSPORT, round: 2, dueAt: '2026-07-20T16:00:00.000Z' } });
  });

  describe('in separate mode', () => {
    it('needs the unit being rated', () => {
      given(...separateAnswered()).when(rate('satisfied', 'satisfied'), asLead).thenThrows('rating.unit_required', 'invalid', 'unitId');
      given(...separateAnswered())
        .when(rate('satisfied', 'satisfied', { unitId: 'u-health' }), asLead)
        .thenThrows('rating.unknown_unit', 'invalid', 'unitId');
    });

    it('rates each unit on its own: answered until every unit is rated, then rated', () => {
      const first = given(...separateAnswered()).when(rate('satisfied', 'satisfied', { unitId: EDUCATION }), asLead);
      first.then([{ type: 'SuggestionRated', data: { unitId: EDUCATION, round: 1, attitude: 'satisfied', result: 'satisfied' } }]);
      expect(first.thenState().status).toBe('answered');

      const second = given(...separateAnswered(), rated(EDUCATION, 'satisfied', 'satisfied')).when(
        rate('basically_satisfied', 'satisfied', { unitId: TRANSPORT }),
        asLead,
      );
      expect(second.thenState().status).toBe('rated');
    });

    it('re-handles only the unit rated dissatisfied; the other can still be rated meanwhile', () => {
      const history = [
        ...separateAnswered(),
        rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '答非所问' }),
        rehandlingStarted(TRANSPORT),
      ];
      const state = given(...history).state;
      expect(state).toMatchObject({
        status: 'rehandling',
        assignment: { units: [{ unitId: TRANSPORT, stage: 'rehandling' }, { unitId: EDUCATION, stage: 'answered' }] },
      });
      given(...history)
        .when(rate('satisfied', 'satisfied', { unitId: EDUCATION }), asLead)
        .then([{ type: 'SuggestionRated', data: { unitId: EDUCATION, round: 1, attitude: 'satisfied', result: 'satisfied' } }]);
    });

    it('lets a unit that answered be rated while another is still handling', () => {
      given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT))
        .when(rate('satisfied', 'satisfied', { unitId: TRANSPORT }), asLead)
        .then([{ type: 'SuggestionRated', data: { unitId: TRANSPORT, round: 1, attitude: 'satisfied', result: 'satisfied' } }]);
      given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT))
        .when(rate('satisfied', 'satisfied', { unitId: EDUCATION }), asLead)
        .thenThrows('rating.not_answered', 'conflict');
    });
  });
});
