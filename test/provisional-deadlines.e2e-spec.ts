import Database from 'better-sqlite3';
import * as path from 'node:path';
import { getRulebook } from '@duban/domain';
import { createEventStore } from '@duban/event-store';
import { rebuildReadModels } from '@duban/read-models';
import { loadServiceCalendar } from '../apps/api/src/calendar/service-calendar';
import { loadCalendar } from '../apps/api/src/infrastructure/load-calendar';
import { createOrganisation, login, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

/**
 * Deadlines on a year whose holiday notice is not out yet (2027: chinese-days knows no 2027). They
 * are computed from the statutory holidays and marked provisional; an admin loads the notice, and
 * each one is recomputed through an event on its suggestion's stream, saying what moved and why.
 * The notice below is a test fixture shaped like the State Council's (not the real 2027 one).
 */
const NOTICE_2027 = {
  years: {
    '2027': {
      holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-05-03', '2027-05-04', '2027-05-05'],
      workdays: ['2027-02-14', '2027-02-20'],
    },
  },
};
/** Assigned Thu 2026-11-05: 3 months end on 除夕 (Fri 2027-02-05); provisionally off to 初三 (Mon 02-08). */
const PROVISIONAL_DUE = '2027-02-09T16:00:00.000Z';
/** With the notice: off to Fri 02-12, the weekend of 02-13 is worked on Sunday 02-14. */
const OFFICIAL_DUE = '2027-02-14T16:00:00.000Z';

describe('provisional deadlines and the holiday notice (POST /api/calendar/overrides)', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    expect((await t.http.post('/api/test-clock', { now: '2026-11-05T02:00:00Z' }, { token: org.admin.token })).status).toBe(200);
    ({ id } = await s.submit(org.deputy1, { title: '关于春节期间公交运力的建议', content: '建议春节期间增开夜班公交。' }));
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
  });
  afterAll(() => t.dispose());

  const answerDeadline = async () => {
    const detail = await s.detail(org.staff, id);
    expect(detail.status).toBe(200);
    return { detail: detail.body, answer: (detail.body.deadlines as { kind: string; dueAt: string; provisional?: boolean }[]).find((d) => d.kind === 'answer')! };
  };

  it('a 2027 deadline is provisional in the detail, the list and the calendar', async () => {
    const { detail, answer } = await answerDeadline();
    expect(answer).toMatchObject({ dueAt: PROVISIONAL_DUE, provisional: true });
    expect(detail.due).toMatchObject({ at: PROVISIONAL_DUE, provisional: true });
    const list = await s.list(org.staff, 'status=assigned');
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ dueAt: PROVISIONAL_DUE, provisional: true });
    const calendar = await t.http.get('/api/calendar', { token: org.admin.token });
    expect(calendar.status).toBe(200);
    expect(calendar.body.years).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ year: 2026, provisional: false }),
        expect.objectContaining({ year: 2027, source: 'computed', provisional: true }),
      ]),
    );
  });

  it('refuses a bad notice with 400 naming the field, and anyone but an admin, changing nothing', async () => {
    const bad = await t.http.post('/api/calendar/overrides', { years: { '2027': { holidays: ['2027-02-30'], workdays: [] } } }, { token: org.admin.token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'years.2027.holidays.0' })]);
    const otherYear = await t.http.post('/api/calendar/overrides', { years: { '2027': { holidays: ['2028-01-01'], workdays: [] } } }, { token: org.admin.token });
    expect(otherYear.body.errors).toEqual([expect.objectContaining({ field: 'years.2027.holidays.0' })]);
    const missing = await t.http.post('/api/calendar/overrides', { years: { '2027': { holidays: [] } } }, { token: org.admin.token });
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'years.2027.workdays' })]);
    expect((await t.http.post('/api/calendar/overrides', NOTICE_2027, { token: org.staff.token })).status).toBe(403);
    expect((await answerDeadline()).answer).toMatchObject({ dueAt: PROVISIONAL_DUE, provisional: true });
  });

  it('loading the notice records DeadlinesRecomputed: the deadline moves and is no longer provisional', async () => {
    const upload = await t.http.post('/api/calendar/overrides', NOTICE_2027, { token: org.admin.token });
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ loaded: [2027], nowOfficial: [2027], changed: 1, failed: 0 });
    expect(upload.body.checked).toBeGreaterThanOrEqual(1);
    expect(upload.body.deadlinesMoved).toBe(2); // the answer and the extension limit

    const timeline = await s.timeline(org.staff, id);
    const recomputed = timeline.body.find((e: { type: string }) => e.type === 'DeadlinesRecomputed');
    expect(recomputed).toBeDefined();
    expect(recomputed.data).toMatchObject({
      years: [2027],
      reason: expect.stringContaining('2027'),
      changes: expect.arrayContaining([{ obligation: 'answer:traffic:1', from: PROVISIONAL_DUE, to: OFFICIAL_DUE }]),
    });

    const { detail, answer } = await answerDeadline();
    expect(answer.dueAt).toBe(OFFICIAL_DUE);
    expect(answer).not.toHaveProperty('provisional');
    expect(detail.due).toMatchObject({ at: OFFICIAL_DUE });
    expect(detail.due).not.toHaveProperty('provisional');
    // (The detail shows the new due time: the projector has passed the event.) The unit that owes the answer is told the old and the new date.
    const told = await t.http.get(`/api/inbox?after=${s.lastPosition}`, { token: org.traffic.token });
    const notice = (told.body.items as { suggestionId: string; kind: string; message: string }[]).filter((i) => i.suggestionId === id && i.kind === 'deadlines_recomputed');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.message).toMatch(/已载入2027年国务院放假通知，建议第\d{4}号「关于春节期间公交运力的建议」的期限按正式放假安排重新计算：答复期限由2027年2月9日调整为2027年2月14日/);

    const list = await s.list(org.staff, 'status=assigned');
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ dueAt: OFFICIAL_DUE, provisional: false });
    expect((await t.http.get('/api/calendar', { token: org.staff.token })).body.years).toEqual(
      expect.arrayContaining([expect.objectContaining({ year: 2027, source: 'notice', provisional: false, holidayCount: 10, workdayCount: 2 })]),
    );
  });

  it('loading it again moves nothing, and a restart keeps the notice (it is recorded)', async () => {
    const again = await t.http.post('/api/calendar/overrides', NOTICE_2027, { token: org.admin.token });
    expect(again.body).toMatchObject({ nowOfficial: [], changed: 0 });
    await t.stop();
    t = await startTestApp({}, t.dataDir);
    const admin = await login(t.http, 'admin', TEST_ADMIN_PASSWORD);
    expect((await t.http.post('/api/test-clock', { now: '2026-12-01T02:00:00Z' }, { token: admin.token })).status).toBe(200);
    const calendar = await t.http.get('/api/calendar', { token: admin.token });
    expect(calendar.body.years).toEqual(expect.arrayContaining([expect.objectContaining({ year: 2027, source: 'notice', provisional: false })]));
  });

  it('the offline rebuild (npm run rebuild) computes with the uploaded notice: its scheduler wake-ups are the service\'s', async () => {
    await t.stop();
    const wakeUps = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT id, wake_at FROM wake_ups WHERE id = ?').all(id);
      } finally {
        db.close();
      }
    };
    const served = wakeUps(t.config.readModelPath);
    const store = createEventStore(t.config.eventStore);
    try {
      // The calendar the CLI builds: no override file here, the 2027 notice comes from the store.
      const calendar = await loadServiceCalendar(store, undefined);
      expect(calendar.sourceOf(2027)).toBe('notice');
      const rebuilt = path.join(t.dataDir, 'rebuilt.sqlite');
      await rebuildReadModels(store, rebuilt, { rulebook: getRulebook('national'), calendar });
      expect(wakeUps(rebuilt)).toEqual(served);
      // What the CLI did before (the override file only) would wake at provisional reminder times.
      const fileOnly = path.join(t.dataDir, 'rebuilt-file-only.sqlite');
      await rebuildReadModels(store, fileOnly, { rulebook: getRulebook('national'), calendar: loadCalendar(undefined) });
      expect(wakeUps(fileOnly)).not.toEqual(served);
    } finally {
      await store.close();
    }
  });
});
