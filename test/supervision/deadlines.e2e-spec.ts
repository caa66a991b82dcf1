import { createOrganisation, Organisation } from '../support/organisation';
import { Suggestions } from '../support/suggestions';
import { startTestApp, TestApp } from '../support/test-app';
import { setClock } from './support/test-clock';

/**
 * Deadlines act on their own as the clock passes them: a reminder three working days before, the
 * miss just after, an unused feedback window closed as "not rated", an escalation after a missed
 * re-handling; counted on the official calendar across National Day 2026 and its make-up working
 * days (Sun 09-20 and Sat 10-10 are worked, 10-01..10-07 are not).
 */
describe('deadlines that act', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  /** H1 traffic: feedback window; H2 health: return window and answer; H3 education: missed re-handling. */
  let h1: string;
  let h2: string;
  let h3: string;

  const clock = (now: string) => setClock(t.http, org.admin, now);
  /** The scheduler's records for one obligation, from the timeline. */
  async function recorded(id: string, key: string) {
    const timeline = (await t.http.get(`/api/suggestions/${id}/timeline`, { token: org.staff.token })).body as {
      type: string;
      occurredAt: string;
      actor: { userId: string; role: string };
      data: { key?: string };
    }[];
    const mine = timeline.filter((e) => e.data.key === key);
    return {
      reminders: mine.filter((e) => e.type === 'DeadlineReminderRecorded'),
      misses: mine.filter((e) => e.type === 'DeadlineMissed'),
      types: timeline.map((e) => e.type),
    };
  }

  /** The person's notifications about one suggestion, of one kind. */
  async function notified(person: { token: string }, suggestionId: string, kind: string) {
    const { items } = (await t.http.get('/api/inbox?pageSize=100', { token: person.token })).body as {
      items: { suggestionId: string; kind: string; message: string; createdAt: string; read: boolean }[];
    };
    return items.filter((i) => i.suggestionId === suggestionId && i.kind === kind).map(({ message, createdAt, read }) => ({ message, createdAt, read }));
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    await clock('2026-09-01T02:00:00Z');
    h1 = (await s.submit(org.deputy1, { title: '关于国庆假期公交保障的建议', content: '加密假日班次。' })).id;
    h3 = (await s.submit(org.deputy2, { title: '关于课后服务的建议', content: '延长课后服务时间。' })).id;
    for (const id of [h1, h3]) await s.run(org.staff, id, 'accept');
    await s.run(org.staff, h1, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    await s.run(org.staff, h3, 'assign', { mode: 'sole', unitIds: ['education'] });
    await s.run(org.traffic, h1, 'contact', { method: '电话', summary: '沟通' });
    await s.run(org.education, h3, 'contact', { method: '电话', summary: '沟通' });
    await clock('2026-09-15T02:00:00Z');
    await s.run(org.traffic, h1, 'answer', { category: 'A', content: '已加密班次。', signedBy: '交通局局长' });
    await s.run(org.education, h3, 'answer', { category: 'A', content: '已延长。', signedBy: '教育局局长' });
    await clock('2026-09-16T02:00:00Z');
    await s.run(org.deputy2, h3, 'rate', { attitude: 'satisfied', result: 'dissatisfied', reason: '没有落到实处' });
    await clock('2026-09-28T02:00:00Z');
    h2 = (await s.submit(org.deputy3, { title: '关于社区医院夜间门诊的建议', content: '开设夜间门诊。' })).id;
    await s.run(org.staff, h2, 'accept');
    await s.run(org.staff, h2, 'assign', { mode: 'sole', unitIds: ['health'] });
  });
  afterAll(() => t.dispose());

  it('counts the feedback window in working days over the holiday: 15 wd from 09-15 end with 10-12', async () => {
    const unit = (await s.state(org.staff, h1)).assignment.units[0];
    expect(unit.feedbackDueAt).toBe('2026-10-12T16:00:00.000Z');
    const returnDue = (await s.state(org.staff, h2)).assignment.deadlines.returnDueAt;
    // 10 working days from Mon 09-28: 29, 30, 10-08, 09, 10 (Sat, worked), 12, 13, 14, 15, 16.
    expect(returnDue).toBe('2026-10-16T16:00:00.000Z');
  });

  it('reminds the deputy three working days before the window closes, not a millisecond earlier', async () => {
    // Working days left after 10-08: 10-09, 10-10 (make-up Saturday), 10-12. Counting calendar days
    // or ignoring the make-up day would remind during the holiday instead.
    await clock('2026-10-08T15:59:59.999Z');
    expect((await recorded(h1, 'feedback:traffic:1')).reminders).toEqual([]);
    await clock('2026-10-08T16:00:00.000Z');
    const { reminders, misses } = await recorded(h1, 'feedback:traffic:1');
    expect(reminders).toEqual([
      expect.objectContaining({
        occurredAt: '2026-10-08T16:00:00.000Z',
        actor: { userId: 'system', role: 'system' },
        data: { key: 'feedback:traffic:1', kind: 'feedback', unitId: 'traffic', dueAt: '2026-10-12T16:00:00.000Z' },
      }),
    ]);
    expect(misses).toEqual([]);
    // The lead deputy is told, in the inbox, which day the window closes.
    expect(await notified(org.deputy1, h1, 'feedback_reminder')).toEqual([
      { message: '建议第0001号「关于国庆假期公交保障的建议」的答复可评价至2026年10月12日，欢迎您评价办理情况', createdAt: '2026-10-08T16:00:00.000Z', read: false },
    ]);
    // Moving the clock again records nothing twice.
    await clock('2026-10-09T02:00:00Z');
    expect((await recorded(h1, 'feedback:traffic:1')).reminders).toHaveLength(1);
  });

  it('closes an unused feedback window as not rated the first instant after 24:00 of its last day', async () => {
    await clock('2026-10-12T16:00:00.000Z');
    expect((await recorded(h1, 'feedback:traffic:1')).misses).toEqual([]);
    await clock('2026-10-12T16:00:00.001Z');
    const { misses, types } = await recorded(h1, 'feedback:traffic:1');
    expect(misses).toHaveLength(1);
    expect(types).toContain('FeedbackWindowExpired');
    const detail = await s.state(org.deputy1, h1);
    expect(detail.assignment.units[0].stage).toBe('not_rated');
    const late = await s.send(org.deputy1, h1, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('rating.feedback_window_expired');
    // Left out of the satisfaction rate: not counted as satisfied, and not as rated.
    const stats = (await t.http.get('/api/stats/units', { token: org.supervisor.token })).body.units;
    const trafficStats = stats.find((u: { unitId: string }) => u.unitId === 'traffic');
    expect(trafficStats.satisfactionRate).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(trafficStats.answered).toBe(1);
  });

  it('reminds the unit of its return window across the holiday', async () => {
    await clock('2026-10-13T15:59:59.999Z');
    expect((await recorded(h2, 'return:health')).reminders).toEqual([]);
    await clock('2026-10-13T16:00:00.000Z');
    expect((await recorded(h2, 'return:health')).reminders).toEqual([
      expect.objectContaining({ data: { key: 'return:health', kind: 'return_window', unitId: 'health', dueAt: '2026-10-16T16:00:00.000Z' } }),
    ]);
    expect(await notified(org.health, h2, 'deadline_reminder')).toEqual([
      { message: '建议第0003号「关于社区医院夜间门诊的建议」的申请退回期限将于2026年10月16日届满', createdAt: '2026-10-13T16:00:00.000Z', read: false },
    ]);
    expect(await notified(org.traffic, h2, 'deadline_reminder')).toEqual([]);
  });

  it('escalates a re-handling that misses its deadline, flagged for staff and supervisors', async () => {
    const detail = await s.state(org.staff, h3);
    expect(detail.status).toBe('rehandling');
    // Dissatisfied on 09-16: one month, to 24:00 of 10-16.
    expect(detail.assignment.units[0]).toMatchObject({ stage: 'rehandling', round: 2, dueAt: '2026-10-16T16:00:00.000Z' });
    expect((await recorded(h3, 'rehandling:education:2')).reminders).toHaveLength(1);
    expect(detail.escalated).toBe(false);

    await clock('2026-10-16T16:00:00.001Z');
    const { misses, types } = await recorded(h3, 'rehandling:education:2');
    expect(misses).toHaveLength(1);
    expect(types.filter((type) => type === 'SuggestionEscalated')).toHaveLength(1);
    expect((await s.state(org.supervisor, h3)).escalated).toBe(true);
    const flag = { message: '建议第0002号「关于课后服务的建议」已提级督办：重新办理逾期未答复，提级督办', createdAt: '2026-10-16T16:00:00.001Z', read: false };
    expect(await notified(org.staff, h3, 'escalated')).toEqual([flag]);
    expect(await notified(org.supervisor, h3, 'escalated')).toEqual([flag]);
    expect(await notified(org.education, h3, 'deadline_missed')).toEqual([
      { message: '建议第0002号「关于课后服务的建议」的重新办理答复已逾期（期限2026年10月16日）', createdAt: '2026-10-16T16:00:00.001Z', read: false },
    ]);
    const stats = (await t.http.get('/api/stats/units', { token: org.staff.token })).body.units;
    expect(stats.find((u: { unitId: string }) => u.unitId === 'education')).toMatchObject({ overdueNow: 1, rehandlings: 1 });
  });

  it('records the return window as passed at the same instant, and the unit can no longer return', async () => {
    expect((await recorded(h2, 'return:health')).misses).toEqual([
      expect.objectContaining({ occurredAt: '2026-10-16T16:00:00.001Z', data: expect.objectContaining({ kind: 'return_window' }) }),
    ]);
    const refused = await s.send(org.health, h2, 'request-return', { reason: '不属于本单位职责' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('return.window_closed');
  });

  it('reminds and then records the missed answer; the list and the figures show it overdue', async () => {
    await clock('2026-12-23T15:59:59.999Z');
    expect((await recorded(h2, 'answer:health:1')).reminders).toEqual([]);
    await clock('2026-12-23T16:00:00.000Z');
    expect((await recorded(h2, 'answer:health:1')).reminders).toHaveLength(1);
    await clock('2026-12-28T16:00:00.000Z');
    expect((await recorded(h2, 'answer:health:1')).misses).toEqual([]);
    expect((await s.list(org.staff, 'overdue=true')).body.items.map((i: { id: string }) => i.id)).not.toContain(h2);

    await clock('2026-12-28T16:00:00.001Z');
    expect((await recorded(h2, 'answer:health:1')).misses).toEqual([
      expect.objectContaining({ occurredAt: '2026-12-28T16:00:00.001Z', data: expect.objectContaining({ kind: 'answer', dueAt: '2026-12-28T16:00:00.000Z' }) }),
    ]);
    expect((await s.list(org.staff, 'overdue=true')).body.items.map((i: { id: string }) => i.id)).toContain(h2);
    const health = (await t.http.get('/api/stats/units', { token: org.staff.token })).body.units.find((u: { unitId: string }) => u.unitId === 'health');
    expect(health).toMatchObject({ assigned: 1, answered: 0, overdueNow: 1 });
  });

  it('records each reminder once when two instances run the scheduler at the same time', async () => {
    // Far ahead of the real date, so the second instance's first run (at the real time) finds nothing due.
    await clock('2030-01-07T02:00:00Z');
    const h4 = (await s.submit(org.deputy1, { title: '关于双实例调度的建议', content: '内容。' })).id;
    await s.run(org.staff, h4, 'accept');
    await s.run(org.staff, h4, 'assign', { mode: 'sole', unitIds: ['housing'] });
    const second = await startTestApp({ READ_MODEL_PATH: 'read-model-2.sqlite' }, t.dataDir);
    try {
      // Return window due 2030-01-21 24:00; reminded at 24:00 of 01-16.
      await Promise.all([clock('2030-01-17T02:00:00Z'), setClock(second.http, org.admin, '2030-01-17T02:00:00Z')]);
      await Promise.all([clock('2030-01-17T03:00:00Z'), setClock(second.http, org.admin, '2030-01-17T03:00:00Z')]);
      const stored = await second.http.get(`/api/suggestions/${h4}/timeline`, { token: org.staff.token });
      const reminders = stored.body.filter((e: { type: string; data: { key?: string } }) => e.type === 'DeadlineReminderRecorded' && e.data.key === 'return:housing');
      expect(reminders).toHaveLength(1);
      expect((await recorded(h4, 'return:housing')).reminders).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});

describe('SCHEDULER=off', () => {
  it('leaves deadlines to another instance: moving the clock records nothing here', async () => {
    const t = await startTestApp({ SCHEDULER: 'off' });
    try {
      const org = await createOrganisation(t.http);
      const s = new Suggestions(t.http);
      await setClock(t.http, org.admin, '2026-03-02T02:00:00Z');
      const id = (await s.submit(org.deputy1, { title: '关于关闭调度的建议', content: '内容。' })).id;
      await s.run(org.staff, id, 'accept');
      await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
      await setClock(t.http, org.admin, '2026-09-01T02:00:00Z');
      const types = await s.eventTypes(org.staff, id);
      expect(types).toEqual(['SuggestionSubmitted', 'SuggestionAccepted', 'SuggestionAssigned']);
      // The read model still knows the answer is overdue: only the recording is left to others.
      expect((await s.list(org.staff, 'overdue=true')).body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    } finally {
      await t.dispose();
    }
  });

  it('refuses a value it does not know', async () => {
    await expect(startTestApp({ SCHEDULER: 'sometimes' })).rejects.toThrow('SCHEDULER：「sometimes」无效，只能是 on 或 off');
  });
});
