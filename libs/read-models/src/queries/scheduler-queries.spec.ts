import { createWorkingCalendar, nextWakeUp, NATIONAL_RULEBOOK, type Actor } from '@duban/domain';
import { openSupervisionFixture, type SupervisionFixture } from '../testing/supervision-fixture';
import { SUPERVISION_SUGGESTION_IDS } from '../testing/supervision-scenario';

const SYSTEM: Actor = { userId: 'system', role: 'system' };
const calendar = createWorkingCalendar();

/** Over the supervision scenario (testing/supervision-scenario.ts). */
describe('dueForScheduler', () => {
  let fx: SupervisionFixture;

  beforeAll(async () => {
    fx = await openSupervisionFixture();
  });

  afterAll(async () => {
    await fx.close();
  });

  /** What the domain says each suggestion's next wake-up is, from its stream. */
  const wakeUps = async () => {
    const wakes: [string, string][] = [];
    for (const id of SUPERVISION_SUGGESTION_IDS) {
      const { state } = await fx.writer.state(id);
      const wake = nextWakeUp(state, NATIONAL_RULEBOOK, calendar);
      if (wake !== null) wakes.push([id, wake]);
    }
    return wakes.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
  };

  it('gives the suggestions whose next reminder or miss is due at now, earliest first', async () => {
    const wakes = await wakeUps();
    expect(wakes.length).toBeGreaterThan(3);
    for (const now of ['2026-07-01T00:00:00.000Z', '2026-08-10T00:00:00.000Z', '2026-10-15T00:00:00.000Z', '2027-12-31T00:00:00.000Z']) {
      const expected = wakes.filter(([, wake]) => wake <= now).map(([id]) => id);
      expect({ now, due: fx.queries.dueForScheduler(now, 50) }).toEqual({ now, due: expected });
    }
    // Due exactly at its wake-up, not a millisecond before.
    const [id, wake] = wakes[0]!;
    expect(fx.queries.dueForScheduler(new Date(Date.parse(wake) - 1).toISOString(), 50)).not.toContain(id);
    expect(fx.queries.dueForScheduler(wake, 50)).toContain(id);
    expect(fx.queries.dueForScheduler('2026-10-15T00:00:00+08:00', 2)).toEqual(wakes.slice(0, 2).map(([id]) => id));
  });

  it('moves a suggestion’s wake-up once its deadlines are recorded, and drops it when nothing is pending', async () => {
    const now = '2026-10-15T00:00:00.000Z';
    expect(fx.queries.dueForScheduler(now, 50)).toContain('sv-9');
    await fx.writer.command('sv-9', SYSTEM, now, { type: 'RecordDeadlines', data: {} });
    await fx.catchUp();
    expect(fx.queries.dueForScheduler(now, 50)).not.toContain('sv-9');
    // Its answer and contact were missed; the commitment-free suggestion has nothing left to wake for.
    const { state } = await fx.writer.state('sv-9');
    expect(nextWakeUp(state, NATIONAL_RULEBOOK, calendar)).toBeNull();
    expect(fx.queries.dueForScheduler('2099-01-01T00:00:00.000Z', 50)).not.toContain('sv-9');
    // sv-2 wakes for its second commitment (due 12-31), and again for its miss once reminded.
    expect(fx.queries.dueForScheduler(now, 50)).not.toContain('sv-2');
    const sv2 = (await wakeUps()).find(([wakeId]) => wakeId === 'sv-2')![1];
    expect(fx.queries.dueForScheduler(sv2, 50)).toContain('sv-2');
    await fx.writer.command('sv-2', SYSTEM, sv2, { type: 'RecordDeadlines', data: {} });
    await fx.catchUp();
    expect(fx.queries.dueForScheduler(sv2, 50)).not.toContain('sv-2');
    expect(fx.queries.dueForScheduler('2027-01-01T00:00:00.000Z', 50)).toContain('sv-2');
    // Rejected and rated-and-done suggestions never wake the scheduler.
    expect(fx.queries.dueForScheduler('2099-01-01T00:00:00.000Z', 50)).not.toContain('sv-8');
    expect(fx.queries.dueForScheduler('2099-01-01T00:00:00.000Z', 50)).not.toContain('sv-1');
  });
});
