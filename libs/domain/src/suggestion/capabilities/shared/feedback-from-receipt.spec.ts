import { RULEBOOKS } from '../../../rulebook/presets';
import { Rulebook } from '../../../rulebook/rulebook';
import { SYSTEM_ACTOR } from '../../../shared/actor';
import { DomainError } from '../../../shared/errors';
import { coSigner, leadDeputy, staff, TRANSPORT, unitUser } from '../../../testing/fixtures';
import { Story } from '../../../testing/story';
import { allowedActions } from '../../allowed-actions';
import { realCalendar } from '../../../testing/given';

/** Assigned Thu 2026-03-05, the deputy contacted on 03-10, answered Wed 04-15 10:00. */
const ANSWERED = '2026-04-15T02:00:00.000Z';
/** The deputy opens the answer on Thu 04-16. */
const OPENED = '2026-04-16T01:00:00.000Z';

function answeredStory(rulebook: Rulebook): Story {
  const s = new Story(rulebook);
  s.run({ type: 'SubmitSuggestion', data: { suggestionId: 'S-FB', title: '关于公交线路的建议', content: '增开线路。', coSignerIds: [coSigner.userId] } }, '2026-03-02T01:00:00.000Z', leadDeputy);
  s.run({ type: 'AcceptSuggestion', data: {} }, '2026-03-03T02:00:00.000Z', staff);
  s.run({ type: 'AssignSuggestion', data: { mode: 'sole', unitIds: [TRANSPORT] } }, '2026-03-05T02:00:00.000Z', staff);
  // These presets block an answer until the unit has contacted the deputy (answer.contact_required).
  s.run({ type: 'ContactDeputy', data: { method: '电话', summary: '与代表沟通线路方案' } }, '2026-03-10T02:00:00.000Z', unitUser(TRANSPORT));
  s.run({ type: 'AnswerSuggestion', data: { category: 'A', content: '已开通。', signedBy: '张局长', commitments: [] } }, ANSWERED, unitUser(TRANSPORT));
  return s;
}

const acknowledge = { type: 'AcknowledgeAnswer', data: {} } as const;
const feedbackDue = (s: Story) => (s.existing.status === 'answered' ? s.existing.assignment.units[0]!.feedbackDueAt : undefined);

describe('the feedback window runs from the deputy’s receipt of the answer where the preset says so', () => {
  describe.each([
    // 15 wd from the deemed receipt (5 wd after 04-15 = Wed 04-22) to Fri 05-15; from Thu 04-16 to Mon 05-11
    // (Labour Day 05-01…05 off, Sat 05-09 worked).
    ['beijing', '第二十三条', '2026-05-15T16:00:00.000Z', '2026-05-11T16:00:00.000Z'],
    // 10 wd: from 04-22 to the worked Sat 05-09; from 04-16 to Thu 04-30.
    ['henan', '第二十二条', '2026-05-09T16:00:00.000Z', '2026-04-30T16:00:00.000Z'],
    // 20 wd: from 04-22 to Fri 05-22; from 04-16 to Mon 05-18.
    ['chongqing', '第二十七条', '2026-05-22T16:00:00.000Z', '2026-05-18T16:00:00.000Z'],
  ] as const)('%s (%s)', (id, article, deemedDue, openedDue) => {
    it('opens the window counted from the deemed receipt, then from the day the deputy opens the answer', () => {
      const s = answeredStory(RULEBOOKS[id]);
      expect(s.rulebook.feedbackFrom).toBe('receipt');
      expect(s.rulebook.feedbackFromSource).toMatchObject({ article });
      expect(feedbackDue(s)).toBe(deemedDue);
      expect(allowedActions(s.existing, { now: OPENED, actor: leadDeputy, rulebook: s.rulebook, calendar: realCalendar })).toContain('acknowledgeAnswer');
      expect(s.run(acknowledge, OPENED, leadDeputy)).toEqual([
        { type: 'AnswerDelivered', data: { units: [{ unitId: TRANSPORT, round: 1, feedbackDueAt: openedDue }] } },
      ]);
      expect(feedbackDue(s)).toBe(openedDue);
      expect(s.existing.status === 'answered' && s.existing.assignment.units[0]!.deliveredAt).toBe(OPENED);
      // Opening it again records nothing (the web sends it on every view).
      expect(s.run(acknowledge, '2026-04-20T01:00:00.000Z', leadDeputy)).toEqual([]);
      expect(allowedActions(s.existing, { now: OPENED, actor: leadDeputy, rulebook: s.rulebook, calendar: realCalendar })).not.toContain('acknowledgeAnswer');
    });

    it('an answer never opened still has a window: it ends counted from the deemed receipt', () => {
      const s = answeredStory(RULEBOOKS[id]);
      const afterWindow = new Date(Date.parse(deemedDue) + 1000).toISOString();
      const recorded = s.run({ type: 'RecordDeadlines', data: {} }, afterWindow, SYSTEM_ACTOR).map((e) => e.type);
      expect(recorded).toEqual(expect.arrayContaining(['DeadlineMissed', 'FeedbackWindowExpired']));
    });

    it('opening the answer after the deemed receipt does not lengthen the window', () => {
      const s = answeredStory(RULEBOOKS[id]);
      const late = '2026-04-28T01:00:00.000Z';
      expect(s.run(acknowledge, late, leadDeputy)).toEqual([{ type: 'AnswerDelivered', data: { units: [{ unitId: TRANSPORT, round: 1 }] } }]);
      expect(feedbackDue(s)).toBe(deemedDue);
    });
  });

  it('the national defaults count from the answer: delivery is recorded, the window does not move', () => {
    const s = answeredStory(RULEBOOKS.national);
    expect(s.rulebook.feedbackFrom).toBe('answer');
    expect(s.rulebook.feedbackFromSource).toMatchObject({ default: true });
    expect(feedbackDue(s)).toBe('2026-05-09T16:00:00.000Z');
    expect(s.run(acknowledge, OPENED, leadDeputy)).toEqual([{ type: 'AnswerDelivered', data: { units: [{ unitId: TRANSPORT, round: 1 }] } }]);
    expect(feedbackDue(s)).toBe('2026-05-09T16:00:00.000Z');
  });

  it('only the lead deputy’s opening counts; before the answer there is nothing to deliver', () => {
    const s = answeredStory(RULEBOOKS.beijing);
    for (const actor of [coSigner, staff, unitUser(TRANSPORT)]) {
      expect(() => s.run(acknowledge, OPENED, actor)).toThrow(DomainError);
    }
    const before = new Story(RULEBOOKS.beijing);
    before.run({ type: 'SubmitSuggestion', data: { suggestionId: 'S-X', title: '标题', content: '内容', coSignerIds: [] } }, '2026-03-02T01:00:00.000Z', leadDeputy);
    expect(before.run(acknowledge, OPENED, leadDeputy)).toEqual([]);
  });

  it('a re-handling round is delivered again', () => {
    const s = answeredStory(RULEBOOKS.beijing);
    s.run(acknowledge, OPENED, leadDeputy);
    s.run({ type: 'RateSuggestion', data: { attitude: 'dissatisfied', result: 'dissatisfied', reason: '未解决' } }, '2026-04-20T02:00:00.000Z', leadDeputy);
    // 北京 第二十七条: re-handling is not started by the rating but by the standing committee's finding.
    s.run({ type: 'StartRehandling', data: { reason: '常委会认为办理敷衍，要求重新办理' } }, '2026-04-21T02:00:00.000Z', staff);
    s.run({ type: 'AnswerSuggestion', data: { category: 'A', content: '已解决。', signedBy: '张局长', commitments: [] } }, '2026-05-11T02:00:00.000Z', unitUser(TRANSPORT));
    expect(s.run(acknowledge, '2026-05-12T02:00:00.000Z', leadDeputy)).toEqual([
      { type: 'AnswerDelivered', data: { units: [expect.objectContaining({ unitId: TRANSPORT, round: 2 })] } },
    ]);
  });
});
