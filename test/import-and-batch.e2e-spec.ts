import ExcelJS from 'exceljs';
import { createOrganisation, Organisation, Person } from './support/organisation';
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
  /** An .xlsx with a header row and the given rows, as staff would fill the template. */
  async function workbook(header: string[], rows: string[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('代表建议');
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  async function upload(path: string, file: Buffer, person: Person = org.staff) {
    const form = new FormData();
    form.append('file', new Blob([file]), 'import.xlsx');
    const response = await fetch(`${t.baseUrl}${path}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${person.token}` } });
    return { status: response.status, body: (await response.json()) as any };
  }

  async function sessionSuggestions(sessionId: string): Promise<{ id: string; title: string }[]> {
    const list = await t.http.get(`/api/suggestions?sessionId=${sessionId}&pageSize=100&after=${s.lastPosition}`, { token: org.staff.token });
    expect(list.status).toBe(200);
    return list.body.items;
  }

  describe('Excel import of suggestions', () => {
    const HEADER = ['标题', '内容', '领衔代表', '附议代表', '代表团'];

    it('serves a template with the Chinese headers and an instructions sheet', async () => {
      const response = await fetch(`${t.baseUrl}/api/imports/suggestions/template.xlsx`, { headers: { authorization: `Bearer ${org.staff.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await response.arrayBuffer());
      expect(book.worksheets.map((w) => w.name)).toEqual(['代表建议', '填写说明']);
      const headers = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual(expect.arrayContaining(HEADER));
      expect(headers.slice(0, 5)).toEqual(HEADER);
      const deputy = await fetch(`${t.baseUrl}/api/imports/suggestions/template.xlsx`, { headers: { authorization: `Bearer ${org.deputy1.token}` } });
      expect(deputy.status).toBe(403);
    });

    it('imports good rows, reports bad rows exactly and writes nothing for them; a re-upload creates nothing; dryRun creates nothing', async () => {
      const session = await t.http.post('/api/sessions', { name: '导入测试会议', kind: 'congress', startsOn: '2026-01-10' }, { token: org.staff.token });
      expect(session.status).toBe(201);
      const sessionId = session.body.id as string;
      const file = await workbook(HEADER, [
        ['关于增设公交线路的建议', '建议增设公交线路。', '张三', '李四、deputy3', ''], // row 2: good
        ['', '没有标题', '张三', '', ''], // row 3: no title
        ['关于学校午餐的建议', '建议改善午餐。', '无名氏', '', ''], // row 4: unknown deputy
        ['关于老旧小区加装电梯的建议', '建议加快加装电梯。', 'deputy2', '张三，王五', ''], // row 5: good
        ['关于停车的建议', '内容', '张三', '张三', ''], // row 6: lead also co-signer
      ]);

      const dry = await upload(`/api/imports/suggestions?sessionId=${sessionId}&dryRun=true`, file);
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ created: 2, skipped: 0, dryRun: true });
      expect(await sessionSuggestions(sessionId)).toEqual([]);

      const first = await upload(`/api/imports/suggestions?sessionId=${sessionId}`, file);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ created: 2, skipped: 0, rows: 5 });
      expect(first.body.errors).toEqual([
        { row: 3, column: '标题', message: '标题不能为空' },
        { row: 4, column: '领衔代表', message: '找不到代表「无名氏」（请填写代表的登录名或姓名）' },
        { row: 6, column: '附议代表', message: '「张三」是领衔代表，不能同时作为附议代表' },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const imported = await sessionSuggestions(sessionId);
      expect(imported.map((i) => i.title).sort()).toEqual(['关于增设公交线路的建议', '关于老旧小区加装电梯的建议'].sort());
      const bus = imported.find((i) => i.title === '关于增设公交线路的建议')!;
      const detail = await s.state(org.staff, bus.id);
      expect(detail).toMatchObject({ leadDeputyId: 'deputy1', coSignerIds: ['deputy2', 'deputy3'], sessionId, status: 'submitted' });

      const again = await upload(`/api/imports/suggestions?sessionId=${sessionId}`, file);
      expect(again.body).toMatchObject({ created: 0, skipped: 2 });
      expect(again.body.errors).toHaveLength(3);
      const dryAgain = await upload(`/api/imports/suggestions?sessionId=${sessionId}&dryRun=true`, file);
      expect(dryAgain.body).toMatchObject({ created: 0, skipped: 2 });
      expect(await sessionSuggestions(sessionId)).toHaveLength(2);
    });

    it('refuses what is not a workbook, a sheet without the required columns, and callers who are not staff', async () => {
      const notExcel = await upload('/api/imports/suggestions', Buffer.from('标题,内容\n'));
      expect(notExcel.status).toBe(400);
      expect(notExcel.body.message).toContain('xlsx');
      const noLead = await upload('/api/imports/suggestions', await workbook(['标题', '内容'], [['a', 'b']]));
      expect(noLead.status).toBe(400);
      expect(noLead.body.message).toContain('领衔代表');
      const deputy = await upload('/api/imports/suggestions', await workbook(HEADER, []), org.deputy1);
      expect(deputy.status).toBe(403);
      const noFile = await t.http.post('/api/imports/suggestions', {}, { token: org.staff.token });
      expect(noFile.status).toBe(400);
    });

    it('shows the progress of the upload it names', async () => {
      const file = await workbook(HEADER, [['关于进度的建议', '内容', '张三', '', '']]);
      const done = await upload('/api/imports/suggestions?dryRun=true&jobId=job-1', file);
      expect(done.status).toBe(200);
      const progress = await t.http.get('/api/imports/jobs/job-1', { token: org.staff.token });
      expect(progress.status).toBe(200);
      expect(progress.body).toMatchObject({ jobId: 'job-1', phase: 'done', total: 1, created: 1 });
      expect((await t.http.get('/api/imports/jobs/job-1', { token: org.admin.token })).status).toBe(404);
    });
  });
  describe('assignment plan upload', () => {
    it('assigns numbered suggestions of the session row by row, reports bad rows, and skips them when uploaded again', async () => {
      const session = await t.http.post('/api/sessions', { name: '交办方案测试会议', kind: 'congress', startsOn: '2026-02-10' }, { token: org.staff.token });
      expect(session.status).toBe(201);
      const sessionId = session.body.id as string;
      const file = await workbook(['标题', '内容', '领衔代表'], [
        ['关于方案一的建议', '内容一', '张三'],
        ['关于方案二的建议', '内容二', '李四'],
        ['关于方案三的建议', '内容三', '王五'],
      ]);
      expect((await upload(`/api/imports/suggestions?sessionId=${sessionId}`, file)).body.created).toBe(3);
      s.lastPosition = (await upload(`/api/imports/suggestions?sessionId=${sessionId}&dryRun=true`, file)).body.position ?? s.lastPosition;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ids = (await sessionSuggestions(sessionId)).map((i) => i.id);
      const accepted = await t.http.post('/api/suggestions/batch/accept', { ids }, { token: org.staff.token });
      expect(accepted.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200, 200]);
      s.lastPosition = accepted.body.position;
      const numbered = (await sessionSuggestions(sessionId)) as unknown as { id: string; number: number }[];
      const numbers = numbered.map((i) => i.number).sort((a, b) => a - b);
      expect(numbers).toHaveLength(3);

      const plan = await workbook(['编号', '承办单位', '办理方式', '主办单位'], [
        [String(numbers[0]), '市交通运输局', '单独办理', ''], // row 2: good
        [`第${String(numbers[1]).padStart(4, '0')}号`, '市交通运输局、housing', '主办协办', '市交通运输局'], // row 3: good
        ['9999', '市教育局', '单独办理', ''], // row 4: no such number
        [String(numbers[2]), '不存在的局', '单独办理', ''], // row 5: unknown unit
      ]);
      const first = await upload(`/api/imports/assignments?sessionId=${sessionId}`, plan);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ created: 2, skipped: 0 });
      expect(first.body.errors).toEqual([
        { row: 4, column: '编号', message: expect.stringContaining('没有第 9999 号建议') },
        { row: 5, column: '承办单位', message: '找不到承办单位「不存在的局」' },
      ]);
      const again = await upload(`/api/imports/assignments?sessionId=${sessionId}`, plan);
      expect(again.body).toMatchObject({ created: 0, skipped: 2 });
      s.lastPosition = first.body.position;
      const byNumber = new Map(numbered.map((i) => [i.number, i.id]));
      expect(await s.state(org.staff, byNumber.get(numbers[1]!)!)).toMatchObject({ status: 'assigned' });
      expect(await s.state(org.staff, byNumber.get(numbers[2]!)!)).toMatchObject({ status: 'accepted' });
      const template = await fetch(`${t.baseUrl}/api/imports/assignments/template.xlsx`, { headers: { authorization: `Bearer ${org.staff.token}` } });
      expect(template.status).toBe(200);
    });
  });
});
