import { Actor } from '../shared/actor';
import { NATIONAL_RULEBOOK } from '../rulebook/presets';
import { realCalendar } from '../testing/given';
import { coSigner, EDUCATION, HEALTH, leadDeputy, staff, supervisor, TRANSPORT, unitUser } from '../testing/fixtures';
import { SuggestionCommand } from './commands';
import { foldSuggestion, suggestionDecider } from './decider';
import { SuggestionEvent } from './events';
import { Stamped, SuggestionState } from './state';
import { suggestionSummary } from './summary';

/** Runs commands through decide and evolve, as the api's handler does, keeping the stream. */
class Story {
  readonly stream: Stamped<SuggestionEvent>[] = [];
  state: SuggestionState = suggestionDecider.initialState();

  run(command: SuggestionCommand, now: string, actor: Actor): SuggestionEvent[] {
    const events = suggestionDecider.decide(command, this.state, { now, actor, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar });
    for (const event of events) {
      const stamped = { ...event, at: now, by: actor } as Stamped<SuggestionEvent>;
      this.stream.push(stamped);
      this.state = suggestionDecider.evolve(this.state, stamped);
    }
    return events;
  }

  summary(now: string) {
    if (this.state.status === 'none') throw new Error('no suggestion');
    return suggestionSummary(this.state, now);
  }
}

describe('the whole lifecycle of one suggestion', () => {
  it('goes from submission through re-handling to closing, and the stream folds to the same state', () => {
    const s = new Story();
    s.run(
      { type: 'SubmitSuggestion', data: { suggestionId: 'S-1', title: '关于校园周边交通安全的建议', content: '增设信号灯。', coSignerIds: [coSigner.userId] } },
      '2026-09-21T01:00:00.000Z',
      leadDeputy,
    );
    s.run({ type: 'AcceptSuggestion', data: {} }, '2026-09-22T02:00:00.000Z', staff);
    // Submitted Mon 09-21: 22, 23, 24, 28, 29, 30, 10-08, 10-09, 10-10 (Sat, worked), 10-12.
    expect(s.summary('2026-09-22T02:00:00.000Z')).toEqual({ status: 'accepted', unitIds: [], dueAt: '2026-10-12T16:00:00.000Z', overdue: false, keySupervised: false });

    s.run({ type: 'AssignSuggestion', data: { mode: 'lead', unitIds: [TRANSPORT, EDUCATION, HEALTH], leadUnitId: TRANSPORT } }, '2026-09-24T02:00:00.000Z', staff);
    expect(s.summary('2026-09-24T02:00:00.000Z')).toMatchObject({ status: 'assigned', unitIds: [TRANSPORT, EDUCATION, HEALTH], dueAt: '2026-12-24T16:00:00.000Z' });

    s.run({ type: 'StartKeySupervision', data: { supervisorId: supervisor.userId, leaderName: '王副市长' } }, '2026-09-24T03:00:00.000Z', staff);
    s.run({ type: 'SubmitCoHandlerOpinion', data: { content: '建议同步设置学校区域限速标志' } }, '2026-10-12T02:00:00.000Z', unitUser(EDUCATION));
    s.run({ type: 'ContactDeputy', data: { method: '实地走访', summary: '与代表一同查看路口' } }, '2026-10-13T02:00:00.000Z', unitUser(TRANSPORT));
    s.run({ type: 'UrgeSuggestion', data: { note: '请在年内答复' } }, '2026-11-02T02:00:00.000Z', supervisor);
    s.run({ type: 'RequestExtension', data: { reason: '需与交警部门会商', until: '2027-01-29' } }, '2026-12-01T02:00:00.000Z', unitUser(TRANSPORT));
    s.run({ type: 'DecideExtension', data: { approve: true } }, '2026-12-02T02:00:00.000Z', staff);
    expect(s.summary('2026-12-25T02:00:00.000Z')).toMatchObject({ dueAt: '2027-01-29T16:00:00.000Z', overdue: false, keySupervised: true });

    const [answeredEvent] = s.run(
      {
        type: 'AnswerSuggestion',
        data: { category: 'B', content: '已列入明年计划。', signedBy: '张局长', commitments: [{ description: '三月底前安装信号灯', dueAt: '2027-03-31' }] },
      },
      '2027-01-08T02:00:00.000Z',
      unitUser(TRANSPORT),
    );
    expect(answeredEvent).toMatchObject({ data: { onTime: true, commitments: [{ commitmentId: 'C1' }] } });
    expect(s.summary('2027-01-08T02:00:00.000Z').status).toBe('answered');

    s.run({ type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'dissatisfied', reason: '时间太晚' } }, '2027-01-11T02:00:00.000Z', leadDeputy);
    // Re-handling: one month from Mon 2027-01-11 → Thu 02-11. 2027 is beyond the package's data
    // today (weekends only), so only a plain weekday is used here.
    expect(s.summary('2027-01-11T02:00:00.000Z')).toMatchObject({ status: 'rehandling', dueAt: '2027-02-11T16:00:00.000Z' });

    s.run(
      {
        type: 'AnswerSuggestion',
        data: { category: 'B', content: '提前至二月底安装。', signedBy: '张局长', commitments: [{ description: '二月底前安装信号灯', dueAt: '2027-02-26' }] },
      },
      '2027-01-20T02:00:00.000Z',
      unitUser(TRANSPORT),
    );
    s.run({ type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'satisfied' } }, '2027-01-22T02:00:00.000Z', leadDeputy);
    s.run({ type: 'CloseSuggestion', data: {} }, '2027-01-25T02:00:00.000Z', staff);
    s.run({ type: 'FulfilCommitment', data: { commitmentId: 'C2', evidence: '信号灯已启用' } }, '2027-02-20T02:00:00.000Z', unitUser(TRANSPORT));

    expect(s.stream.map((e) => e.type)).toEqual([
      'SuggestionSubmitted',
      'SuggestionAccepted',
      'SuggestionAssigned',
      'KeySupervisionStarted',
      'CoHandlerOpinionSubmitted',
      'DeputyContacted',
      'SuggestionUrged',
      'ExtensionRequested',
      'ExtensionGranted',
      'SuggestionAnswered',
      'SuggestionRated',
      'RehandlingStarted',
      'SuggestionAnswered',
      'SuggestionRated',
      'SuggestionClosed',
      'CommitmentFulfilled',
    ]);
    const final = s.state;
    expect(final).toMatchObject({
      status: 'closed',
      keySupervision: { supervisorId: supervisor.userId, leaderName: '王副市长' },
      commitments: [
        { commitmentId: 'C1', unitId: TRANSPORT },
        { commitmentId: 'C2', unitId: TRANSPORT, fulfilledAt: '2027-02-20T02:00:00.000Z', evidence: '信号灯已启用' },
      ],
    });
    if (final.status !== 'closed') return;
    const lead = final.assignment.units.find((u) => u.unitId === TRANSPORT);
    expect(lead).toMatchObject({ stage: 'rated', round: 2, dissatisfiedCount: 1, contactedAt: '2026-10-13T02:00:00.000Z' });
    expect(lead?.answers.map((a) => [a.round, a.onTime])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(s.summary('2027-03-01T02:00:00.000Z')).toEqual({
      status: 'closed',
      unitIds: [TRANSPORT, EDUCATION, HEALTH],
      dueAt: null,
      overdue: false,
      keySupervised: true,
    });
    // Replaying the stored stream gives the same state the live handler held.
    expect(foldSuggestion(s.stream)).toEqual(final);
    // And the state survives a JSON round trip (the read model stores it as JSON).
    expect(JSON.parse(JSON.stringify(final))).toEqual(final);
  });
});

describe('evolve', () => {
  it('is total: an event that does not fit the state leaves it unchanged', () => {
    const none = suggestionDecider.initialState();
    const stray = { type: 'SuggestionClosed', data: {}, at: '2026-01-01T00:00:00.000Z', by: staff } as Stamped<SuggestionEvent>;
    expect(suggestionDecider.evolve(none, stray)).toBe(none);
    const answeredWithoutAssignment = {
      type: 'RehandlingStarted',
      data: { unitId: TRANSPORT, round: 2, dueAt: '2026-02-01T16:00:00.000Z' },
      at: '2026-01-01T00:00:00.000Z',
      by: leadDeputy,
    } as Stamped<SuggestionEvent>;
    const submittedOnly = foldSuggestion([
      {
        type: 'SuggestionSubmitted',
        data: { suggestionId: 'S-9', title: 't', content: 'c', leadDeputyId: leadDeputy.userId, coSignerIds: [], sessionId: 'legacy' },
        at: '2026-01-01T00:00:00.000Z',
        by: leadDeputy,
      } as Stamped<SuggestionEvent>,
    ]);
    expect(suggestionDecider.evolve(submittedOnly, answeredWithoutAssignment)).toBe(submittedOnly);
  });
});
