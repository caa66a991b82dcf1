import { given } from '../../../testing/given';
import {
  accepted,
  answered,
  answeredSoleHistory,
  assignedLead,
  assignedSeparate,
  DEADLINES,
  EDUCATION,
  FEEDBACK_DUE_AT,
  leadDeputy,
  rated,
  rehandlingStarted,
  soleHistory,
  staff,
  submitted,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { SuggestionCommand } from '../../commands';
import { CommitmentInput } from '../../values';

const answer = (category: string, commitments: CommitmentInput[] = [], over: { content?: string; signedBy?: string } = {}): SuggestionCommand => ({
  type: 'AnswerSuggestion',
  data: { category, content: over.content ?? '已开通新线路。', signedBy: over.signedBy ?? '张局长', commitments },
});
const asTransport = { now: T.answered, actor: unitUser(TRANSPORT) };

describe('AnswerSuggestion (答复)', () => {
  it('answers on time and opens the 15-working-day feedback window across Labour Day', () => {
    const story = given(...soleHistory()).when(answer('A'), asTransport);
    story.then([
      {
        type: 'SuggestionAnswered',
        data: {
          unitId: TRANSPORT,
          round: 1,
          category: 'A',
          content: '已开通新线路。',
          signedBy: '张局长',
          commitments: [],
          onTime: true,
          feedbackDueAt: FEEDBACK_DUE_AT,
        },
      },
    ]);
    expect(story.thenState()).toMatchObject({
      status: 'answered',
      assignment: {
        feedbackDueAt: FEEDBACK_DUE_AT,
        units: [{ stage: 'answered', answers: [{ round: 1, category: 'A', answeredAt: T.answered, onTime: true, commitmentIds: [] }] }],
      },
    });
  });

  it('is on time up to 24:00 of the due day, late after it', () => {
    expect(given(...soleHistory()).when(answer('A'), { now: DEADLINES.answerDueAt, actor: unitUser(TRANSPORT) }).events()[0]).toMatchObject({
      data: { onTime: true },
    });
    expect(
      given(...soleHistory()).when(answer('A'), { now: '2026-06-05T16:00:00.001Z', actor: unitUser(TRANSPORT) }).events()[0],
    ).toMatchObject({ data: { onTime: false } });
  });

  it('records commitments of a B answer, numbered C1, C2 … with dates read as 24:00 Shanghai', () => {
    const events = given(...soleHistory())
      .when(
        answer('B', [
          { description: '年内完成线路调整', dueAt: '2026-12-31' },
          { description: '增设两个站点', dueAt: '2026-09-30T16:00:00+08:00' },
        ]),
        asTransport,
      )
      .events();
    expect(events[0]).toMatchObject({
      data: {
        category: 'B',
        commitments: [
          { commitmentId: 'C1', unitId: TRANSPORT, description: '年内完成线路调整', dueAt: '2026-12-31T16:00:00.000Z', madeAt: T.answered },
          { commitmentId: 'C2', unitId: TRANSPORT, description: '增设两个站点', dueAt: '2026-09-30T08:00:00.000Z', madeAt: T.answered },
        ],
      },
    });
  });

  it('requires commitments for B and C answers', () => {
    given(...soleHistory()).when(answer('B'), asTransport).thenThrows('answer.commitments_required', 'invalid', 'commitments');
    given(...soleHistory()).when(answer('C'), asTransport).thenThrows('answer.commitments_required', 'invalid', 'commitments');
    given(...soleHistory()).when(answer('D'), asTransport).then([expect.objectContaining({ type: 'SuggestionAnswered' })]);
  });

  it('refuses a commitment due in the past or with an unreadable date', () => {
    given(...soleHistory())
      .when(answer('B', [{ description: '完成调整', dueAt: '2026-04-15' }]), { now: '2026-04-15T17:00:00.000Z', actor: unitUser(TRANSPORT) })
      .thenThrows('answer.commitment_due_in_past', 'invalid', 'commitments.0.dueAt');
    given(...soleHistory())
      .when(answer('B', [{ description: '完成调整', dueAt: '2026-12-31' }, { description: '完成复核', dueAt: '年底' }]), asTransport)
      .thenThrows('answer.commitment_due_invalid', 'invalid', 'commitments.1.dueAt');
    given(...soleHistory())
      .when(answer('B', [{ description: ' ', dueAt: '2026-12-31' }]), asTransport)
      .thenThrows('answer.commitment_description_required', 'invalid', 'commitments.0.description');
  });

  it('takes a commitment due up to 10 years after the answer, not later', () => {
    // Answered 2026-04-15 10:00 Shanghai: ten years on is 2036-04-15 10:00.
    given(...soleHistory())
      .when(answer('B', [{ description: '完成调整', dueAt: '2036-04-15T10:00:00+08:00' }]), asTransport)
      .then([expect.objectContaining({ type: 'SuggestionAnswered' })]);
    given(...soleHistory())
      .when(answer('B', [{ description: '完成调整', dueAt: '2036-04-15T10:00:00.001+08:00' }]), asTransport)
      .thenThrows('answer.commitment_due_too_far', 'invalid', 'commitments.0.dueAt');
    given(...soleHistory())
      .when(answer('B', [{ description: '完成调整', dueAt: '9999-12-31T23:59:59Z' }]), asTransport)
      .thenThrows('answer.commitment_due_too_far', 'invalid', 'commitments.0.dueAt');
  });

  it('counts text made only of invisible characters as empty', () => {
    given(...soleHistory())
      .when(answer('A', [], { content: '\u200b\u200f\u202e\u2060\ufeff' }), asTransport)
      .thenThrows('answer.content_required', 'invalid', 'content');
    given(...soleHistory())
      .when(answer('A', [], { signedBy: '\u3000\u2066\u2069' }), asTransport)
      .thenThrows('answer.signer_required', 'invalid', 'signedBy');
    given(...soleHistory())
      .when(answer('B', [{ description: '\u200d\u200c', dueAt: '2026-12-31' }]), asTransport)
      .thenThrows('answer.commitment_description_required', 'invalid', 'commitments.0.description');
  });

  it('takes the category from the rulebook', () => {
    given(...soleHistory()).when(answer('E'), asTransport).thenThrows('answer.unknown_category', 'invalid', 'category');
  });

  it('requires content and the signing head of the unit', () => {
    given(...soleHistory()).when(answer('A', [], { content: ' ' }), asTransport).thenThrows('answer.content_required', 'invalid', 'content');
    given(...soleHistory()).when(answer('A', [], { signedBy: '' }), asTransport).thenThrows('answer.signer_required', 'invalid', 'signedBy');
  });

  it('refuses a co-handler: the lead answers', () => {
    given(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION))
      .when(answer('A'), { now: T.answered, actor: unitUser(EDUCATION) })
      .thenThrows('answer.co_handler_cannot_answer', 'forbidden');
    given(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION))
      .when(answer('A'), asTransport)
      .then([expect.objectContaining({ data: expect.objectContaining({ unitId: TRANSPORT, feedbackDueAt: FEEDBACK_DUE_AT }) })]);
  });

  it('refuses units not assigned and other accounts', () => {
    given(...soleHistory()).when(answer('A'), { now: T.answered, actor: unitUser(EDUCATION) }).thenThrows('answer.not_assigned_unit', 'forbidden');
    given(...soleHistory()).when(answer('A'), { now: T.answered, actor: staff }).thenThrows('answer.not_assigned_unit', 'forbidden');
    given(...soleHistory()).when(answer('A'), { now: T.answered, actor: leadDeputy }).thenThrows('answer.not_assigned_unit', 'forbidden');
  });

  it('refuses a second answer in the same round', () => {
    given(...answeredSoleHistory()).when(answer('A'), { now: T.rated, actor: unitUser(TRANSPORT) }).thenThrows('answer.not_open', 'conflict');
    given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT))
      .when(answer('A'), { now: T.rated, actor: unitUser(TRANSPORT) })
      .thenThrows('answer.already_answered', 'conflict');
  });

  it('in separate mode, the suggestion is answered only when every unit has answered', () => {
    const first = given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION)).when(answer('A'), asTransport);
    expect(first.events()[0].data).not.toHaveProperty('feedbackDueAt');
    expect(first.thenState().status).toBe('assigned');

    const second = given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT)).when(answer('A'), {
      now: T.answered,
      actor: unitUser(EDUCATION),
    });
    expect(second.events()[0].data).toMatchObject({ unitId: EDUCATION, feedbackDueAt: FEEDBACK_DUE_AT });
    expect(second.thenState().status).toBe('answered');
  });

  it('answers again after a dissatisfied rating: round 2, on time by the re-handling due time, commitments continue', () => {
    const history = [
      ...soleHistory(),
      answered(TRANSPORT, { category: 'B', commitments: [{ commitmentId: 'C1', description: '调整线路', dueAt: '2026-12-31T16:00:00.000Z' }], feedbackDueAt: FEEDBACK_DUE_AT }),
      rated(TRANSPORT, 'satisfied', 'dissatisfied', { reason: '未给出时间表' }),
      rehandlingStarted(TRANSPORT),
    ];
    const story = given(...history).when(answer('B', [{ description: '九月底前公布时间表', dueAt: '2026-09-30' }]), {
      now: T.reanswered,
      actor: unitUser(TRANSPORT),
    });
    // Re-answered Mon 05-11: 15 working days → Mon 06-01.
    expect(story.events()).toEqual([
      {
        type: 'SuggestionAnswered',
        data: expect.objectContaining({
          round: 2,
          onTime: true,
          commitments: [expect.objectContaining({ commitmentId: 'C2' })],
          feedbackDueAt: '2026-06-01T16:00:00.000Z',
        }),
      },
    ]);
    const state = story.thenState();
    expect(state.status).toBe('answered');
    if (state.status === 'none') return;
    expect(state.commitments.map((c) => c.commitmentId)).toEqual(['C1', 'C2']);

    expect(
      // One millisecond after the re-handling due time (24:00 05-20).
      given(...history).when(answer('A'), { now: '2026-05-20T16:00:00.001Z', actor: unitUser(TRANSPORT) }).events()[0].data,
    ).toMatchObject({ round: 2, onTime: false });
  });
});
