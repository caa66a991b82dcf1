import { SYSTEM_ACTOR } from '../../../shared/actor';
import { RULEBOOKS } from '../../../rulebook/presets';
import { Rulebook } from '../../../rulebook/rulebook';
import { DomainError } from '../../../shared/errors';
import { leadDeputy, staff, TRANSPORT, unitUser } from '../../../testing/fixtures';
import { Story } from '../../../testing/story';
import { SuggestionCommand } from '../../commands';
import { toSuggestionDetailView } from '../../detail-view';
import { realCalendar } from '../../../testing/given';

/**
 * The story: assigned Wed 2026-03-04, the unit contacts the deputy on 03-10 (local presets
 * require it before answering), the 3-month answer due time (Thu 06-04 24:00) passes, the miss is
 * recorded on 06-08, the unit asks for an extension on 06-10 and staff grant it, the answer comes on
 * 07-20. The extension must not turn that late answer into one on time.
 */
const AT = {
  submitted: '2026-03-02T01:00:00.000Z',
  accepted: '2026-03-03T02:00:00.000Z',
  assigned: '2026-03-04T02:00:00.000Z',
  contacted: '2026-03-10T02:00:00.000Z',
  missRecorded: '2026-06-08T01:00:00.000Z',
  requestedLate: '2026-06-10T02:00:00.000Z',
  granted: '2026-06-11T02:00:00.000Z',
  answered: '2026-07-20T02:00:00.000Z',
} as const;
const DUE = '2026-06-04T16:00:00.000Z';
const unit = unitUser(TRANSPORT);

function assignedStory(rulebook: Rulebook): Story {
  const s = new Story(rulebook);
  s.run({ type: 'SubmitSuggestion', data: { suggestionId: 'S-LATE', title: '关于整治学校周边交通的建议', content: '增设信号灯。', coSignerIds: [] } }, AT.submitted, leadDeputy);
  s.run({ type: 'AcceptSuggestion', data: {} }, AT.accepted, staff);
  s.run({ type: 'AssignSuggestion', data: { mode: 'sole', unitIds: [TRANSPORT] } }, AT.assigned, staff);
  // Most local presets block an answer until the unit has contacted the deputy (answer.contact_required).
  s.run({ type: 'ContactDeputy', data: { method: '电话', summary: '与代表沟通信号灯设置' } }, AT.contacted, unitUser(TRANSPORT));
  return s;
}

const requestExtension = (until: string) => ({ type: 'RequestExtension', data: { reason: '涉及多部门协调', until } }) as const;
const answer: SuggestionCommand = { type: 'AnswerSuggestion', data: { category: 'A', content: '已增设信号灯。', signedBy: '张局长', commitments: [] } };

function answeredOnTime(s: Story): boolean {
  const last = s.stream[s.stream.length - 1]!;
  if (last.type !== 'SuggestionAnswered') throw new Error(`expected an answer, got ${last.type}`);
  return last.data.onTime;
}

describe('an extension granted after the answer deadline (lateness already incurred stays)', () => {
  describe.each(['national', 'beijing', 'shandong', 'qingdao', 'zhejiang', 'sichuan', 'hunan'] as const)(
    '%s: a late request may be granted, the answer still counts as late',
    (id) => {
      it('assigned 03-04, missed 06-08, extension asked 06-10 and granted, answered 07-20: late', () => {
        const s = assignedStory(RULEBOOKS[id]);
        expect(s.rulebook.lateExtension).toBe('keep_lateness');
        expect(s.rulebook.extension.approval).toBe('staff');
        expect(s.run({ type: 'RecordDeadlines', data: {} }, AT.missRecorded, SYSTEM_ACTOR).map((e) => e.type)).toContain('DeadlineMissed');
        s.run(requestExtension('2026-08-31'), AT.requestedLate, unit);
        // Where the preset has the deputy told of a grant (上海, 山东, 青岛 …), the grant says so.
        const told = s.rulebook.extension.tellDeputy ? { tellDeputy: true } : {};
        expect(s.run({ type: 'DecideExtension', data: { approve: true } }, AT.granted, staff)).toEqual([
          { type: 'ExtensionGranted', data: { unitId: TRANSPORT, until: '2026-08-31T16:00:00.000Z', lateSince: DUE, ...told } },
        ]);
        s.run(answer, AT.answered, unit);
        expect(answeredOnTime(s)).toBe(false);
        // The missed deadline stays missed in the record; the extension's own deadline is the one met.
        const view = toSuggestionDetailView(s.existing, s.stream.length, { now: AT.answered, actor: staff, rulebook: s.rulebook, calendar: realCalendar });
        expect(view.deadlines.filter((d) => d.kind === 'answer').map((d) => [d.dueAt, d.status])).toEqual([
          [DUE, 'missed'],
          ['2026-08-31T16:00:00.000Z', 'met'],
        ]);
      });

      it('an extension asked for in time and granted after the due time still counts: the answer is on time', () => {
        const s = assignedStory(RULEBOOKS[id]);
        s.run(requestExtension('2026-08-31'), '2026-06-01T02:00:00.000Z', unit);
        const granted = s.run({ type: 'DecideExtension', data: { approve: true } }, AT.granted, staff);
        expect(granted[0]!.data).not.toHaveProperty('lateSince');
        s.run(answer, AT.answered, unit);
        expect(answeredOnTime(s)).toBe(true);
      });
    },
  );

  describe('chongqing: no approval (第二十一条), the extension is granted on request and the lateness stays', () => {
    it('assigned 03-04, missed 06-08, extension asked 06-10 (granted at once), answered 07-20: late', () => {
      const s = assignedStory(RULEBOOKS.chongqing);
      expect(s.rulebook.lateExtension).toBe('keep_lateness');
      expect(s.rulebook.extension.approval).toBe('notice_only');
      expect(s.run({ type: 'RecordDeadlines', data: {} }, AT.missRecorded, SYSTEM_ACTOR).map((e) => e.type)).toContain('DeadlineMissed');
      expect(s.run(requestExtension('2026-08-31'), AT.requestedLate, unit)).toEqual([
        { type: 'ExtensionRequested', data: { unitId: TRANSPORT, reason: '涉及多部门协调', until: '2026-08-31T16:00:00.000Z' } },
        {
          type: 'ExtensionGranted',
          data: { unitId: TRANSPORT, until: '2026-08-31T16:00:00.000Z', reason: '依规定延期答复无需审批，已告知代表', lateSince: DUE, tellDeputy: true },
        },
      ]);
      s.run(answer, AT.answered, unit);
      expect(answeredOnTime(s)).toBe(false);
    });

    it('an extension asked for in time is granted without lateness: the answer is on time', () => {
      const s = assignedStory(RULEBOOKS.chongqing);
      const events = s.run(requestExtension('2026-08-31'), '2026-06-01T02:00:00.000Z', unit);
      expect(events.map((e) => e.type)).toEqual(['ExtensionRequested', 'ExtensionGranted']);
      expect(events[1]!.data).not.toHaveProperty('lateSince');
      s.run(answer, AT.answered, unit);
      expect(answeredOnTime(s)).toBe(true);
    });
  });

  describe.each([
    ['shanghai', '第十九条'],
    ['henan', '第八条'],
  ] as const)('%s: an extension must be asked for within the period (%s)', (id, article) => {
    it('refuses the request made on 06-10, after the 06-04 due time', () => {
      const s = assignedStory(RULEBOOKS[id]);
      expect(s.rulebook.lateExtension).toBe('refuse');
      expect(s.rulebook.lateExtensionSource).toMatchObject({ article });
      let thrown: unknown;
      try {
        s.run(requestExtension('2026-08-31'), AT.requestedLate, unit);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'extension.after_deadline', kind: 'conflict' });
      // The answer that finally comes is late.
      s.run(answer, AT.answered, unit);
      expect(answeredOnTime(s)).toBe(false);
    });

    it('still allows a request made within the period', () => {
      const s = assignedStory(RULEBOOKS[id]);
      // 河南 第二十条 needs no approval: there the request is granted at once.
      const expected = s.rulebook.extension.approval === 'notice_only' ? ['ExtensionRequested', 'ExtensionGranted'] : ['ExtensionRequested'];
      expect(s.run(requestExtension('2026-08-31'), '2026-06-04T09:00:00.000Z', unit).map((e) => e.type)).toEqual(expected);
    });
  });

  it('a re-handling round starts without the earlier round’s lateness', () => {
    const s = assignedStory(RULEBOOKS.national);
    s.run(requestExtension('2026-08-31'), AT.requestedLate, unit);
    s.run({ type: 'DecideExtension', data: { approve: true } }, AT.granted, staff);
    s.run(answer, AT.answered, unit);
    s.run({ type: 'RateSuggestion', data: { attitude: 'dissatisfied', result: 'dissatisfied', reason: '没有解决' } }, '2026-07-22T02:00:00.000Z', leadDeputy);
    s.run(answer, '2026-08-10T02:00:00.000Z', unit);
    expect(answeredOnTime(s)).toBe(true);
  });
});
