import { getRulebook } from '../rulebook/get-rulebook';
import { given } from '../testing/given';
import {
  accepted,
  answered,
  answeredSoleHistory,
  assignedLead,
  CO_OPINION_DUE_AT,
  coSigner,
  EDUCATION,
  FEEDBACK_DUE_AT,
  leadDeputy,
  otherDeputy,
  rated,
  rehandlingStarted,
  soleHistory,
  staff,
  stamp,
  submitted,
  T,
  TRANSPORT,
  unitUser,
} from '../testing/fixtures';
import { coOpinion, contacted } from '../testing/more-events';
import { SuggestionCommand } from './commands';

/**
 * Each jurisdiction's rules as its text writes them (shared/docs/regulations), given/when/then on the
 * real decider, one describe per rule, one case per preset that differs.
 */
const rulebook = (id: string) => ({ rulebook: getRulebook(id) });
const asStaff = (id: string, now: string = T.rated) => ({ now, actor: staff, ...rulebook(id) });
const asLead = (id: string, now: string = T.rated) => ({ now, actor: leadDeputy, ...rulebook(id) });
const asUnit = (id: string, unitId = TRANSPORT, now: string = T.answered) => ({ now, actor: unitUser(unitId), ...rulebook(id) });

const dissatisfied = { type: 'RateSuggestion', data: { attitude: 'dissatisfied', result: 'dissatisfied', reason: '问题没有解决' } } as const;
const rehandle = (reason = '代表意见具体，需再作研究'): SuggestionCommand => ({ type: 'StartRehandling', data: { reason } });
const answerA: SuggestionCommand = { type: 'AnswerSuggestion', data: { category: 'A', content: '已解决', signedBy: '张局长', commitments: [] } };
const answerIn = (category: string): SuggestionCommand => ({ type: 'AnswerSuggestion', data: { category, content: '答复', signedBy: '张局长', commitments: [] } });

describe('浙江 第十四条: the return window is ten calendar days ("收到之日起十日内")', () => {
  const assign: SuggestionCommand = { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: [TRANSPORT] } };
  const requestReturn: SuggestionCommand = { type: 'RequestReturn', data: { reason: '不属于本单位职责' } };

  it('ends on 03-15 (a Sunday, so the period runs to Mon 03-16), not 10 working days later (03-19)', () => {
    const [zhejiang] = given(submitted(), accepted()).when(assign, { now: T.assigned, actor: staff, ...rulebook('zhejiang') }).events();
    const [national] = given(submitted(), accepted()).when(assign, { now: T.assigned, actor: staff }).events();
    expect(zhejiang).toMatchObject({ data: { returnDueAt: '2026-03-16T16:00:00.000Z' } });
    expect(national).toMatchObject({ data: { returnDueAt: '2026-03-19T16:00:00.000Z' } });
  });

  it('refuses a return asked on 03-17 of a suggestion assigned in 浙江', () => {
    const [assigned] = given(submitted(), accepted()).when(assign, { now: T.assigned, actor: staff, ...rulebook('zhejiang') }).events();
    given(submitted(), accepted(), stamp(assigned!, T.assigned, staff))
      .when(requestReturn, { now: '2026-03-17T02:00:00.000Z', actor: unitUser(TRANSPORT), ...rulebook('zhejiang') })
      .thenThrows('return.window_closed', 'conflict');
  });
});

describe('re-handling: trigger, deadline and end of rounds per preset', () => {
  it('national (default): a dissatisfied rating starts re-handling at once; staff have nothing to decide', () => {
    expect(given(...answeredSoleHistory()).when(dissatisfied, asLead('national')).events().map((e) => e.type)).toEqual(['SuggestionRated', 'RehandlingStarted']);
    given(...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '没解决' }))
      .when(rehandle(), asStaff('national'))
      .thenThrows('rehandling.automatic', 'conflict');
  });

  it('北京 第二十七条: a rating never starts it; the standing committee finding handling perfunctory does, even after a satisfied rating, due in two months', () => {
    const story = given(...answeredSoleHistory()).when(dissatisfied, asLead('beijing'));
    expect(story.events().map((e) => e.type)).toEqual(['SuggestionRated']);
    expect(story.thenState()).toMatchObject({ status: 'rated' });
    // Mon 04-20 + 2 months = Sat 06-20, in the Dragon Boat holiday (06-19..21): Mon 06-22.
    given(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'))
      .when(rehandle('常委会认为办理敷衍塞责'), asStaff('beijing'))
      .then([{ type: 'RehandlingStarted', data: { unitId: TRANSPORT, round: 2, dueAt: '2026-06-22T16:00:00.000Z', reason: '常委会认为办理敷衍塞责' } }]);
    // Not before the unit has answered.
    given(...soleHistory()).when(rehandle(), asStaff('beijing', T.early)).thenThrows('rehandling.not_answered', 'conflict');
  });

  it('上海 第二十一条: staff study a dissatisfied rating and decide; the new answer is due in one month', () => {
    const afterRating = [...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'satisfied', { reason: '态度敷衍' })];
    expect(given(...answeredSoleHistory()).when(dissatisfied, asLead('shanghai')).events().map((e) => e.type)).toEqual(['SuggestionRated']);
    given(...afterRating)
      .when(rehandle(), asStaff('shanghai'))
      .then([{ type: 'RehandlingStarted', data: { unitId: TRANSPORT, round: 2, dueAt: '2026-05-20T16:00:00.000Z', reason: '代表意见具体，需再作研究' } }]);
    // Only after dissatisfaction, and only staff.
    given(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied')).when(rehandle(), asStaff('shanghai')).thenThrows('rehandling.not_dissatisfied', 'conflict');
    given(...afterRating).when(rehandle(), { ...asLead('shanghai') }).thenThrows('rehandling.only_staff', 'forbidden');
    // The rated round cannot be rated again while staff decide.
    given(...afterRating).when(dissatisfied, asLead('shanghai')).thenThrows('rating.not_answered', 'conflict');
  });

  it('青岛 第三十一条: the committee may hand it back for re-handling after the evaluation; a rating alone does not', () => {
    expect(given(...answeredSoleHistory()).when(dissatisfied, asLead('qingdao')).events().map((e) => e.type)).toEqual(['SuggestionRated']);
  });

  it('山东 第二十四条: dissatisfied means re-handled, automatically, within one month', () => {
    given(...answeredSoleHistory())
      .when(dissatisfied, asLead('shandong'))
      .then([
        { type: 'SuggestionRated', data: { unitId: TRANSPORT, round: 1, attitude: 'dissatisfied', result: 'dissatisfied', reason: '问题没有解决' } },
        { type: 'RehandlingStarted', data: { unitId: TRANSPORT, round: 2, dueAt: '2026-05-20T16:00:00.000Z' } },
      ]);
  });

  const secondRound = [
    ...answeredSoleHistory(),
    rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '没解决' }),
    rehandlingStarted(TRANSPORT),
    answered(TRANSPORT, { round: 2, at: T.reanswered, feedbackDueAt: '2026-06-01T16:00:00.000Z' }),
  ];

  it('河南 第二十二条: dissatisfied with the second answer goes to evaluation (escalated), not to a third round', () => {
    given(...secondRound)
      .when(dissatisfied, asLead('henan', T.rerated))
      .then([
        { type: 'SuggestionRated', data: { unitId: TRANSPORT, round: 2, attitude: 'dissatisfied', result: 'dissatisfied', reason: '问题没有解决' } },
        { type: 'SuggestionEscalated', data: { unitId: TRANSPORT, reason: '重新办理后代表仍不满意（第2次），不再重新办理，转评估或当面协商' } },
      ]);
    // The national default still allows a third round.
    expect(given(...secondRound).when(dissatisfied, asLead('national', T.rerated)).events().map((e) => e.type)).toContain('RehandlingStarted');
  });

  it('重庆 第二十七条: staff decide, two months; after one re-handling no further round', () => {
    given(...answeredSoleHistory(), rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { reason: '没解决' }))
      .when(rehandle(), asStaff('chongqing'))
      .then([{ type: 'RehandlingStarted', data: { unitId: TRANSPORT, round: 2, dueAt: '2026-06-22T16:00:00.000Z', reason: '代表意见具体，需再作研究' } }]);
    given(...secondRound, rated(TRANSPORT, 'dissatisfied', 'dissatisfied', { round: 2, at: T.rerated, reason: '仍没解决' }))
      .when(rehandle(), asStaff('chongqing', T.rerated))
      .thenThrows('rehandling.rounds_exhausted', 'conflict');
  });

  it('where staff decide (上海, 青岛, 重庆), a dissatisfied rating with a round left is recorded as waiting for their decision; nowhere else', () => {
    for (const id of ['shanghai', 'qingdao', 'chongqing']) {
      given(...answeredSoleHistory())
        .when(dissatisfied, asLead(id))
        .then([
          {
            type: 'SuggestionRated',
            data: { unitId: TRANSPORT, round: 1, attitude: 'dissatisfied', result: 'dissatisfied', reason: '问题没有解决', awaitsRehandlingDecision: true },
          },
        ]);
    }
    for (const id of ['national', 'beijing', 'shandong', 'henan']) {
      const [rating] = given(...answeredSoleHistory()).when(dissatisfied, asLead(id)).events();
      expect({ id, data: rating!.data }).toEqual({ id, data: expect.not.objectContaining({ awaitsRehandlingDecision: expect.anything() }) });
    }
    // 重庆 after its one re-handling: nothing to decide, it goes to evaluation (escalated).
    const [last] = given(...secondRound).when(dissatisfied, asLead('chongqing', T.rerated)).events();
    expect(last!.data).not.toHaveProperty('awaitsRehandlingDecision');
    // A satisfied rating waits for nobody.
    const [fine] = given(...answeredSoleHistory()).when({ type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'satisfied' } }, asLead('shanghai')).events();
    expect(fine!.data).not.toHaveProperty('awaitsRehandlingDecision');
  });

  it('四川 (unsourced): automatic, three months, one round', () => {
    expect(given(...secondRound).when(dissatisfied, asLead('sichuan', T.rerated)).events().map((e) => e.type)).toEqual(['SuggestionRated', 'SuggestionEscalated']);
  });
});

describe('answer categories follow the preset scheme, and so does the commitments rule', () => {
  it('河南 第十九条: five classes; E is accepted there and refused by the national scheme', () => {
    expect(given(...soleHistory(), contacted(TRANSPORT)).when(answerIn('E'), asUnit('henan')).events()).toHaveLength(1);
    given(...soleHistory()).when(answerIn('E'), asUnit('national')).thenThrows('answer.unknown_category', 'invalid', 'category');
  });

  it('山东 第十八条: C (受客观条件限制暂时无法解决) promises nothing, so needs no commitments; nationally C does', () => {
    expect(given(...soleHistory(), contacted(TRANSPORT)).when(answerIn('C'), asUnit('shandong')).events()).toHaveLength(1);
    given(...soleHistory()).when(answerIn('C'), asUnit('national')).thenThrows('answer.commitments_required', 'invalid', 'commitments');
  });

  it.each([
    ['shanghai', 'B', true],
    ['qingdao', 'B', true],
    ['qingdao', 'C', true],
    ['chongqing', 'B', true],
    ['chongqing', 'C', false],
    ['henan', 'C', true],
    ['henan', 'B', false],
  ])('%s: class %s requires commitments: %s', (id, code, required) => {
    const story = given(...soleHistory(), contacted(TRANSPORT)).when(answerIn(code), asUnit(id));
    if (required) story.thenThrows('answer.commitments_required', 'invalid', 'commitments');
    else expect(story.events()).toHaveLength(1);
  });

  it('labels each class in the words of its article', () => {
    expect(getRulebook('chongqing').answerCategories.map((c) => c.label)[3]).toBe('涉及上级国家机关职权，已向上级反映');
    expect(getRulebook('henan').answerCategories).toHaveLength(5);
  });
});

describe('contact with the deputy before answering, and its deadline', () => {
  it.each(['beijing', 'shanghai', 'shandong', 'qingdao', 'zhejiang', 'henan', 'chongqing'])('%s: an answer without contact is refused', (id) => {
    given(...soleHistory()).when(answerA, asUnit(id)).thenThrows('answer.contact_required', 'conflict');
    expect(given(...soleHistory(), contacted(TRANSPORT)).when(answerA, asUnit(id)).events()).toHaveLength(1);
  });

  it('national (default): the answer goes through; the missing contact shows in the contact rate', () => {
    expect(given(...soleHistory()).when(answerA, asUnit('national')).events()).toHaveLength(1);
  });

  it('重庆 第十八条 alone sets a deadline: 20 working days from assignment; the national preset sets none', () => {
    const assign: SuggestionCommand = { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: [TRANSPORT] } };
    const [chongqing] = given(submitted(), accepted()).when(assign, { now: T.assigned, actor: staff, ...rulebook('chongqing') }).events();
    const [beijing] = given(submitted(), accepted()).when(assign, { now: T.assigned, actor: staff, ...rulebook('beijing') }).events();
    expect(chongqing).toMatchObject({ data: { contactDueAt: '2026-04-02T16:00:00.000Z' } });
    expect(beijing!.data).not.toHaveProperty('contactDueAt');
  });
});

describe('the lead unit answering before the co-handlers’ opinions', () => {
  const lead = [submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION), contacted(TRANSPORT)];

  it.each(['shanghai', 'shandong', 'qingdao', 'zhejiang', 'henan', 'chongqing'])('%s: refused while an opinion is outstanding and its deadline open', (id) => {
    given(...lead).when(answerA, asUnit(id, TRANSPORT, T.early)).thenThrows('answer.co_opinions_pending', 'conflict');
    expect(given(...lead, coOpinion(EDUCATION)).when(answerA, asUnit(id, TRANSPORT, T.early)).events()).toHaveLength(1);
  });

  it('上海: once the co-handler has let its deadline (04-07) pass, the lead may answer', () => {
    expect(given(...lead).when(answerA, asUnit('shanghai', TRANSPORT, T.answered)).events()).toHaveLength(1);
    expect(CO_OPINION_DUE_AT < T.answered).toBe(true);
  });

  it.each(['national', 'beijing'])('%s (no text): allowed, the missing opinion shows in the unit’s record', (id) => {
    expect(given(...lead).when(answerA, asUnit(id, TRANSPORT, T.early)).events()).toHaveLength(1);
  });
});

describe('extensions: approval or notice only, and the deputy told', () => {
  const request: SuggestionCommand = { type: 'RequestExtension', data: { reason: '涉及多个部门协调', until: '2026-08-01' } };
  const until = '2026-08-01T16:00:00.000Z';
  const pending = stamp({ type: 'ExtensionRequested', data: { unitId: TRANSPORT, reason: '涉及多个部门协调', until } }, T.early, unitUser(TRANSPORT));
  const approve: SuggestionCommand = { type: 'DecideExtension', data: { approve: true } };

  it.each(['henan', 'chongqing'])('%s: no approval — the request takes effect at once and the deputy is told', (id) => {
    given(...soleHistory())
      .when(request, asUnit(id, TRANSPORT, T.early))
      .then([
        { type: 'ExtensionRequested', data: { unitId: TRANSPORT, reason: '涉及多个部门协调', until } },
        { type: 'ExtensionGranted', data: { unitId: TRANSPORT, until, reason: '依规定延期答复无需审批，已告知代表', tellDeputy: true } },
      ]);
  });

  it.each(['shanghai', 'qingdao'])('%s: staff approve, and the grant tells the deputy', (id) => {
    given(...soleHistory(), pending).when(approve, asStaff(id, T.early)).then([{ type: 'ExtensionGranted', data: { unitId: TRANSPORT, until, tellDeputy: true } }]);
  });

  it.each(['national', 'beijing', 'shandong', 'zhejiang'])('%s: staff approve; no formal notice to the deputy is required', (id) => {
    expect(given(...soleHistory()).when(request, asUnit(id, TRANSPORT, T.early)).events().map((e) => e.type)).toEqual(['ExtensionRequested']);
    given(...soleHistory(), pending).when(approve, asStaff(id, T.early)).then([{ type: 'ExtensionGranted', data: { unitId: TRANSPORT, until } }]);
  });
});

describe('withdrawal', () => {
  const withdraw: SuggestionCommand = { type: 'WithdrawSuggestion', data: { reason: '问题已解决' } };

  it('北京 第十三条: only before assignment', () => {
    given(submitted(), accepted()).when(withdraw, asLead('beijing', T.early)).then([{ type: 'SuggestionWithdrawn', data: { reason: '问题已解决' } }]);
    given(...soleHistory()).when(withdraw, asLead('beijing', T.early)).thenThrows('withdraw.already_assigned', 'conflict');
    // The national default: until a unit answers.
    given(...soleHistory()).when(withdraw, asLead('national', T.early)).then([{ type: 'SuggestionWithdrawn', data: { reason: '问题已解决' } }]);
  });

  it('上海 第十条: a joint suggestion is withdrawn when every signer has asked; the last request withdraws it', () => {
    const first = given(submitted()).when(withdraw, asLead('shanghai', T.early));
    first.then([{ type: 'WithdrawalRequested', data: { deputyId: leadDeputy.userId, reason: '问题已解决' } }]);
    expect(first.thenState()).toMatchObject({ status: 'submitted' });
    const asked = stamp({ type: 'WithdrawalRequested', data: { deputyId: leadDeputy.userId, reason: '问题已解决' } }, T.early, leadDeputy);
    given(submitted(), asked).when(withdraw, asLead('shanghai', T.early)).thenThrows('withdraw.already_requested', 'conflict');
    const last = given(submitted(), asked).when(withdraw, { now: T.early, actor: coSigner, ...rulebook('shanghai') });
    last.then([
      { type: 'WithdrawalRequested', data: { deputyId: coSigner.userId, reason: '问题已解决' } },
      { type: 'SuggestionWithdrawn', data: { reason: '问题已解决' } },
    ]);
    expect(last.thenState()).toMatchObject({ status: 'withdrawn' });
    given(submitted()).when(withdraw, { now: T.early, actor: otherDeputy, ...rulebook('shanghai') }).thenThrows('withdraw.only_lead_deputy', 'forbidden');
  });

  it('上海: a suggestion of one deputy is withdrawn at once; a co-signer cannot withdraw elsewhere', () => {
    given(submitted([])).when(withdraw, asLead('shanghai', T.early)).then([{ type: 'SuggestionWithdrawn', data: { reason: '问题已解决' } }]);
    given(submitted()).when(withdraw, { now: T.early, actor: coSigner, ...rulebook('national') }).thenThrows('withdraw.only_lead_deputy', 'forbidden');
  });
});

describe('the feedback window of an answer is unchanged by these rules', () => {
  it.each(['national', 'shanghai', 'shandong', 'qingdao', 'zhejiang', 'sichuan', 'hunan'])('%s: still opens with the answer that completes the round', (id) => {
    const answeredEvent = given(...soleHistory(), contacted(TRANSPORT)).when(answerA, asUnit(id)).events()[0];
    expect(answeredEvent).toMatchObject({ data: { feedbackDueAt: FEEDBACK_DUE_AT } });
  });

  // Where the text counts the window from the deputy's receipt (北京 第二十三条, 河南 第二十二条, 重庆 第二十七条),
  // the answer opens it counted from the deemed receipt (5 working days after the 04-15 answer: Wed 04-22);
  // the deputy opening it sooner moves it (AnswerDelivered, see feedback-from-receipt.spec.ts).
  it.each([
    ['beijing', '2026-05-15T16:00:00.000Z'], // 15 wd
    ['henan', '2026-05-09T16:00:00.000Z'], // 10 wd, to the worked Sat 05-09
    ['chongqing', '2026-05-22T16:00:00.000Z'], // 20 wd
  ])('%s: opens with the answer, counted from the deemed receipt', (id, feedbackDueAt) => {
    expect(getRulebook(id).feedbackFrom).toBe('receipt');
    const answeredEvent = given(...soleHistory(), contacted(TRANSPORT)).when(answerA, asUnit(id)).events()[0];
    expect(answeredEvent).toMatchObject({ type: 'SuggestionAnswered', data: { feedbackDueAt } });
  });
});

describe('重庆 第二十八条: the deputy rates how the commitments were fulfilled', () => {
  const withCommitment = [
    ...soleHistory(),
    answered(TRANSPORT, { category: 'B', commitments: [{ commitmentId: 'C1', description: '年内开通夜班线路', dueAt: '2026-10-31T16:00:00.000Z' }], feedbackDueAt: FEEDBACK_DUE_AT }),
    rated(TRANSPORT, 'satisfied', 'satisfied'),
  ];
  const fulfilled = stamp({ type: 'CommitmentFulfilled', data: { commitmentId: 'C1', unitId: TRANSPORT, evidence: '已开通' } }, '2026-09-01T02:00:00.000Z', unitUser(TRANSPORT));
  const rate = (rating: 'satisfied' | 'dissatisfied', reason?: string): SuggestionCommand => ({ type: 'RateCommitmentFulfilment', data: { rating, ...(reason ? { reason } : {}) } });
  const later = '2026-09-10T02:00:00.000Z';

  it('once every commitment of the unit is reported fulfilled, the lead deputy rates it', () => {
    const story = given(...withCommitment, fulfilled).when(rate('satisfied'), asLead('chongqing', later));
    story.then([{ type: 'CommitmentFulfilmentRated', data: { unitId: TRANSPORT, rating: 'satisfied' } }]);
    expect(story.thenState()).toMatchObject({ assignment: { units: [{ commitmentRating: { rating: 'satisfied', ratedAt: later } }] } });
  });

  it('dissatisfied needs the deputy’s view and is escalated for 人代工委 to convene both sides', () => {
    given(...withCommitment, fulfilled).when(rate('dissatisfied'), asLead('chongqing', later)).thenThrows('commitment_rating.reason_required', 'invalid', 'reason');
    expect(given(...withCommitment, fulfilled).when(rate('dissatisfied', '线路班次太少'), asLead('chongqing', later)).events().map((e) => e.type)).toEqual([
      'CommitmentFulfilmentRated',
      'SuggestionEscalated',
    ]);
  });

  it('not before fulfilment, not twice, only the lead deputy, and only where the rulebook has it', () => {
    given(...withCommitment).when(rate('satisfied'), asLead('chongqing', later)).thenThrows('commitment_rating.not_fulfilled', 'conflict');
    const ratedOnce = stamp({ type: 'CommitmentFulfilmentRated', data: { unitId: TRANSPORT, rating: 'satisfied' } }, later, leadDeputy);
    given(...withCommitment, fulfilled, ratedOnce).when(rate('satisfied'), asLead('chongqing', later)).thenThrows('commitment_rating.already_rated', 'conflict');
    given(...withCommitment, fulfilled).when(rate('satisfied'), { now: later, actor: coSigner, ...rulebook('chongqing') }).thenThrows('commitment_rating.only_lead_deputy', 'forbidden');
    given(...withCommitment, fulfilled).when(rate('satisfied'), asLead('national', later)).thenThrows('commitment_rating.not_in_rulebook', 'conflict');
  });
});
