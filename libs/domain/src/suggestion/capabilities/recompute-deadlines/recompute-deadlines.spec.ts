import { createWorkingCalendar } from '../../../calendar/create-working-calendar';
import { CalendarOverrides } from '../../../calendar/calendar-overrides';
import { NATIONAL_RULEBOOK } from '../../../rulebook/presets';
import { SYSTEM_ACTOR } from '../../../shared/actor';
import { DomainError } from '../../../shared/errors';
import { admin, leadDeputy, staff, TRANSPORT, unitUser } from '../../../testing/fixtures';
import { Story } from '../../../testing/story';
import { toSuggestionDetailView } from '../../detail-view';
import { foldSuggestion } from '../../decider';
import { SuggestionCommand } from '../../commands';

/**
 * A notice for 2027 as the State Council might publish it (a test fixture, not the real one):
 * 春节 from 除夕 (Fri 02-05) to Fri 02-12, worked Sun 02-14 and Sat 02-20; 劳动节 05-01 to 05-05.
 */
const NOTICE_2027: CalendarOverrides = {
  years: {
    '2027': {
      holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-05-03', '2027-05-04', '2027-05-05'],
      workdays: ['2027-02-14', '2027-02-20'],
    },
  },
};
const provisional = createWorkingCalendar();
const official = createWorkingCalendar(NOTICE_2027);

/** Assigned Thu 2026-11-05: 3 months end on 除夕 (Fri 2027-02-05). */
const ASSIGNED = '2026-11-05T02:00:00.000Z';
/** Before the notice: 02-05 除夕, 02-06/07 weekend, 02-08 初三 are off → Tue 02-09. */
const PROVISIONAL_ANSWER_DUE = '2027-02-09T16:00:00.000Z';
/** With the notice: off until Fri 02-12, Sat 02-13 off, Sun 02-14 worked. */
const OFFICIAL_ANSWER_DUE = '2027-02-14T16:00:00.000Z';
/** 6 months: Wed 2027-05-05; the notice makes it a day off → Thu 05-06. */
const PROVISIONAL_MAX = '2027-05-05T16:00:00.000Z';
const OFFICIAL_MAX = '2027-05-06T16:00:00.000Z';

function assigned(): Story {
  const s = new Story(NATIONAL_RULEBOOK, provisional);
  s.run({ type: 'SubmitSuggestion', data: { suggestionId: 'S-2027', title: '关于春节期间公交运力的建议', content: '增开夜班车。', coSignerIds: [] } }, '2026-11-02T01:00:00.000Z', leadDeputy);
  s.run({ type: 'AcceptSuggestion', data: {} }, '2026-11-03T02:00:00.000Z', staff);
  s.run({ type: 'AssignSuggestion', data: { mode: 'sole', unitIds: [TRANSPORT] } }, ASSIGNED, staff);
  return s;
}

const recompute: SuggestionCommand = { type: 'RecomputeDeadlines', data: { years: [2027], reason: '已载入国务院办公厅2027年部分节假日安排的通知' } };
const NOW = '2026-12-10T02:00:00.000Z';

describe('deadlines computed on a year without its official notice (provisional)', () => {
  it('are marked provisional in the detail view, and only those', () => {
    const s = assigned();
    const view = toSuggestionDetailView(s.existing, s.stream.length, { now: NOW, actor: staff, rulebook: NATIONAL_RULEBOOK, calendar: provisional });
    const answer = view.deadlines.find((d) => d.kind === 'answer')!;
    expect(answer).toMatchObject({ dueAt: PROVISIONAL_ANSWER_DUE, provisional: true });
    // Contact (20 wd) and return (10 wd) end in 2026, whose notice is loaded.
    expect(view.deadlines.filter((d) => d.kind !== 'answer').every((d) => d.provisional === undefined)).toBe(true);
    expect(view.due).toMatchObject({ at: PROVISIONAL_ANSWER_DUE, kind: 'answer', provisional: true });
  });

  it('loading the notice recomputes each of them through DeadlinesRecomputed, saying what changed and why', () => {
    const s = assigned();
    s.calendar = official;
    expect(s.run({ type: 'RecomputeDeadlines', data: { years: [2027], reason: '已载入国务院办公厅2027年部分节假日安排的通知' } }, NOW, SYSTEM_ACTOR)).toEqual([
      {
        type: 'DeadlinesRecomputed',
        data: {
          changes: [
            { obligation: `answer:${TRANSPORT}:1`, from: PROVISIONAL_ANSWER_DUE, to: OFFICIAL_ANSWER_DUE },
            { obligation: 'extension_max', from: PROVISIONAL_MAX, to: OFFICIAL_MAX },
          ],
          reason: '已载入国务院办公厅2027年部分节假日安排的通知',
          years: [2027],
        },
      },
    ]);
    const view = toSuggestionDetailView(s.existing, s.stream.length, { now: NOW, actor: staff, rulebook: NATIONAL_RULEBOOK, calendar: official });
    const answers = view.deadlines.filter((d) => d.kind === 'answer');
    // Same obligation, new due time, no longer provisional; not mistaken for an extension.
    expect(answers).toEqual([expect.objectContaining({ dueAt: OFFICIAL_ANSWER_DUE, status: 'open' })]);
    expect(answers[0]).not.toHaveProperty('provisional');
    expect(view).toMatchObject({
      assignment: { units: [{ dueAt: OFFICIAL_ANSWER_DUE }], deadlines: { answerDueAt: OFFICIAL_ANSWER_DUE, extensionMaxAt: OFFICIAL_MAX } },
    });
    // Replaying the stream gives the same state; recomputing again changes nothing.
    expect(foldSuggestion(s.stream)).toEqual(s.state);
    expect(s.run(recompute, NOW, SYSTEM_ACTOR)).toEqual([]);
  });

  it('the unit answering by the new due time is on time (it would have been late on the provisional one)', () => {
    const s = assigned();
    s.calendar = official;
    s.run(recompute, NOW, admin);
    s.run({ type: 'AnswerSuggestion', data: { category: 'A', content: '已增开。', signedBy: '张局长', commitments: [] } }, '2027-02-14T02:00:00.000Z', unitUser(TRANSPORT));
    const last = s.stream[s.stream.length - 1]!;
    expect(last).toMatchObject({ type: 'SuggestionAnswered', data: { onTime: true } });
  });

  it('leaves alone a due time not computed on the provisional holidays (an extension granted to a date)', () => {
    const s = assigned();
    s.run({ type: 'RequestExtension', data: { reason: '需协调', until: '2027-03-01' } }, '2026-12-01T02:00:00.000Z', unitUser(TRANSPORT));
    s.run({ type: 'DecideExtension', data: { approve: true } }, '2026-12-02T02:00:00.000Z', staff);
    s.calendar = official;
    const events = s.run(recompute, NOW, SYSTEM_ACTOR);
    expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ changes: [{ obligation: 'extension_max', from: PROVISIONAL_MAX, to: OFFICIAL_MAX }] }) })]);
  });

  it('is for the system or an admin only, names the years and a reason', () => {
    const s = assigned();
    for (const actor of [staff, unitUser(TRANSPORT), leadDeputy]) {
      expect(() => s.run(recompute, NOW, actor)).toThrow(DomainError);
    }
    expect(() => s.run({ type: 'RecomputeDeadlines', data: { years: [], reason: 'x' } }, NOW, SYSTEM_ACTOR)).toThrow(expect.objectContaining({ field: 'years' }));
    expect(() => s.run({ type: 'RecomputeDeadlines', data: { years: [2027], reason: ' ' } }, NOW, SYSTEM_ACTOR)).toThrow(expect.objectContaining({ field: 'reason' }));
  });

  it('on the calendar before any notice, recomputing finds nothing to move', () => {
    const s = assigned();
    expect(s.run(recompute, NOW, SYSTEM_ACTOR)).toEqual([]);
  });
});
