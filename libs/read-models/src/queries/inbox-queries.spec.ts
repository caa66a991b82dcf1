import type { Actor } from '@duban/domain';
import { audienceOfNotification, notificationId } from '../inbox/notification-id';
import { openSupervisionFixture, type SupervisionFixture } from '../testing/supervision-fixture';
import { EDU, EDU_2, HEALTH, LI, STAFF, SUPERVISOR, TRAFFIC, WANG } from '../testing/supervision-scenario';

/** Over the supervision scenario (testing/supervision-scenario.ts). */
describe('inbox', () => {
  let fx: SupervisionFixture;

  beforeAll(async () => {
    fx = await openSupervisionFixture();
  });

  afterAll(async () => {
    await fx.close();
  });

  const inbox = (viewer: Actor, page = 1, pageSize = 50) => fx.queries.inbox(viewer, { page, pageSize });
  const kinds = (viewer: Actor) => inbox(viewer).items.map((i) => `${i.suggestionId} ${i.kind}`);

  it('tells a unit’s users of assignments, ratings, re-handling, return decisions, urges and missed deadlines, newest first', () => {
    expect(kinds(EDU)).toEqual([
      'sv-9 assigned',
      'sv-2 rated',
      // The dissatisfied rating is told once, by its re-handling (the unit must act on it).
      'sv-2 rehandling',
      'sv-1 rated',
      'sv-2 assigned',
      'sv-1 assigned',
      'sv-5 rated',
      'sv-5 assigned',
    ]);
    expect(kinds(TRAFFIC)).toEqual(['sv-9 return_decided', 'sv-9 assigned', 'sv-4 assigned', 'sv-3 co_opinion', 'sv-3 assigned']);
    expect(kinds(HEALTH)).toEqual([
      'sv-6 urged',
      'sv-10 deadline_missed',
      'sv-6 urged',
      'sv-10 rehandling',
      'sv-10 assigned',
      'sv-6 assigned',
      'sv-4 assigned',
      'sv-3 assigned',
    ]);
    // Every user of the unit sees the unit's notifications.
    expect(kinds(EDU_2)).toEqual(kinds(EDU));
  });

  it('says it in Chinese, with the due day in Beijing time', () => {
    const [reassigned] = inbox(EDU).items;
    expect(reassigned).toEqual({
      id: 'sv-9@5@unit:unit-edu',
      suggestionId: 'sv-9',
      kind: 'assigned',
      message: '建议「关于增设夜间公交的建议」已交本单位单独办理，请于2026年10月10日前答复代表',
      createdAt: '2026-07-10T02:00:00.000Z',
      read: false,
    });
    const health = inbox(HEALTH).items;
    expect(health.find((i) => i.kind === 'deadline_missed')!.message).toBe('建议「关于社区医院药品配备的建议」的重新办理答复已逾期（期限2026年8月25日）');
    expect(health.find((i) => i.suggestionId === 'sv-3')!.message).toBe('建议「关于优化公交线路的建议」已交本单位协办，请于2026年5月6日前向主办单位提交协办意见');
    expect(inbox(TRAFFIC).items[0]!.message).toBe('建议「关于增设夜间公交的建议」的退回申请已同意，本单位不再承办');
  });

  it('tells staff of submissions, return requests and escalations', () => {
    expect(kinds(STAFF)).toEqual([
      'sv-10 escalated',
      'sv-9 return_requested',
      'sv-10 submitted',
      'sv-9 submitted',
      'sv-8 submitted',
      'sv-7 submitted',
      'sv-6 submitted',
      'sv-4 submitted',
      'sv-3 submitted',
      'sv-2 submitted',
      'sv-1 submitted',
      'sv-5 submitted',
    ]);
    expect(inbox(STAFF).items[1]!.message).toBe('市交通运输局申请退回建议「关于增设夜间公交的建议」：不属于本单位职责');
    // Any staff member sees the same.
    expect(kinds({ userId: 'staff-other', role: 'staff' })).toEqual(kinds(STAFF));
  });

  it('tells the supervisor of the key suggestions given to them and of escalations', () => {
    expect(inbox(SUPERVISOR).items.map((i) => [i.suggestionId, i.kind, i.message])).toEqual([
      ['sv-10', 'escalated', '建议「关于社区医院药品配备的建议」已提级督办：重新办理逾期未答复，提级督办'],
      ['sv-7', 'key_supervision', '建议「关于建设口袋公园的建议」已列为重点督办建议，由您担任督办人'],
      ['sv-6', 'key_supervision', '建议「关于老旧小区加装电梯的建议」已列为重点督办建议，由您担任督办人'],
    ]);
  });

  it('sends the answer to every signer and asks only the lead deputy to rate', () => {
    expect(inbox(LI).items.filter((i) => i.kind === 'answered').map((i) => i.message)).toEqual([
      // sv-4 (separate): health has not answered, so the feedback window is not open yet.
      '市交通运输局已答复建议「关于加强社区卫生服务的建议」',
      '市教育局已答复建议「关于增加中小学课后服务的建议」，请于2026年4月13日前评价',
    ]);
    expect(kinds(WANG).filter((k) => k.endsWith(' answered'))).toEqual(['sv-10 answered', 'sv-2 answered', 'sv-2 answered', 'sv-4 answered', 'sv-5 answered']);
    expect(inbox(WANG).items.find((i) => i.suggestionId === 'sv-4')!.message).toBe('市交通运输局已答复建议「关于加强社区卫生服务的建议」');
    expect(inbox({ userId: 'dep-zhao', role: 'deputy' }).items.filter((i) => i.kind === 'answered').map((i) => i.message)).toEqual([
      '市交通运输局已答复建议「关于优化公交线路的建议」，请于2026年6月10日前评价',
    ]);
    // Nobody is told of what does not concern them.
    expect(kinds({ userId: 'dep-nobody', role: 'deputy' })).toEqual([]);
    expect(kinds({ userId: 'admin', role: 'admin' })).toEqual([]);
  });

  it('pages newest first with the total', () => {
    const all = inbox(STAFF).items.map((i) => i.id);
    const page2 = inbox(STAFF, 2, 5);
    expect(page2.items.map((i) => i.id)).toEqual(all.slice(5, 10));
    expect(page2.total).toBe(12);
    expect(inbox(STAFF, 3, 5).items.map((i) => i.id)).toEqual(all.slice(10));
    expect(inbox(STAFF, 4, 5).items).toEqual([]);
  });

  it('keeps read marks per person, from the inbox stream events, and counts what is unread', async () => {
    const [first, second, third] = inbox(EDU).items.map((i) => i.id);
    expect(inbox(EDU)).toMatchObject({ total: 8, unread: 8 });

    await fx.writer.markRead(EDU, [first!, second!], '2026-10-15T01:00:00.000Z');
    // Twice, and a staff notification and ids that name nothing: none of them counts.
    await fx.writer.markRead(EDU, [second!, 'sv-1@0@role:staff', 'nonsense', 'x@1@group:all'], '2026-10-15T01:01:00.000Z');
    await fx.catchUp();

    const edu = inbox(EDU);
    expect(edu).toMatchObject({ total: 8, unread: 6 });
    expect(edu.items.map((i) => i.read)).toEqual([true, true, false, false, false, false, false, false]);
    expect(edu.items[2]!.id).toBe(third);
    // The unit's other user has read nothing.
    expect(inbox(EDU_2)).toMatchObject({ total: 8, unread: 8 });
    expect(inbox(EDU_2).items.every((i) => !i.read)).toBe(true);
    expect(inbox(STAFF)).toMatchObject({ total: 12, unread: 12 });
  });

  it('does not tell anyone of their own act', async () => {
    const before = inbox(SUPERVISOR).total;
    await fx.writer.command('sv-9', SUPERVISOR, '2026-10-16T02:00:00.000Z', { type: 'StartKeySupervision', data: { supervisorId: 'sup-liu' } });
    await fx.catchUp();
    expect(inbox(SUPERVISOR).total).toBe(before);
    expect(fx.queries.keySupervision('2026-10-16T03:00:00.000Z').items.map((i) => i.id)).toContain('sv-9');
  });

  it('names the notification’s audience in its id', () => {
    expect(notificationId('sv-9', 5, 'unit:unit-edu')).toBe('sv-9@5@unit:unit-edu');
    expect(audienceOfNotification('sv-9@5@unit:unit-edu')).toBe('unit:unit-edu');
    expect(audienceOfNotification('3f0c1d2e-aaaa-bbbb-cccc-0123456789ab@12@role:staff')).toBe('role:staff');
    expect(audienceOfNotification('sv-9@x@unit:unit-edu')).toBeNull();
    expect(audienceOfNotification('sv-9@5@role:admin')).toBeNull();
    expect(audienceOfNotification('sv-9@5')).toBeNull();
  });
  it('tells the deputies each step of their suggestion: 立案, 交办 with the unit and due day, 不予立案 with the reason', () => {
    expect(inbox(LI).items.filter((i) => i.suggestionId === 'sv-1').map((i) => [i.kind, i.message])).toEqual([
      ['answered', '市教育局已答复建议「关于增加中小学课后服务的建议」，请于2026年4月13日前评价'],
      ['assigned', '建议「关于增加中小学课后服务的建议」已交由市教育局单独办理，答复期限为2026年6月2日'],
      ['accepted', '建议「关于增加中小学课后服务的建议」已立案，将交承办单位办理'],
    ]);
    expect(inbox(WANG).items.filter((i) => i.suggestionId === 'sv-8').map((i) => [i.kind, i.message])).toEqual([
      ['rejected', '建议「关于调整广场舞时间的建议」不予立案，理由：属于来信来访事项'],
    ]);
    // WANG co-signed LI's sv-4 and is told so; the lead is not told of their own submission.
    expect(inbox(WANG).items.filter((i) => i.kind === 'co_signed').map((i) => i.suggestionId)).toEqual(['sv-4']);
    expect(inbox(LI).items.filter((i) => i.kind === 'co_signed')).toEqual([]);
  });

  it('orders by the time of the event, not by when it was projected', async () => {
    // Projected last, but it happened before everything health heard of after 2026-06-01.
    await fx.writer.command('sv-6', SUPERVISOR, '2026-06-02T02:00:00.000Z', { type: 'UrgeSuggestion', data: { note: '请尽快办理' } });
    await fx.catchUp();
    const items = inbox(HEALTH).items;
    const times = items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const late = items.findIndex((i) => i.createdAt === '2026-06-02T02:00:00.000Z');
    expect(late).toBeGreaterThan(0);
    expect(items[late]!.message).toBe('建议「关于老旧小区加装电梯的建议」被催办：请尽快办理');
  });
});
