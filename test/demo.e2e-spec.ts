import { DEMO_CONGRESS_ID, DEMO_RECESS_ID } from '../apps/api/src/demo/demo-seeder';
import { addDays, createWorkingCalendar, toShanghaiDate } from '@duban/domain';
import { EVENT_STORE, EventStore, parsePosition } from '@duban/event-store';
import { DEMO_SUGGESTIONS } from '../apps/api/src/demo/demo-suggestions';
import { DEMO_USERS } from '../apps/api/src/demo/demo-accounts';
import { login } from './support/organisation';
import { startTestApp, TestApp } from './support/test-app';

describe('demo mode', () => {
  let t: TestApp;
  let restarted: TestApp | undefined;

  beforeAll(async () => {
    // As `npm start` runs it: demo data on, no admin password given, system clock.
    t = await startTestApp({ DEMO_DATA: 'on', AUTH_BOOTSTRAP_ADMIN_PASSWORD: '', CLOCK: 'system' });
  });
  afterAll(async () => {
    await restarted?.stop();
    await t.dispose();
  });

  /** The demo's history (the recess session's suggestions), or another session's. */
  async function allSuggestions(app: TestApp, token: string, sessionId = DEMO_RECESS_ID) {
    const head = (await app.http.get('/api/health')).body.store.head;
    return (await app.http.get(`/api/suggestions?pageSize=100&after=${head}&sessionId=${sessionId}`, { token })).body;
  }

  it('holds this year’s meeting (十六届人大三次会议) with its suggestions numbered 第0001号… and not overdue before the 交办 date', async () => {
    const staff = await login(t.http, 'gongwei', 'demo1234');
    const congress = await allSuggestions(t, staff.token, DEMO_CONGRESS_ID);
    expect(congress.items.map((i: { number: number }) => i.number).sort()).toEqual([1, 2, 3]);
    expect(congress.items.every((i: { status: string; overdue: boolean }) => i.status === 'accepted' && !i.overdue)).toBe(true);
    const sessions = (await t.http.get('/api/sessions', { token: staff.token })).body;
    expect(sessions).toEqual(expect.arrayContaining([expect.objectContaining({ id: DEMO_CONGRESS_ID, name: '十六届人大三次会议', kind: 'congress' })]));
    const delegations = (await t.http.get('/api/delegations', { token: staff.token })).body;
    expect(delegations).toEqual([expect.objectContaining({ name: '东城区代表团', headDeputyId: 'daibiao1' })]);
  });

  it('every demo account the README lists logs in with its documented password', async () => {
    await expect(login(t.http, 'admin', 'admin1234')).resolves.toMatchObject({ id: 'admin' });
    for (const user of DEMO_USERS) {
      await expect(login(t.http, user.username, 'demo1234')).resolves.toMatchObject({ id: user.username });
    }
  });

  it('loads suggestions in every state the work list shows, through the command path', async () => {
    const staff = await login(t.http, 'gongwei', 'demo1234');
    const list = await allSuggestions(t, staff.token);
    expect(list.total).toBe(DEMO_SUGGESTIONS.length);
    const statuses = list.items.map((i: { status: string }) => i.status).sort();
    expect(statuses).toEqual(
      [
        'accepted',
        'answered',
        'assigned',
        'assigned',
        'assigned',
        'assigned',
        'assigned',
        'closed',
        'rated',
        'rated',
        'rehandling',
        'submitted',
      ].sort(),
    );
    expect(list.items.filter((i: { keySupervised: boolean }) => i.keySupervised)).toHaveLength(1);

    // The histories are real event streams, with the demo people as actors.
    const rehandling = list.items.find((i: { status: string }) => i.status === 'rehandling');
    const timeline = (await t.http.get(`/api/suggestions/${rehandling.id}/timeline`, { token: staff.token })).body;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual([
      'SuggestionSubmitted',
      'SuggestionAccepted',
      'SuggestionAssigned',
      'SuggestionAnswered',
      'SuggestionRated',
      'RehandlingStarted',
    ]);
    expect(timeline[4].actor).toEqual({ userId: 'daibiao2', role: 'deputy' });
  });

  it('shows a unit red and amber work, and the supervisor an overdue unit and an overdue commitment', async () => {
    const unit = await login(t.http, 'jiaotong', 'demo1234');
    const open = (await allSuggestions(t, unit.token)).items.filter((i: { status: string }) => i.status === 'assigned');
    const now = new Date().toISOString();
    expect(open.filter((i: { overdue: boolean }) => i.overdue)).toHaveLength(1);
    // Amber as the web app colours it: not overdue, last day within three working days (today counted).
    const calendar = createWorkingCalendar();
    const workingDaysLeft = (dueAt: string) => {
      const lastDay = toShanghaiDate(new Date(Date.parse(dueAt) - 1).toISOString());
      let count = 0;
      for (let day = toShanghaiDate(now); day <= lastDay; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) count += 1;
      return count;
    };
    const soon = open.filter((i: { overdue: boolean; dueAt: string }) => !i.overdue && i.dueAt > now && workingDaysLeft(i.dueAt) <= 3);
    expect(soon).toHaveLength(1);

    const supervisor = await login(t.http, 'duban', 'demo1234');
    const stats = (await t.http.get('/api/stats/units', { token: supervisor.token })).body;
    const overdueUnits = stats.units.filter((u: { overdueNow: number }) => u.overdueNow > 0).map((u: { unitId: string }) => u.unitId);
    expect(overdueUnits).toEqual(['jiaotong']);
    const overdueCommitments = (await t.http.get('/api/commitments?status=overdue', { token: supervisor.token })).body;
    expect(overdueCommitments.items.map((c: { unitId: string }) => c.unitId)).toEqual(['weijian']);
  });

  it('publishes answers, so the public page of a fresh demo is not empty', async () => {
    // The public list takes no read-your-writes position: wait for the read model to catch up.
    let published = await t.http.get('/api/public/suggestions');
    for (let i = 0; i < 50 && published.body.items?.length < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      published = await t.http.get('/api/public/suggestions');
    }
    expect(published.status).toBe(200);
    expect(published.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('each demo unit sees only its own suggestions', async () => {
    const unit = await login(t.http, 'jiaotong', 'demo1234');
    const list = await allSuggestions(t, unit.token);
    expect(list.total).toBeGreaterThan(0);
    for (const item of list.items) expect(item.unitIds).toContain('jiaotong');
  });

  it('is loaded once: a restart on the same store adds no demo data', async () => {
    const headBefore = (await t.http.get('/api/health')).body.store.head as string;
    await t.stop();
    restarted = await startTestApp({ DEMO_DATA: 'on', AUTH_BOOTSTRAP_ADMIN_PASSWORD: '', CLOCK: 'system' }, t.dataDir);
    // The deadline scheduler may record reminders on start (actor "system"); nobody else may have acted.
    const since = await restarted.app.get<EventStore>(EVENT_STORE).readAll({ after: parsePosition(headBefore)!, maxCount: 10_000 });
    expect(since.filter((e) => e.metadata.actor.role !== 'system').map((e) => `${e.streamId} ${e.type}`)).toEqual([]);
  });
});
