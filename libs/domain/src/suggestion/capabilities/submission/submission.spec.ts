import { LEGACY_SESSION_ID } from '../../../session/events';
import { given } from '../../../testing/given';
import {
  accepted,
  admin,
  ASSIGN_DUE_AT,
  coSigner,
  leadDeputy,
  soleHistory,
  staff,
  submitted,
  SUGGESTION_ID,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { getRulebook } from '../../../rulebook/get-rulebook';
import { SuggestionCommand } from '../../commands';

const submit = (over: Partial<Extract<SuggestionCommand, { type: 'SubmitSuggestion' }>['data']> = {}): SuggestionCommand => ({
  type: 'SubmitSuggestion',
  data: { suggestionId: SUGGESTION_ID, title: '关于优化城区公交线路的建议', content: '建议增开线路。', coSignerIds: [], ...over },
});

describe('SubmitSuggestion', () => {
  it('records the submitter as lead deputy with the co-signers, trimming the texts', () => {
    given()
      .when(submit({ title: '  关于优化城区公交线路的建议 ', content: ' 建议增开线路。\n', coSignerIds: [coSigner.userId] }), {
        now: T.submitted,
        actor: leadDeputy,
      })
      .then([
        {
          type: 'SuggestionSubmitted',
          data: {
            suggestionId: SUGGESTION_ID,
            title: '关于优化城区公交线路的建议',
            content: '建议增开线路。',
            leadDeputyId: leadDeputy.userId,
            coSignerIds: [coSigner.userId],
            sessionId: LEGACY_SESSION_ID,
          },
        },
      ]);
  });

  it('stores a request to hide the deputies in public; without one, old and new events read as names shown', () => {
    const hidden = given().when(submit({ hideDeputyName: true }), { now: T.submitted, actor: leadDeputy });
    hidden.then([
      {
        type: 'SuggestionSubmitted',
        data: {
          suggestionId: SUGGESTION_ID,
          title: '关于优化城区公交线路的建议',
          content: '建议增开线路。',
          leadDeputyId: leadDeputy.userId,
          coSignerIds: [],
          hideDeputyName: true,
          sessionId: LEGACY_SESSION_ID,
        },
      },
    ]);
    expect(hidden.thenState()).toMatchObject({ hideDeputyName: true });
    const shown = given().when(submit({ hideDeputyName: false }), { now: T.submitted, actor: leadDeputy });
    expect(shown.events()[0].data).not.toHaveProperty('hideDeputyName');
    expect(shown.thenState()).toMatchObject({ hideDeputyName: false });
    // An event stored before the flag existed.
    expect(given(submitted()).state).toMatchObject({ hideDeputyName: false });
  });

  it.each([
    ['unit', unitUser(TRANSPORT)],
    ['supervisor', supervisor],
  ])('refuses a %s account: only deputies submit (and staff on their behalf)', (_name, actor) => {
    given().when(submit(), { now: T.submitted, actor }).thenThrows('submit.only_deputy', 'forbidden');
  });

  it('given nothing, when a deputy submits into a session, then the suggestion belongs to that session', () => {
    const result = given().when(submit({ sessionId: 'c-16-3' }), { now: T.submitted, actor: leadDeputy });
    expect(result.events()[0].data).toMatchObject({ sessionId: 'c-16-3', leadDeputyId: leadDeputy.userId });
    expect(result.events()[0].data).not.toHaveProperty('registeredBy');
    expect(result.thenState()).toMatchObject({ sessionId: 'c-16-3' });
  });

  it('given nothing, when staff register a suggestion on a deputy\'s behalf, then the deputy leads it and the staff member is recorded', () => {
    const result = given().when(submit({ leadDeputyId: leadDeputy.userId, coSignerIds: [coSigner.userId], sessionId: 's1' }), { now: T.submitted, actor: staff });
    expect(result.events()[0].data).toMatchObject({ leadDeputyId: leadDeputy.userId, registeredBy: staff.userId, sessionId: 's1' });
    expect(result.thenState()).toMatchObject({ leadDeputyId: leadDeputy.userId, registeredBy: staff.userId });
  });

  it.each([
    ['staff', staff],
    ['admin', admin],
  ])('refuses a %s registration that names no lead deputy (400 on leadDeputyId)', (_name, actor) => {
    given().when(submit(), { now: T.submitted, actor }).thenThrows('submit.lead_deputy_required', 'invalid', 'leadDeputyId');
  });

  it('refuses a deputy who names another lead deputy; the lead deputy is never a co-signer of their own suggestion', () => {
    given().when(submit({ leadDeputyId: 'd-other' }), { now: T.submitted, actor: leadDeputy }).thenThrows('submit.lead_deputy_only_staff', 'invalid', 'leadDeputyId');
    given()
      .when(submit({ leadDeputyId: leadDeputy.userId, coSignerIds: [leadDeputy.userId] }), { now: T.submitted, actor: staff })
      .thenThrows('submit.co_signer_is_submitter', 'invalid', 'coSignerIds');
  });

  it('given nothing, when a deputy submits for their delegation, then the delegation is recorded', () => {
    const result = given().when(submit({ delegationId: 'dt-east' }), { now: T.submitted, actor: leadDeputy });
    expect(result.thenState()).toMatchObject({ delegationId: 'dt-east' });
  });

  it('refuses a title or content that is empty after trimming', () => {
    given().when(submit({ title: '   ' }), { now: T.submitted, actor: leadDeputy }).thenThrows('submit.title_required', 'invalid', 'title');
    given().when(submit({ content: '\n ' }), { now: T.submitted, actor: leadDeputy }).thenThrows('submit.content_required', 'invalid', 'content');
  });

  it('refuses repeated co-signers and the submitter as their own co-signer', () => {
    given()
      .when(submit({ coSignerIds: ['d-wang', 'd-wang'] }), { now: T.submitted, actor: leadDeputy })
      .thenThrows('submit.co_signers_duplicate', 'invalid', 'coSignerIds');
    given()
      .when(submit({ coSignerIds: ['d-wang', leadDeputy.userId] }), { now: T.submitted, actor: leadDeputy })
      .thenThrows('submit.co_signer_is_submitter', 'invalid', 'coSignerIds');
  });

  it('refuses a second submission on an existing stream', () => {
    given(submitted()).when(submit(), { now: T.accepted, actor: leadDeputy }).thenThrows('submit.already_exists', 'conflict');
  });
});

describe('a command on a suggestion that does not exist', () => {
  it('is not found, whoever sends it', () => {
    given().when({ type: 'AcceptSuggestion', data: {} }, { now: T.accepted, actor: staff }).thenThrows('suggestion.not_found', 'not_found');
    given()
      .when({ type: 'WithdrawSuggestion', data: { reason: '不再需要' } }, { now: T.accepted, actor: leadDeputy })
      .thenThrows('suggestion.not_found', 'not_found');
  });
});

describe('AcceptSuggestion (立案)', () => {
  it('sets the assignment target 10 working days from submission, not from acceptance', () => {
    // Submitted Mon 03-02; accepted a week later still counts from 03-02.
    given(submitted())
      .when({ type: 'AcceptSuggestion', data: {} }, { now: '2026-03-09T02:00:00.000Z', actor: staff })
      .then([{ type: 'SuggestionAccepted', data: { assignDueAt: ASSIGN_DUE_AT } }]);
  });

  it('given a submitted suggestion, when staff accept it with the number claimed for it, then it is 第N号', () => {
    const result = given(submitted()).when({ type: 'AcceptSuggestion', data: { number: 12 } }, { now: T.accepted, actor: staff });
    result.then([{ type: 'SuggestionAccepted', data: { assignDueAt: ASSIGN_DUE_AT, number: 12 } }]);
    expect(result.thenState()).toMatchObject({ status: 'accepted', number: 12 });
  });

  it('uses the preset of the jurisdiction (上海: 7 working days)', () => {
    given(submitted())
      .when({ type: 'AcceptSuggestion', data: {} }, { now: T.accepted, actor: admin, rulebook: getRulebook('shanghai') })
      .then([{ type: 'SuggestionAccepted', data: { assignDueAt: '2026-03-11T16:00:00.000Z' } }]);
  });

  it.each([
    ['deputy', leadDeputy],
    ['unit', unitUser(TRANSPORT)],
    ['supervisor', supervisor],
  ])('refuses a %s account', (_name, actor) => {
    given(submitted()).when({ type: 'AcceptSuggestion', data: {} }, { now: T.accepted, actor }).thenThrows('accept.only_staff', 'forbidden');
  });

  it('only accepts a suggestion that is still submitted', () => {
    given(submitted(), accepted())
      .when({ type: 'AcceptSuggestion', data: {} }, { now: T.assigned, actor: staff })
      .thenThrows('accept.not_submitted', 'conflict');
    given(...soleHistory())
      .when({ type: 'AcceptSuggestion', data: {} }, { now: T.early, actor: staff })
      .thenThrows('accept.not_submitted', 'conflict');
  });
});

describe('RejectSuggestion (不予立案)', () => {
  it('rejects a submitted suggestion with the reason', () => {
    const story = given(submitted()).when(
      { type: 'RejectSuggestion', data: { reason: ' 属于来信来访事项，转有关部门处理 ' } },
      { now: T.accepted, actor: staff },
    );
    story.then([{ type: 'SuggestionRejected', data: { reason: '属于来信来访事项，转有关部门处理' } }]);
    expect(story.thenState()).toMatchObject({ status: 'rejected', rejectedReason: '属于来信来访事项，转有关部门处理', rejectedAt: T.accepted });
  });

  it('requires a reason', () => {
    given(submitted())
      .when({ type: 'RejectSuggestion', data: { reason: ' ' } }, { now: T.accepted, actor: staff })
      .thenThrows('reject.reason_required', 'invalid', 'reason');
  });

  it('refuses non-staff and suggestions already accepted', () => {
    given(submitted())
      .when({ type: 'RejectSuggestion', data: { reason: '不属于建议' } }, { now: T.accepted, actor: supervisor })
      .thenThrows('reject.only_staff', 'forbidden');
    given(submitted(), accepted())
      .when({ type: 'RejectSuggestion', data: { reason: '不属于建议' } }, { now: T.assigned, actor: staff })
      .thenThrows('reject.not_submitted', 'conflict');
  });
});
