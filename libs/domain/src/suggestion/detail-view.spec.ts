import { createWorkingCalendar } from '../calendar/create-working-calendar';
import { isIsoInstant } from '../calendar/local-date';
import { NATIONAL_RULEBOOK } from '../rulebook/presets';
import { Actor } from '../shared/actor';
import { answeredSoleHistory, FEEDBACK_DUE_AT, leadDeputy, soleHistory, staff, T, TRANSPORT, unitUser, DEADLINES, coSigner } from '../testing/fixtures';
import { realCalendar } from '../testing/given';
import { realisticHistories } from '../testing/realistic-histories';
import { foldSuggestion } from './decider';
import { toSuggestionDetailView } from './detail-view';
import { dueLevel } from './due-level';
import { ExistingSuggestion } from './state';

const ctx = (actor: Actor, now: string) => ({ now, actor, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar });
const existing = (state: ReturnType<typeof foldSuggestion>): ExistingSuggestion => {
  if (state.status === 'none') throw new Error('no suggestion');
  return state;
};

/** Every storage encoding a response must not carry: epoch numbers, packed tuples, times without an offset. */
function storageEncodings(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return value > 1e9 ? [`${path}: epoch-like number ${value}`] : [];
  if (typeof value === 'string') {
    // Anything that starts like a date must be a whole instant with its offset (not a packed `YYYY-MM-DD`).
    return /^\d{4}-\d{2}-\d{2}/.test(value) && !isIsoInstant(value) ? [`${path}: not an ISO instant with offset: ${value}`] : [];
  }
  if (Array.isArray(value)) {
    const kinds = new Set(value.map((v) => (v === null ? 'null' : typeof v)));
    const tuple = kinds.size > 1 && [...kinds].some((k) => k !== 'object') ? [`${path}: mixed-type array (a packed tuple?)`] : [];
    return [...tuple, ...value.flatMap((v, i) => storageEncodings(v, `${path}[${i}]`))];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => {
      const timeKey = /At$|^until$|^at$/.test(key);
      const bad = timeKey && v !== null && v !== undefined && !(typeof v === 'string' && isIsoInstant(v)) ? [`${path}.${key}: time not ISO: ${String(v)}`] : [];
      return [...bad, ...storageEncodings(v, `${path}.${key}`)];
    });
  }
  return [];
}

describe('the suggestion detail view', () => {
  it('has no deadlineLog, and the deadlines as a readable list with their status', () => {
    const state = existing(foldSuggestion(soleHistory()));
    expect(state.deadlineLog.length).toBeGreaterThan(0);
    const view = toSuggestionDetailView(state, 2, ctx(staff, T.early));
    expect(view).not.toHaveProperty('deadlineLog');
    expect(view.revision).toBe(2);
    expect(view.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'assign', dueAt: '2026-03-16T16:00:00.000Z', status: 'met', metAt: T.assigned }),
        expect.objectContaining({ kind: 'answer', unitId: TRANSPORT, round: 1, dueAt: DEADLINES.answerDueAt, status: 'open' }),
      ]),
    );
    // Past the contact due time without a contact: missed.
    const later = toSuggestionDetailView(state, 2, ctx(staff, '2026-04-03T02:00:00.000Z'));
    expect(later.deadlines.find((d) => d.kind === 'contact')).toMatchObject({ status: 'missed', dueAt: DEADLINES.contactDueAt });
  });

  it('keeps the fields pages read, with the same values', () => {
    const state = existing(foldSuggestion(answeredSoleHistory()));
    const view = toSuggestionDetailView(state, 3, ctx(leadDeputy, '2026-04-16T02:00:00.000Z'));
    const { deadlineLog: _log, ...fields } = state;
    expect(view).toMatchObject(fields);
    if (view.status !== 'answered') throw new Error(`expected answered, got ${view.status}`);
    expect(view.assignment.units[0]).toMatchObject({ unitId: TRANSPORT, dueAt: DEADLINES.answerDueAt, feedbackDueAt: FEEDBACK_DUE_AT });
  });

  it('tells each caller what is due for them: the unit its own answer, the lead deputy the rating, staff the headline', () => {
    const assigned = existing(foldSuggestion(soleHistory()));
    expect(toSuggestionDetailView(assigned, 2, ctx(unitUser(TRANSPORT), T.early)).due).toEqual({
      at: DEADLINES.contactDueAt,
      kind: 'contact',
      level: 'fine',
    });
    expect(toSuggestionDetailView(assigned, 2, ctx(staff, T.early)).due).toEqual({ at: DEADLINES.answerDueAt, kind: 'answer', level: 'fine' });
    expect(toSuggestionDetailView(assigned, 2, ctx(unitUser('u-other'), T.early)).due).toBeNull();

    const answered = existing(foldSuggestion(answeredSoleHistory()));
    // FEEDBACK_DUE_AT is Sat 05-09 (a worked day); three working days before: from 24:00 of Wed 05-06.
    expect(toSuggestionDetailView(answered, 3, ctx(leadDeputy, '2026-04-16T02:00:00.000Z')).due).toEqual({ at: FEEDBACK_DUE_AT, kind: 'feedback', level: 'fine' });
    expect(toSuggestionDetailView(answered, 3, ctx(leadDeputy, '2026-05-08T02:00:00.000Z')).due?.level).toBe('due_soon');
    expect(toSuggestionDetailView(answered, 3, ctx(coSigner, '2026-05-10T02:00:00.000Z')).due).toEqual({ at: FEEDBACK_DUE_AT, kind: 'feedback', level: 'overdue' });
  });

  describe('dueLevel', () => {
    const rules = { rulebook: NATIONAL_RULEBOOK, calendar: realCalendar };
    const due = '2026-03-16T16:00:00.000Z'; // 24:00 Mon 03-16
    it('is overdue only after the due time, due soon from three working days before, fine before', () => {
      expect(dueLevel(due, due, rules)).toBe('due_soon');
      expect(dueLevel(due, '2026-03-16T16:00:00.001Z', rules)).toBe('overdue');
      // Three working days before 24:00 Mon: 24:00 Wed 03-11 (Thu, Fri, Mon remain).
      expect(dueLevel(due, '2026-03-11T15:59:59.999Z', rules)).toBe('fine');
      expect(dueLevel(due, '2026-03-11T16:00:00.000Z', rules)).toBe('due_soon');
    });
    it('counts on the service calendar with its overrides: a declared holiday moves due-soon earlier', () => {
      // 2026-03-12 and 03-13 declared days off for this service: the three working days before 24:00
      // Mon 03-16 are now Mon, Wed and Tue, so Tue 03-10 09:00 (Wed 03-11 is a working day left) is already due soon.
      const holidays = createWorkingCalendar({ years: { 2026: { holidays: ['2026-03-12', '2026-03-13'], workdays: [] } } });
      const now = '2026-03-10T18:00:00.000Z'; // Wed 03-11 02:00 Shanghai
      expect(dueLevel(due, now, rules)).toBe('fine');
      expect(dueLevel(due, now, { rulebook: NATIONAL_RULEBOOK, calendar: holidays })).toBe('due_soon');
    });
  });

  it('carries no storage encoding over realistic histories: no epoch numbers, no packed tuples, every time ISO with offset', () => {
    const histories = realisticHistories(80, 11, realCalendar, { scheduler: true });
    const actors: Actor[] = [staff, { userId: 'dep-a', role: 'deputy' }, unitUser('unit-1')];
    let deadlines = 0;
    const problems: string[] = [];
    for (const events of histories) {
      for (const cut of [Math.ceil(events.length / 2), events.length]) {
        const state = existing(foldSuggestion(events.slice(0, cut)));
        const now = events[cut - 1]!.at;
        for (const actor of actors) {
          // Through JSON, as the HTTP answer goes out.
          const view = JSON.parse(JSON.stringify(toSuggestionDetailView(state, cut - 1, ctx(actor, now)))) as unknown;
          problems.push(...storageEncodings(view));
          deadlines += (view as { deadlines: unknown[] }).deadlines.length;
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(deadlines).toBeGreaterThan(200);
  });

  it('the check itself catches the old detail (the folded state with its packed deadline log)', () => {
    const state = existing(foldSuggestion(soleHistory()));
    expect(storageEncodings(JSON.parse(JSON.stringify(state))).length).toBeGreaterThan(0);
  });
});
