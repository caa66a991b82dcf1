import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * 批量立案、批量交办 and the Excel import over HTTP. One app for the whole file (CI time): each
 * test makes its own suggestions.
 */
describe('batch registration and assignment, Excel import', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
  });
  afterAll(() => t.dispose());

  async function submitted(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await s.submit(org.deputy1, { title: `关于批量处理的建议${i}`, content: '建议内容。' })).id);
    return ids;
  }

  describe('POST /api/suggestions/batch/accept', () => {
    it('registers each item on its own: one conflict and one missing id affect only those items', async () => {
      const [a, b, c] = await submitted(3);
      await s.run(org.staff, c!, 'accept'); // already registered: its own accept would be a 409
      const response = await t.http.post('/api/suggestions/batch/accept', { ids: [a, 'no-such-suggestion', c, b] }, { token: org.staff.token });
      expect(response.status).toBe(200);
      const results = response.body.results as { id: string; status: number; revision?: number; code?: string; message?: string }[];
      expect(results.map((r) => [r.id, r.status])).toEqual([
        [a, 200],
        ['no-such-suggestion', 404],
        [c, 409],
        [b, 200],
      ]);
      expect(results[0]).toMatchObject({ revision: expect.any(Number) });
      expect(results[1]).toMatchObject({ code: 'not_found', message: '建议不存在' });
      // Same code and message as the single route gives.
      const single = await s.send(org.staff, c!, 'accept');
      expect(results[2]).toMatchObject({ code: single.body.code, message: single.body.message });
      s.lastPosition = response.body.position;
      expect((await s.state(org.staff, a!)).status).toBe('accepted');
      expect((await s.state(org.staff, b!)).status).toBe('accepted');
    });

    it('is for staff and admins only; the whole body is checked before anything runs', async () => {
      const [a] = await submitted(1);
      const deputy = await t.http.post('/api/suggestions/batch/accept', { ids: [a] }, { token: org.deputy1.token });
      expect(deputy.status).toBe(403);
      const bad = await t.http.post('/api/suggestions/batch/accept', { ids: [a, 'bad id!'] }, { token: org.staff.token });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'ids' })]);
      expect((await s.state(org.staff, a!)).status).toBe('submitted');
      const tooMany = await t.http.post('/api/suggestions/batch/accept', { ids: Array.from({ length: 2001 }, (_, i) => `s${i}`) }, { token: org.staff.token });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors[0].message).toContain('2000');
    });
  });

  describe('POST /api/suggestions/batch/assign', () => {
    it('assigns each item with its own plan; a missing unit, a wrong state and a missing id stay with their items', async () => {
      const [a, b, c, d] = await submitted(4);
      for (const id of [a, b, c]) await s.run(org.staff, id!, 'accept');
      const response = await t.http.post(
        '/api/suggestions/batch/assign',
        {
          items: [
            { id: a, mode: 'sole', unitIds: ['traffic'] },
            { id: b, mode: 'lead', unitIds: ['traffic', 'housing'], leadUnitId: 'traffic' },
            { id: c, mode: 'sole', unitIds: ['nowhere'] },
            { id: d, mode: 'sole', unitIds: ['health'] },
            { id: 'missing-one', mode: 'sole', unitIds: ['health'] },
          ],
        },
        { token: org.staff.token },
      );
      expect(response.status).toBe(200);
      expect(response.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200, 400, 409, 404]);
      expect(response.body.results[2].message).toContain('nowhere');
      s.lastPosition = response.body.position;
      expect((await s.state(org.staff, a!)).status).toBe('assigned');
      expect((await s.state(org.staff, b!)).status).toBe('assigned');
      expect((await s.state(org.staff, c!)).status).toBe('accepted');
    });

    it('takes one plan for all', async () => {
      const ids = await submitted(3);
      await t.http.post('/api/suggestions/batch/accept', { ids }, { token: org.staff.token });
      const response = await t.http.post('/api/suggestions/batch/assign', { ids, mode: 'sole', unitIds: ['education'] }, { token: org.admin.token });
      expect(response.status).toBe(200);
      expect(response.body.results.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual(ids.map((id) => [id, 200]));
    });

    it('names the bad field of the body and changes nothing', async () => {
      const [a] = await submitted(1);
      await s.run(org.staff, a!, 'accept');
      const items = [{ id: a, mode: 'sole', unitIds: ['traffic'] }, { id: 'x1', mode: 'sole', unitIds: ['traffic'] }, { id: 'x2', mode: 'sole', unitIds: ['traffic'] }, { id: 'x3', mode: 'sole', unitIds: [] }];
      const response = await t.http.post('/api/suggestions/batch/assign', { items }, { token: org.staff.token });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'items.3.unitIds' })]);
      expect((await s.state(org.staff, a!)).status).toBe('accepted');
      const mixed = await t.http.post('/api/suggestions/batch/assign', { items: items.slice(0, 1), mode: 'sole' }, { token: org.staff.token });
      expect(mixed.status).toBe(400);
      expect(mixed.body.errors).toEqual([expect.objectContaining({ field: 'mode' })]);
      const neither = await t.http.post('/api/suggestions/batch/assign', {}, { token: org.staff.token });
      expect(neither.status).toBe(400);
      const twice = await t.http.post('/api/suggestions/batch/assign', { items: [items[0], items[0]] }, { token: org.staff.token });
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'items.1.id' })]);
      const unit = await t.http.post('/api/suggestions/batch/assign', { items: items.slice(0, 1) }, { token: org.traffic.token });
      expect(unit.status).toBe(403);
    });
  });
});
