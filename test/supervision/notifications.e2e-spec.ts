import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { createOrganisation, Organisation, Person } from '../support/organisation';
import { Suggestions } from '../support/suggestions';
import { startTestApp, TestApp } from '../support/test-app';
import { SseClient } from './support/sse-client';
import { setClock } from './support/test-clock';

interface InboxItem {
  id: string;
  suggestionId: string;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

/** Each person's inbox, with read marks that are events too, and the live stream of what they may see. */
describe('notifications', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let x: string;
  const streams: SseClient[] = [];

  const inbox = async (person: Person, query = '') => {
    const response = await t.http.get(`/api/inbox?after=${s.lastPosition}${query}`, { token: person.token });
    expect(response.status).toBe(200);
    return response.body as { items: InboxItem[]; unread: number };
  };
  const connect = async (person: Person | null, token = person?.token) => {
    const client = await SseClient.connect(`${t.baseUrl}/api/events/stream${token === undefined ? '' : `?access_token=${encodeURIComponent(token)}`}`);
    streams.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    await setClock(t.http, org.admin, '2026-03-02T02:00:00Z');
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t.dispose();
  });

  describe('the live stream (GET /api/events/stream)', () => {
    it('needs a valid token, given as access_token because EventSource cannot send headers', async () => {
      const none = await connect(null);
      expect(none.status).toBe(401);
      expect(none.errorBody.message).toBe('请先登录');
      const bad = await connect(null, 'not-a-token');
      expect(bad.status).toBe(401);
      const header = await SseClient.connect(`${t.baseUrl}/api/events/stream`, { authorization: `Bearer ${org.deputy1.token}` });
      streams.push(header);
      expect(header.status).toBe(200);
      expect(header.headers.get('content-type')).toContain('text/event-stream');
    });

    it('sends each change a person may see once it is applied, and nothing they may not', async () => {
      const deputy1 = await connect(org.deputy1);
      const deputy3 = await connect(org.deputy3);
      const traffic = await connect(org.traffic);
      const staff = await connect(org.staff);
      expect(deputy1.status).toBe(200);

      x = (await s.submit(org.deputy1, { title: '关于实时推送测试的建议', content: '内容。' })).id;
      const submitted = await deputy1.waitFor((d) => d.suggestionId === x && d.type === 'SuggestionSubmitted');
      expect(submitted).toEqual({ type: 'SuggestionSubmitted', suggestionId: x, revision: 0, position: expect.stringMatching(/^\d+/) });
      await staff.waitFor((d) => d.suggestionId === x && d.type === 'SuggestionSubmitted');

      await s.run(org.staff, x, 'accept');
      await s.run(org.staff, x, 'assign', { mode: 'sole', unitIds: ['traffic'] });
      // The unit sees the suggestion from its assignment on, not before.
      await traffic.waitFor((d) => d.suggestionId === x && d.type === 'SuggestionAssigned');
      expect(traffic.data.filter((d) => d.suggestionId === x).map((d) => d.type)).toEqual(['SuggestionAssigned']);

      // deputy3's own suggestion arrives after all of the above: had deputy3 been sent x, it would be here by now.
      const y = (await s.submit(org.deputy3, { title: '关于另一位代表的建议', content: '内容。' })).id;
      await deputy3.waitFor((d) => d.suggestionId === y);
      expect(deputy3.data.map((d) => d.suggestionId)).toEqual([y]);
      await deputy1.waitFor((d) => d.suggestionId === x && d.type === 'SuggestionAssigned');
      expect(deputy1.data.map((d) => d.suggestionId)).not.toContain(y);
      // The first thing on the wire is a comment, so the client knows at once that it is connected.
      expect(deputy1.messages[0]).toEqual({ comment: 'connected' });
    });
  });

  describe('the inbox (GET /api/inbox)', () => {
    it('tells staff of a submission, the unit of its assignment, the deputy of the answer, newest first', async () => {
      await s.run(org.traffic, x, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
      const about = (box: { items: InboxItem[] }) => box.items.filter((i) => i.suggestionId === x).map(({ kind, message, read }) => ({ kind, message, read }));
      const staff = await inbox(org.staff);
      expect(about(staff)).toEqual([{ kind: 'submitted', message: '代表提交了新建议「关于实时推送测试的建议」，请审查立案', read: false }]);
      const unit = await inbox(org.traffic);
      expect(about(unit)).toEqual([
        { kind: 'assigned', message: '建议第0001号「关于实时推送测试的建议」已交本单位单独办理，请于2026年6月2日前答复代表', read: false },
      ]);
      expect(unit.items.find((i) => i.suggestionId === x)!.createdAt).toBe('2026-03-02T02:00:00.000Z');
      // The answer asks the lead deputy to rate within the feedback window (15 working days), and
      // the deputy heard of each step before it, newest first.
      expect(about(await inbox(org.deputy1)).map((i) => i.kind)).toEqual(['answered', 'assigned', 'accepted']);
      expect(about(await inbox(org.deputy1))[0]).toEqual({
        kind: 'answered',
        message: '市交通运输局已答复建议第0001号「关于实时推送测试的建议」，请于2026年3月23日前评价',
        read: false,
      });
      // Another unit's inbox knows nothing of it.
      expect((await inbox(org.health)).items.filter((i) => i.suggestionId === x)).toEqual([]);
      const times = staff.items.map((i) => i.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('marks notifications read, as events that survive a rebuilt read model', async () => {
      const before = await inbox(org.traffic);
      expect(before.unread).toBeGreaterThan(0);
      const target = before.items.find((i) => !i.read)!;
      const bad = await t.http.post('/api/inbox/read', { ids: 'all' }, { token: org.traffic.token });
      expect(bad.status).toBe(400);
      const marked = await t.http.post('/api/inbox/read', { ids: [target.id] }, { token: org.traffic.token });
      expect(marked.status).toBe(200);
      s.lastPosition = marked.body.position;
      const after = await inbox(org.traffic);
      expect(after.unread).toBe(before.unread - 1);
      expect(after.items.find((i) => i.id === target.id)!.read).toBe(true);
      // A notification of someone else's cannot be marked, nor an id that names no notification.
      const foreign = await t.http.post('/api/inbox/read', { ids: [target.id] }, { token: org.health.token });
      expect(foreign.status).toBe(400);
      expect(foreign.body.errors[0]).toMatchObject({ field: 'ids' });
      expect((await t.http.post('/api/inbox/read', { ids: ['made-up'] }, { token: org.traffic.token })).status).toBe(400);
      const one = await t.http.post(`/api/inbox/${encodeURIComponent(target.id)}/read`, {}, { token: org.traffic.token });
      expect(one.status).toBe(200);

      // Drop the read model: the rebuild replays the marks from the events.
      for (const stream of streams) stream.close();
      await t.stop();
      for (const file of ['read-model.sqlite', 'read-model.sqlite-wal', 'read-model.sqlite-shm']) rmSync(path.join(t.dataDir, file), { force: true });
      t = await startTestApp({}, t.dataDir);
      const rebuilt = (await t.http.get('/api/inbox', { token: org.traffic.token })).body as { items: InboxItem[]; unread: number };
      expect(rebuilt.unread).toBe(after.unread);
      expect(rebuilt.items.find((i) => i.id === target.id)!.read).toBe(true);
    });

    it('marks everything read at once', async () => {
      // Staff were told of both submissions (x and deputy3's), and have read neither.
      const before = await inbox(org.staff);
      expect(before.unread).toBe(2);
      const response = await t.http.post('/api/inbox/read-all', {}, { token: org.staff.token });
      expect(response.status).toBe(200);
      expect(response.body.ids).toHaveLength(2);
      s.lastPosition = response.body.position;
      const after = await inbox(org.staff);
      expect(after.unread).toBe(0);
      expect(after.items.every((i) => i.read)).toBe(true);
      const nothingLeft = await t.http.post('/api/inbox/read-all', {}, { token: org.staff.token });
      expect(nothingLeft.body).toEqual({ ids: [], position: null });
    });
  });
  describe('each step tells the people it concerns, once', () => {
    let y: string;
    const about = async (person: Person) =>
      (await inbox(person, '&pageSize=100')).items.filter((i) => i.suggestionId === y).map(({ kind, message }) => ({ kind, message }));

    // The read-mark test above restarted the server: talk to the new one, on the test clock.
    beforeAll(async () => {
      s = new Suggestions(t.http);
      await setClock(t.http, org.admin, '2026-03-03T02:00:00Z');
    });

    it('tells a co-signer on submission that they were added, and nobody else but staff', async () => {
      y = (await s.submit(org.deputy1, { title: '关于增设社区食堂的建议', content: '内容。', coSignerIds: [org.deputy2.id] })).id;
      expect(await about(org.deputy2)).toEqual([{ kind: 'co_signed', message: '您已被列为建议「关于增设社区食堂的建议」的联名代表（附议）' }]);
      expect(await about(org.deputy1)).toEqual([]);
    });

    it('tells the lead deputy and the co-signer of 立案 and of 交办, naming the unit and the due day', async () => {
      await s.run(org.staff, y, 'accept');
      await s.run(org.staff, y, 'assign', { mode: 'sole', unitIds: ['traffic'] });
      const expected = [
        { kind: 'assigned', message: '建议第0002号「关于增设社区食堂的建议」已交由市交通运输局单独办理，答复期限为2026年6月3日' },
        { kind: 'accepted', message: '建议第0002号「关于增设社区食堂的建议」已立案，将交承办单位办理' },
      ];
      expect(await about(org.deputy1)).toEqual(expected);
      expect((await about(org.deputy2)).slice(0, 2)).toEqual(expected);
    });

    it('tells the deputies of 不予立案 with the reason', async () => {
      const z = (await s.submit(org.deputy3, { title: '关于调整广场舞时间的建议', content: '内容。' })).id;
      await s.run(org.staff, z, 'reject', { reason: '属于来信来访事项，请通过信访渠道反映' });
      const box = await inbox(org.deputy3);
      expect(box.items.filter((i) => i.suggestionId === z).map(({ kind, message }) => ({ kind, message }))).toEqual([
        { kind: 'rejected', message: '建议「关于调整广场舞时间的建议」不予立案，理由：属于来信来访事项，请通过信访渠道反映' },
      ]);
    });

    it('gives the unit one message for one dissatisfied rating, and the deputies the re-handling due day', async () => {
      await s.run(org.traffic, y, 'answer', { category: 'A', content: '已研究。', signedBy: '局长' });
      const before = await about(org.traffic);
      await s.run(org.deputy1, y, 'rate', { attitude: 'satisfied', result: 'dissatisfied', reason: '没有具体时间表' });
      const after = await about(org.traffic);
      expect(after.length - before.length).toBe(1);
      expect(after[0]!.kind).toBe('rehandling');
      expect(after[0]!.message).toMatch(/^代表对建议第0002号「关于增设社区食堂的建议」的答复不满意（办理态度满意，办理结果不满意：没有具体时间表），请于\d{4}年\d{1,2}月\d{1,2}日前重新办理并答复$/);
      const deputy = (await about(org.deputy1))[0]!;
      expect(deputy.kind).toBe('rehandling');
      expect(deputy.message).toMatch(/^建议第0002号「关于增设社区食堂的建议」已交市交通运输局重新办理，应于\d{4}年\d{1,2}月\d{1,2}日前重新答复$/);
    });
  });
});
