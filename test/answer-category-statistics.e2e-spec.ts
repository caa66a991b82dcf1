import ExcelJS from 'exceljs';
import { createOrganisation, Organisation } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const HENAN_E = '属于上级机关或者组织职权范围，已向上级反映';

/**
 * 河南 第十九条 has five answer classes: the 大督办 figures (JSON, overview and the spreadsheet) count
 * class E on its own and name every class as the rulebook does, instead of folding E into "answered".
 */
describe('statistics by the answer categories of the rulebook in force (RULEBOOK=henan)', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;

  beforeAll(async () => {
    t = await startTestApp({ RULEBOOK: 'henan' });
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    for (const category of ['E', 'A', 'E']) {
      const { id } = await s.submit(org.deputy1, { title: `关于${category}类答复的建议 ${Date.now().toString(36)}`, content: '内容。' });
      await s.run(org.staff, id, 'accept');
      await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
      await s.run(org.traffic, id, 'contact', { method: '电话', summary: '听取意见' });
      await s.run(org.traffic, id, 'answer', { category, content: `${category}类答复。`, signedBy: '局长' });
    }
  });
  afterAll(() => t.dispose());

  const get = (path: string) => t.http.get(`${path}${path.includes('?') ? '&' : '?'}after=${s.lastPosition}`, { token: org.supervisor.token });

  it('GET /api/stats/units: class E counted on its own over the answered, the five classes named as 河南 第十九条 does', async () => {
    const response = await get('/api/stats/units');
    expect(response.status).toBe(200);
    expect(response.body.answerCategories.map((c: { code: string }) => c.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(response.body.answerCategories[4]).toEqual({ code: 'E', label: HENAN_E });
    const traffic = response.body.units.find((u: { unitId: string }) => u.unitId === 'traffic');
    expect(traffic.answered).toBe(3);
    expect(traffic.byCategory).toEqual({ A: rate(1, 3), B: rate(0, 3), C: rate(0, 3), D: rate(0, 3), E: rate(2, 3) });
    // The national A–D are kept as before (E is not one of them).
    expect(traffic.categories).toEqual({ A: rate(1, 3), B: rate(0, 3), C: rate(0, 3), D: rate(0, 3) });
  });

  it('GET /api/stats/overview: the totals by class with the same legend', async () => {
    const response = await get('/api/stats/overview');
    expect(response.status).toBe(200);
    expect(response.body.answerCategories).toHaveLength(5);
    expect(response.body.totals.byCategory.E).toEqual(rate(2, 3));
  });

  it('GET /api/stats/units.xlsx: a count and a share per class, the classes spelled out above the header', async () => {
    const response = await fetch(`${t.baseUrl}/api/stats/units.xlsx`, { headers: { authorization: `Bearer ${org.supervisor.token}` } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(String(rows[2]![0])).toContain(`E类 ${HENAN_E}`);
    const header = rows[4] as string[];
    expect(header).toEqual(expect.arrayContaining(['A类件数', 'A类占比', 'E类件数', 'E类占比']));
    const traffic = rows.find((r) => r[0] === 'traffic')!;
    expect([traffic[header.indexOf('E类件数')], traffic[header.indexOf('E类占比')]]).toEqual([2, 2 / 3]);
    const total = rows[rows.length - 1]!;
    expect(total[header.indexOf('E类件数')]).toBe(2);
  });
});
