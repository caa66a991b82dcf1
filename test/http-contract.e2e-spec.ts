import type { Projector } from '@duban/read-models';
import { PROJECTOR } from '../apps/api/src/infrastructure/tokens';
import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

describe('the HTTP contract: preconditions, validation and error shapes', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    id = (await s.submit(org.deputy1, { title: '关于菜市场改造的建议', content: '建议改造老旧菜市场。' })).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['housing'] });
  });
  afterAll(() => t.dispose());

  describe('If-Match', () => {
    it('a stale revision is 412 with the current revision, and nothing changes', async () => {
      const before = await s.state(org.staff, id);
      const response = await s.send(org.supervisor, id, 'urge', { note: '请抓紧。' }, { headers: { 'If-Match': '"1"' } });
      expect(response.status).toBe(412);
      expect(response.body).toEqual({
        statusCode: 412,
        code: 'revision_mismatch',
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
        currentRevision: before.revision,
      });
      expect((await s.state(org.staff, id)).revision).toBe(before.revision);
    });

    it('the current revision (as the ETag gave it) is accepted and the new ETag returned', async () => {
      const detail = await s.detail(org.staff, id);
      const current = detail.headers.get('etag')!;
      expect(current).toBe(`"${detail.body.revision}"`);
      const response = await s.send(org.supervisor, id, 'urge', { note: '请抓紧。' }, { headers: { 'If-Match': current } });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${detail.body.revision + 1}"`);
    });

    it('of two writers holding the same revision, exactly one wins and the other gets 412', async () => {
      const { revision } = await s.state(org.staff, id);
      const headers = { 'If-Match': `"${revision}"` };
      const results = await Promise.all([
        s.send(org.supervisor, id, 'urge', { note: '第一次催办' }, { headers }),
        s.send(org.supervisor, id, 'urge', { note: '第二次催办' }, { headers }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      expect((await s.state(org.staff, id)).revision).toBe(revision + 1);
    });

    it('without If-Match, concurrent writers are retried and all succeed in some order', async () => {
      const { revision } = await s.state(org.staff, id);
      const results = await Promise.all([1, 2, 3, 4].map((n) => s.send(org.supervisor, id, 'urge', { note: `并发催办 ${n}` })));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(results.map((r) => r.body.revision).sort()).toEqual([revision + 1, revision + 2, revision + 3, revision + 4]);
      const detail = await s.state(org.staff, id);
      expect(detail.urges.map((u: { note: string }) => u.note)).toEqual(
        expect.arrayContaining(['并发催办 1', '并发催办 2', '并发催办 3', '并发催办 4']),
      );
    });

    it('a malformed If-Match is a 400, not silently ignored', async () => {
      const response = await s.send(org.supervisor, id, 'urge', { note: '催办' }, { headers: { 'If-Match': 'yesterday' } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
    });
  });

  describe('400 names every bad field', () => {
    it('missing, too long and unknown fields each get their own Chinese message', async () => {
      const response = await t.http.post(
        '/api/suggestions',
        { title: '长'.repeat(201), coSignerIds: 'deputy2', priority: 'high' },
        { token: org.deputy1.token },
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, message: '请求参数有误' });
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'title', message: '标题不能超过 200 个字符' },
          { field: 'content', message: '必填' },
          { field: 'coSignerIds', message: '附议代表必须是数组' },
          { field: 'priority', message: '不允许的字段「priority」' },
        ]),
      );
      expect(response.body.errors).toHaveLength(4);
    });

    it('nested fields are named by their path', async () => {
      const response = await s.send(org.housing, id, 'answer', {
        category: 'B',
        content: '答复',
        signedBy: '局长',
        commitments: [{ description: '改造菜市场', dueAt: '明年' }, { description: '', dueAt: '2099-01-01', extra: 1 }],
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'commitments.0.dueAt', message: expect.stringContaining('ISO 8601') },
          { field: 'commitments.1.description', message: '承诺事项不能为空' },
          { field: 'commitments.1.extra', message: '不允许的字段「extra」' },
        ]),
      );
    });

    it('enumerations and booleans are checked', async () => {
      const rate = await s.send(org.deputy1, id, 'rate', { attitude: 'great', result: 'satisfied' });
      expect(rate.status).toBe(400);
      expect(rate.body.errors).toEqual([{ field: 'attitude', message: expect.stringContaining('satisfied') }]);
      const decide = await s.send(org.staff, id, 'decide-extension', { approve: 'yes' });
      expect(decide.status).toBe(400);
      expect(decide.body.errors).toEqual([{ field: 'approve', message: '是否批准必须是 true 或 false' }]);
    });

    it('an empty-body command refuses any field', async () => {
      const response = await s.send(org.staff, id, 'close', { force: true });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'force', message: '不允许的字段「force」' }]);
    });

    it('a rule of the rulebook broken by a value is a 400 naming the field', async () => {
      const response = await s.send(org.housing, id, 'answer', { category: 'Z', content: '答复', signedBy: '局长' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'answer.unknown_category', errors: [{ field: 'category', message: '答复类别必须是 A、B、C、D 之一' }] });
    });

    it('query parameters are validated too', async () => {
      const tooBig = await t.http.get('/api/suggestions?pageSize=101', { token: org.staff.token });
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.errors).toEqual([{ field: 'pageSize', message: '每页条数不能大于 100' }]);
      const unknown = await t.http.get('/api/suggestions?sortBy=title', { token: org.staff.token });
      expect(unknown.status).toBe(400);
      const status = await t.http.get('/api/suggestions?status=done', { token: org.staff.token });
      expect(status.body.errors[0].field).toBe('status');
    });

    it('a body over the JSON limit is a 413 in Chinese, before any validation', async () => {
      const response = await t.http.post('/api/suggestions', { title: '大', content: 'x'.repeat(1_200_000) }, { token: org.deputy1.token });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ statusCode: 413, message: '请求体过大' });
    });

    it('malformed JSON is a 400 in Chinese', async () => {
      const response = await t.http.post('/api/suggestions', undefined, { token: org.deputy1.token, rawBody: '{"title": ' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, message: '请求体不是有效的 JSON' });
    });
  });

  describe('415 for a body that is not JSON', () => {
    it('a text/plain or form body is 415 unsupported_media_type and changes nothing; a POST without a body passes on (here to the token check)', async () => {
      const before = await s.state(org.staff, id);
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
        const response = await fetch(`${t.baseUrl}/api/suggestions/${id}/urge`, {
          method: 'POST',
          headers: { authorization: `Bearer ${org.supervisor.token}`, 'content-type': contentType },
          body: contentType === 'text/plain' ? '{"note":"请抓紧。"}' : 'note=%E8%AF%B7',
        });
        expect(response.status).toBe(415);
        expect(await response.json()).toEqual({
          statusCode: 415,
          code: 'unsupported_media_type',
          message: expect.stringMatching(/[\u4e00-\u9fff]/),
        });
      }
      expect((await s.state(org.staff, id)).revision).toBe(before.revision);
      const login = await fetch(`${t.baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: 'Bearer not-a-token' } });
      expect(login.status).toBe(401);
    });
  });

  describe('lists, 404s and headers', () => {
    it('pages the list: default page size 20, total counts everything visible', async () => {
      for (let n = 0; n < 3; n++) await s.submit(org.deputy2, { title: `分页测试建议 ${n}`, content: '内容' });
      const first = await s.list(org.staff, 'pageSize=2&q=' + encodeURIComponent('分页测试'));
      expect(first.status).toBe(200);
      expect(first.body.total).toBe(3);
      expect(first.body.items).toHaveLength(2);
      const second = await s.list(org.staff, 'pageSize=2&page=2&q=' + encodeURIComponent('分页测试'));
      expect(second.body.items).toHaveLength(1);
      const mine = await s.list(org.deputy2, 'deputyId=deputy2');
      expect(mine.body.total).toBe(3);
      expect(Object.keys(mine.body.items[0])).toEqual(
        expect.arrayContaining(['id', 'title', 'status', 'deputyId', 'unitIds', 'dueAt', 'overdue', 'keySupervised', 'revision']),
      );
    });

    it('a read waits for ?after= and answers 503 when the read model does not get there in time', async () => {
      // A read model that has fallen behind: the projector is held while a command is written.
      const projector = t.app.get<Projector>(PROJECTOR);
      await projector.stop();
      let position: string;
      try {
        position = (await s.submit(org.deputy2, { title: '投影暂停时提交的建议', content: '内容' })).position;
        const started = Date.now();
        const response = await t.http.get(`/api/suggestions?after=${position}`, { token: org.staff.token });
        expect(response.status).toBe(503);
        expect(response.body).toMatchObject({ code: 'read_model_behind', message: '数据仍在更新，请稍后重试' });
        expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
      } finally {
        await projector.start();
      }
      expect((await t.http.get(`/api/suggestions?after=${position}`, { token: org.staff.token })).status).toBe(200);

      const malformed = await t.http.get(`/api/suggestions/${id}?after=latest`, { token: org.staff.token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('after');
      // A position the store never handed out cannot be waited for: refused at once, not after 2 seconds.
      const beyond = Date.now();
      const future = await t.http.get('/api/suggestions?after=999999', { token: org.staff.token });
      expect(future.status).toBe(400);
      expect(future.body.errors).toEqual([{ field: 'after', message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
      expect(Date.now() - beyond).toBeLessThan(1000);
    });

    it('unknown suggestions and unknown routes are 404 in Chinese', async () => {
      const missing = await t.http.get('/api/suggestions/does-not-exist', { token: org.staff.token });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ statusCode: 404, message: '建议不存在' });
      const route = await t.http.get('/api/no-such-route', { token: org.staff.token });
      expect(route.status).toBe(404);
      expect(route.body.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('echoes the caller’s correlation id', async () => {
      const response = await t.http.get('/api/rulebook', { token: org.staff.token, headers: { 'X-Correlation-Id': 'trace-123' } });
      expect(response.headers.get('x-correlation-id')).toBe('trace-123');
      expect(response.body).toMatchObject({ id: 'national', name: '全国默认（答复期限依代表法，其余为默认值）' });
      expect(response.body.answerCategories.map((c: { code: string }) => c.code)).toEqual(['A', 'B', 'C', 'D']);
      expect(response.body.periods.find((p: { key: string }) => p.key === 'answerWithin').label).toBe('3 个月');
    });
  });
});
