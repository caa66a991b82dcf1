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

  async function allSuggestions(app: TestApp, token: string) {
    const head = (await app.http.get('/api/health')).body.store.head;
    return (await app.http.get(`/api/suggestions?pageSize=100&after=${head}`, { token })).body;
  }

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
      ['accepted', 'answered', 'assigned', 'assigned', 'assigned', 'closed', 'rated', 'rehandling', 'submitted'].sort(),
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
