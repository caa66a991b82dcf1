import { given } from '../../../testing/given';
import {
  accepted,
  answered,
  answeredSoleHistory,
  assignedLead,
  EDUCATION,
  FEEDBACK_DUE_AT,
  HEALTH,
  leadDeputy,
  rated,
  rehandlingStarted,
  soleHistory,
  staff,
  stamp,
  submitted,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';

const contact = { type: 'ContactDeputy', data: { method: '座谈', summary: '与代表当面沟通线路方案' } } as const;
const opinion = { type: 'SubmitCoHandlerOpinion', data: { content: '同意增开线路，建议兼顾学校上下学时段' } } as const;
const leadHistory = () => [submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION, HEALTH)];

describe('ContactDeputy (联系代表)', () => {
  it('records the contact of an assigned unit, and the first contact time for the statistics', () => {
    const story = given(...soleHistory()).when(contact, { now: T.early, actor: unitUser(TRANSPORT) });
    story.then([{ type: 'DeputyContacted', data: { unitId: TRANSPORT, method: '座谈', summary: '与代表当面沟通线路方案' } }]);
    expect(story.thenState()).toMatchObject({ assignment: { units: [{ unitId: TRANSPORT, contactedAt: T.early }] } });
  });

  it('keeps the first contact time when the unit contacts the deputy again', () => {
    const first = stamp({ type: 'DeputyContacted', data: { unitId: TRANSPORT, method: '电话', summary: '初步沟通' } }, T.early, unitUser(TRANSPORT));
    const state = given(...soleHistory(), first).when(contact, { now: '2026-03-20T02:00:00.000Z', actor: unitUser(TRANSPORT) }).thenState();
    expect(state).toMatchObject({ assignment: { units: [{ contactedAt: T.early }] } });
  });

  it('lets a co-handler contact the deputy too', () => {
    given(...leadHistory())
      .when(contact, { now: T.early, actor: unitUser(HEALTH) })
      .then([{ type: 'DeputyContacted', data: { unitId: HEALTH, method: '座谈', summary: '与代表当面沟通线路方案' } }]);
  });

  it('is allowed while re-handling', () => {
    given(...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '线路未落实' }), rehandlingStarted(TRANSPORT))
      .when(contact, { now: T.reanswered, actor: unitUser(TRANSPORT) })
      .then([{ type: 'DeputyContacted', data: { unitId: TRANSPORT, method: '座谈', summary: '与代表当面沟通线路方案' } }]);
  });

  it('refuses units not assigned and accounts that are not unit users', () => {
    given(...soleHistory()).when(contact, { now: T.early, actor: unitUser(EDUCATION) }).thenThrows('contact.not_assigned_unit', 'forbidden');
    given(...soleHistory()).when(contact, { now: T.early, actor: staff }).thenThrows('contact.not_assigned_unit', 'forbidden');
    given(submitted(), accepted()).when(contact, { now: T.early, actor: unitUser(TRANSPORT) }).thenThrows('contact.not_assigned_unit', 'forbidden');
  });

  it('refuses once the suggestion is answered', () => {
    given(...answeredSoleHistory()).when(contact, { now: T.rated, actor: unitUser(TRANSPORT) }).thenThrows('contact.not_open', 'conflict');
  });

  it('requires the method and a summary', () => {
    given(...soleHistory())
      .when({ type: 'ContactDeputy', data: { method: '电话', summary: '  ' } }, { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('contact.summary_required', 'invalid', 'summary');
    given(...soleHistory())
      .when({ type: 'ContactDeputy', data: { method: '', summary: '沟通' } }, { now: T.early, actor: unitUser(TRANSPORT) })
      .thenThrows('contact.method_required', 'invalid', 'method');
  });
});

describe('SubmitCoHandlerOpinion (协办意见)', () => {
  it('records a co-handler opinion for the lead unit', () => {
    const story = given(...leadHistory()).when(opinion, { now: T.early, actor: unitUser(EDUCATION) });
    story.then([{ type: 'CoHandlerOpinionSubmitted', data: { unitId: EDUCATION, content: '同意增开线路，建议兼顾学校上下学时段' } }]);
    expect(story.thenState()).toMatchObject({
      status: 'assigned',
      assignment: { units: [{ unitId: TRANSPORT }, { unitId: EDUCATION, coOpinion: { submittedAt: T.early } }, { unitId: HEALTH }] },
    });
  });

  it('refuses the lead unit and a sole handler: only co-handlers send opinions', () => {
    given(...leadHistory()).when(opinion, { now: T.early, actor: unitUser(TRANSPORT) }).thenThrows('co_opinion.only_co_handler', 'forbidden');
    given(...soleHistory()).when(opinion, { now: T.early, actor: unitUser(TRANSPORT) }).thenThrows('co_opinion.only_co_handler', 'forbidden');
    given(...leadHistory()).when(opinion, { now: T.early, actor: leadDeputy }).thenThrows('co_opinion.not_assigned_unit', 'forbidden');
  });

  it('takes one opinion per co-handler', () => {
    const first = stamp({ type: 'CoHandlerOpinionSubmitted', data: { unitId: EDUCATION, content: '意见' } }, T.early, unitUser(EDUCATION));
    given(...leadHistory(), first)
      .when(opinion, { now: '2026-03-11T02:00:00.000Z', actor: unitUser(EDUCATION) })
      .thenThrows('co_opinion.already_submitted', 'conflict');
    given(...leadHistory(), first)
      .when(opinion, { now: '2026-03-11T02:00:00.000Z', actor: unitUser(HEALTH) })
      .then([{ type: 'CoHandlerOpinionSubmitted', data: { unitId: HEALTH, content: '同意增开线路，建议兼顾学校上下学时段' } }]);
  });

  it('refuses once the lead has answered', () => {
    given(...leadHistory(), answered(TRANSPORT, { feedbackDueAt: FEEDBACK_DUE_AT }))
      .when(opinion, { now: T.rated, actor: unitUser(EDUCATION) })
      .thenThrows('co_opinion.not_assigned', 'conflict');
  });

  it('requires content', () => {
    given(...leadHistory())
      .when({ type: 'SubmitCoHandlerOpinion', data: { content: ' ' } }, { now: T.early, actor: unitUser(EDUCATION) })
      .thenThrows('co_opinion.content_required', 'invalid', 'content');
  });
});
