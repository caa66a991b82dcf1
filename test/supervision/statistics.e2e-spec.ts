import ExcelJS from 'exceljs';
import { createOrganisation, Organisation } from '../support/organisation';
import { Suggestions } from '../support/suggestions';
import { startTestApp, TestApp } from '../support/test-app';
import { buildStatisticsFixture, FIXTURE_NOW, FixtureKey } from './support/statistics-fixture';

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

/**
 * What a supervisor reads off the API, checked figure by figure against a scripted year whose
 * outcomes are known (support/statistics-fixture.ts tells each suggestion's story).
 */
describe('supervision figures against known fixtures', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let ids: Record<FixtureKey, string>;

  const get = (path: string, person = org.supervisor) => t.http.get(path, { token: person.token });
  const unitRow = (units: { unitId: string; assigned?: number }[], unitId: string) => units.find((u) => u.unitId === unitId);

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    ids = await buildStatisticsFixture(t.http, org, s);
  }, 120_000);
  afterAll(() => t.dispose());

  describe('GET /api/stats/units', () => {
    let units: any[];
    beforeAll(async () => {
      const response = await get('/api/stats/units');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ from: null, to: null, generatedAt: FIXTURE_NOW });
      units = response.body.units;
    });

    it('traffic: 4 assigned and answered, one late (S2), two contacted first, every rating satisfied', () => {
      expect(unitRow(units, 'traffic')).toEqual({
        unitId: 'traffic',
        unitName: '市交通运输局',
        assigned: 4,
        answered: 4,
        answeredOnTime: rate(3, 4),
        overdueNow: 0,
        contactRate: rate(2, 4),
        // S1 satisfied, S2 basically satisfied, S7 satisfied; S3 never rated is left out of both.
        satisfactionRate: rate(3, 3),
        dissatisfied: 0,
        categories: { A: rate(2, 4), B: rate(1, 4), C: rate(1, 4), D: rate(0, 4) },
        byCategory: { A: rate(2, 4), B: rate(1, 4), C: rate(1, 4), D: rate(0, 4) },
        // S2 C1 fulfilled, S2 C2 overdue since 08-31, S3 C1 due 12-31.
        commitments: { made: 3, fulfilled: 1, overdue: 1, fulfilmentRate: rate(1, 3) },
        rehandlings: 0,
      });
    });

    it('education: S5 never answered and overdue now; S4 re-handled once after a dissatisfied result', () => {
      expect(unitRow(units, 'education')).toEqual({
        unitId: 'education',
        unitName: '市教育局',
        assigned: 2,
        answered: 1,
        answeredOnTime: rate(1, 1),
        overdueNow: 1,
        contactRate: rate(1, 1),
        // Two ratings of S4: dissatisfied, then satisfied after re-handling.
        satisfactionRate: rate(1, 2),
        dissatisfied: 1,
        categories: { A: rate(1, 1), B: rate(0, 1), C: rate(0, 1), D: rate(0, 1) },
        byCategory: { A: rate(1, 1), B: rate(0, 1), C: rate(0, 1), D: rate(0, 1) },
        commitments: { made: 0, fulfilled: 0, overdue: 0, fulfilmentRate: rate(0, 0) },
        rehandlings: 1,
      });
    });

    it('health: S11 (last year, never rated) and S6 as lead', () => {
      expect(unitRow(units, 'health')).toEqual({
        unitId: 'health',
        unitName: '市卫生健康委员会',
        assigned: 2,
        answered: 2,
        answeredOnTime: rate(2, 2),
        overdueNow: 0,
        contactRate: rate(2, 2),
        satisfactionRate: rate(1, 1),
        dissatisfied: 0,
        categories: { A: rate(1, 2), B: rate(0, 2), C: rate(0, 2), D: rate(1, 2) },
        byCategory: { A: rate(1, 2), B: rate(0, 2), C: rate(0, 2), D: rate(1, 2) },
        commitments: { made: 0, fulfilled: 0, overdue: 0, fulfilmentRate: rate(0, 0) },
        rehandlings: 0,
      });
    });

    it('housing: co-handler of S6 (assigned, never answering), S7 answered, dissatisfied, re-handling missed', () => {
      expect(unitRow(units, 'housing')).toEqual({
        unitId: 'housing',
        unitName: '市住房和城乡建设局',
        assigned: 2,
        answered: 1,
        answeredOnTime: rate(1, 1),
        overdueNow: 1,
        contactRate: rate(1, 1),
        satisfactionRate: rate(0, 1),
        dissatisfied: 1,
        categories: { A: rate(0, 1), B: rate(1, 1), C: rate(0, 1), D: rate(0, 1) },
        byCategory: { A: rate(0, 1), B: rate(1, 1), C: rate(0, 1), D: rate(0, 1) },
        commitments: { made: 1, fulfilled: 1, overdue: 0, fulfilmentRate: rate(1, 1) },
        rehandlings: 1,
      });
    });

    it('filters by the assignment time: from 2026 leaves S11 out, to 2025 keeps only it', async () => {
      const thisYear = await get('/api/stats/units?from=2026-01-01');
      expect(thisYear.body.from).toBe('2025-12-31T16:00:00.000Z');
      expect(unitRow(thisYear.body.units, 'health')).toMatchObject({
        assigned: 1,
        answered: 1,
        satisfactionRate: rate(1, 1),
        categories: { A: rate(0, 1), B: rate(0, 1), C: rate(0, 1), D: rate(1, 1) },
        byCategory: { A: rate(0, 1), B: rate(0, 1), C: rate(0, 1), D: rate(1, 1) },
      });
      expect(unitRow(thisYear.body.units, 'traffic')).toMatchObject({ assigned: 4 });
      const lastYear = await get('/api/stats/units?to=2025-12-31');
      expect(lastYear.body.to).toBe('2025-12-31T16:00:00.000Z');
      expect(unitRow(lastYear.body.units, 'health')).toMatchObject({ assigned: 1, answered: 1, categories: expect.objectContaining({ A: rate(1, 1) }) });
      expect(unitRow(lastYear.body.units, 'traffic')?.assigned ?? 0).toBe(0);
      const backwards = await get('/api/stats/units?from=2026-02-01&to=2026-01-01');
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors[0].field).toBe('to');
    });

    it('a unit reads its own figures only; deputies read none', async () => {
      const own = await get('/api/stats/units', org.traffic);
      expect(own.status).toBe(200);
      expect(own.body.units.map((u: { unitId: string }) => u.unitId)).toEqual(['traffic']);
      expect(own.body.units[0]).toEqual(unitRow(units, 'traffic'));
      expect((await get('/api/stats/units', org.deputy1)).status).toBe(403);
      expect((await get('/api/stats/overview', org.traffic)).status).toBe(403);
    });
  });

  it('GET /api/stats/overview: counts by status and jurisdiction totals', async () => {
    const response = await get('/api/stats/overview', org.staff);
    expect(response.status).toBe(200);
    expect(response.body.generatedAt).toBe(FIXTURE_NOW);
    expect(response.body.byStatus).toMatchObject({
      rated: 4, // S1, S2, S4, S6
      answered: 2, // S3 and S11, whose feedback windows expired
      assigned: 1, // S5
      rehandling: 1, // S7 (housing)
      submitted: 1, // S9
      accepted: 1, // S13
      rejected: 1, // S10
      withdrawn: 1, // S12
      closed: 0,
    });
    expect(response.body.totals).toMatchObject({
      assigned: 10,
      answered: 8,
      answeredOnTime: rate(7, 8),
      overdueNow: 2,
      contactRate: rate(6, 8),
      satisfactionRate: rate(5, 7),
      dissatisfied: 2,
      commitments: { made: 4, fulfilled: 2, overdue: 1, fulfilmentRate: rate(2, 4) },
      rehandlings: 2,
      categories: { A: rate(4, 8), B: rate(2, 8), C: rate(1, 8), D: rate(1, 8) },
      byCategory: { A: rate(4, 8), B: rate(2, 8), C: rate(1, 8), D: rate(1, 8) },
    });
  });

  it('GET /api/supervision/key: progress, supervisor, leader, and the 两个全覆盖 coverage', async () => {
    const response = await get('/api/supervision/key');
    expect(response.status).toBe(200);
    const byId = Object.fromEntries(response.body.items.map((i: { id: string }) => [i.id, i]));
    expect(Object.keys(byId).sort()).toEqual([ids.S1, ids.S5].sort());
    expect(byId[ids.S1]).toMatchObject({
      title: '关于优化公交线网的建议',
      status: 'rated',
      supervisorId: 'super1',
      supervisorName: '钱督办',
      leaderName: '王副市长',
      unitIds: ['traffic'],
      overdue: false,
      urgeCount: 0,
    });
    expect(byId[ids.S5]).toMatchObject({
      status: 'assigned',
      supervisorId: 'super1',
      supervisorName: '钱督办',
      unitIds: ['education'],
      dueAt: '2026-06-02T16:00:00.000Z',
      overdue: true,
      urgeCount: 2,
    });
    expect(byId[ids.S5].leaderName ?? null).toBeNull();
    expect(byId[ids.S1].escalated).toBe(false);
    expect(response.body.coverage).toEqual({ both: rate(1, 2), supervisor: rate(2, 2), leader: rate(1, 2) });
    expect((await get('/api/supervision/key', org.deputy1)).status).toBe(403);
  });

  describe('GET /api/commitments (承诺事项台账)', () => {
    const keyOf = (i: { suggestionId: string; commitmentId: string }) => `${i.suggestionId}/${i.commitmentId}`;

    it('lists every commitment with its state now', async () => {
      const response = await get('/api/commitments');
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(4);
      const byKey = Object.fromEntries(response.body.items.map((i: any) => [keyOf(i), i]));
      expect(byKey[`${ids.S2}/C1`]).toMatchObject({
        title: '关于增设公交站点的建议',
        unitId: 'traffic',
        description: '调整 12 路公交站点',
        dueAt: '2026-07-31T16:00:00.000Z',
        fulfilledAt: '2026-07-20T02:00:00.000Z',
        status: 'fulfilled',
      });
      expect(byKey[`${ids.S2}/C2`]).toMatchObject({ unitId: 'traffic', dueAt: '2026-08-31T16:00:00.000Z', status: 'overdue' });
      expect(byKey[`${ids.S2}/C2`].fulfilledAt ?? null).toBeNull();
      expect(byKey[`${ids.S3}/C1`]).toMatchObject({ unitId: 'traffic', dueAt: '2026-12-31T16:00:00.000Z', status: 'open' });
      expect(byKey[`${ids.S7}/C1`]).toMatchObject({ unitId: 'housing', fulfilledAt: '2026-08-01T02:00:00.000Z', status: 'fulfilled' });
    });

    it('filters by state and unit: which commitments are overdue', async () => {
      const overdue = await get('/api/commitments?status=overdue');
      expect(overdue.body.items.map(keyOf)).toEqual([`${ids.S2}/C2`]);
      // Open means not yet fulfilled, the overdue one included.
      const open = await get('/api/commitments?status=open');
      expect(open.body.items.map(keyOf).sort()).toEqual([`${ids.S2}/C2`, `${ids.S3}/C1`].sort());
      const fulfilled = await get('/api/commitments?status=fulfilled');
      expect(fulfilled.body.items.map(keyOf).sort()).toEqual([`${ids.S2}/C1`, `${ids.S7}/C1`].sort());
      const housing = await get('/api/commitments?unitId=housing');
      expect(housing.body).toMatchObject({ total: 1, items: [expect.objectContaining({ suggestionId: ids.S7 })] });
      expect((await get('/api/commitments?status=late')).status).toBe(400);
      // Soonest due first (07-31, 08-15, 08-31, 12-31), a page at a time.
      const page = await get('/api/commitments?page=2&pageSize=1');
      expect(page.body).toMatchObject({ total: 4, items: [expect.objectContaining({ suggestionId: ids.S7, commitmentId: 'C1' })] });
    });

    it('a unit reads its own ledger only', async () => {
      const own = await get('/api/commitments', org.housing);
      expect(own.body.items.map(keyOf)).toEqual([`${ids.S7}/C1`]);
      expect((await get('/api/commitments?unitId=traffic', org.housing)).status).toBe(403);
      expect((await get('/api/commitments', org.deputy1)).status).toBe(403);
    });
  });

  describe('deputies', () => {
    it("GET /api/deputies/:id/archive: a deputy's suggestions and outcomes (履职档案)", async () => {
      const response = await get('/api/deputies/deputy1/archive', org.deputy1);
      expect(response.status).toBe(200);
      expect(response.body.deputy).toMatchObject({ id: 'deputy1', displayName: '张三' });
      const mine = [ids.S1, ids.S2, ids.S3, ids.S4, ids.S5, ids.S9, ids.S10, ids.S12];
      expect(response.body.suggestions.map((i: { id: string }) => i.id).sort()).toEqual([...mine].sort());
      expect(response.body.outcomes).toEqual({
        submitted: 8,
        led: 8,
        coSigned: 0,
        // S1, S2, S3, S4 were answered; S5 never was.
        answered: 4,
        // S1, S2, and S4 twice; S3's window passed unrated.
        rated: 4,
        satisfied: 3,
        dissatisfied: 1,
        // The latest answers: S1 A, S2 B, S3 C, S4 A (after re-handling).
        byCategory: { A: 2, B: 1, C: 1, D: 0 },
      });
    });

    it('only the deputy themselves and oversight roles read an archive', async () => {
      expect((await get('/api/deputies/deputy1/archive', org.deputy2)).status).toBe(403);
      expect((await get('/api/deputies/deputy1/archive', org.traffic)).status).toBe(403);
      expect((await get('/api/deputies/deputy1/archive', org.staff)).status).toBe(200);
      expect((await get('/api/deputies/nobody/archive', org.staff)).status).toBe(404);
    });

    it("GET /api/deputies/:id/commitments?year=: the yearly follow-up of a deputy's commitments", async () => {
      const response = await get('/api/deputies/deputy1/commitments?year=2026', org.deputy1);
      expect(response.status).toBe(200);
      const items = response.body.items.map((i: { suggestionId: string; commitmentId: string; status: string }) => [`${i.suggestionId}/${i.commitmentId}`, i.status]);
      expect(items.sort()).toEqual(
        [
          [`${ids.S2}/C1`, 'fulfilled'],
          [`${ids.S2}/C2`, 'overdue'],
          [`${ids.S3}/C1`, 'open'],
        ].sort(),
      );
      expect(response.body).toMatchObject({ deputyId: 'deputy1', year: 2026, counts: { made: 3, fulfilled: 1, open: 2, overdue: 1 }, fulfilmentRate: rate(1, 3) });
      // Suggestions submitted in 2025 have none of these.
      const lastYear = await get('/api/deputies/deputy1/commitments?year=2025', org.staff);
      expect(lastYear.body.items).toEqual([]);
      expect((await get('/api/deputies/deputy1/commitments?year=2026', org.deputy2)).status).toBe(403);
      expect((await get('/api/deputies/deputy1/commitments?year=1900', org.staff)).status).toBe(400);
    });
  });

  describe('exports', () => {
    async function sheet(path: string, person = org.supervisor) {
      const response = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${person.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
      const worksheet = workbook.worksheets[0]!;
      const rows: unknown[][] = [];
      worksheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    }

    it('GET /api/stats/units.xlsx: the period and what is counted above Chinese headers, the same figures as the JSON, a total row', async () => {
      const all = await sheet('/api/stats/units.xlsx?from=2026-01-01');
      // Four caption lines (period, what is counted, the answer categories in force, when), then the header.
      expect(all[0]).toEqual(['统计期间：2026-01-01 至 今（按交办时间）']);
      expect(String(all[1]![0])).toContain('单位次');
      expect(String(all[2]![0])).toBe('答复类别（按现行办理规则）：A类 已经解决或者基本解决；B类 正在解决或者列入规划逐步解决；C类 因目前条件限制需待以后解决；D类 留作参考');
      expect(String(all[3]![0])).toMatch(/^统计时间：2026-09-15 10:00$/);
      const rows = all.slice(4);
      const header = rows[0] as string[];
      expect(header.slice(0, 6)).toEqual(['单位编号', '承办单位', '交办件数', '答复件数', '按期答复件数', '按期答复率']);
      expect(header).toContain('满意率');
      expect(header).toContain('落实率');
      const traffic = rows.find((r) => r[0] === 'traffic')!;
      const cell = (name: string) => traffic[header.indexOf(name)];
      expect([cell('交办件数'), cell('答复件数'), cell('按期答复件数'), cell('按期答复率')]).toEqual([4, 4, 3, 0.75]);
      expect([cell('参评件数'), cell('满意及基本满意件数'), cell('满意率')]).toEqual([3, 3, 1]);
      expect([cell('承诺事项数'), cell('已落实'), cell('逾期未落实')]).toEqual([3, 1, 1]);
      const health = rows.find((r) => r[0] === 'health')!;
      expect(health[header.indexOf('交办件数')]).toBe(1);
      // The total row adds every unit up, rates again numerator over denominator (as the overview's totals).
      const total = rows[rows.length - 1]!;
      const overview = (await get('/api/stats/overview?from=2026-01-01')).body;
      expect(total[header.indexOf('承办单位')]).toBe('合计');
      expect(total[header.indexOf('交办件数')]).toBe(overview.totals.assigned);
      expect(total[header.indexOf('按期答复件数')]).toBe(overview.totals.answeredOnTime.numerator);
      expect(total[header.indexOf('满意率')]).toBeCloseTo(overview.totals.satisfactionRate.value, 10);
      const year = await sheet('/api/stats/units.xlsx?year=2025');
      expect(year[0]).toEqual(['统计期间：2025 年（按交办时间）']);
      expect((await get('/api/stats/units.xlsx', org.deputy1)).status).toBe(403);
    });

    it('GET /api/suggestions.xlsx: the current filters, every page, scoped to the caller', async () => {
      const rows = await sheet('/api/suggestions.xlsx?unitId=traffic&pageSize=1');
      expect(rows[0]).toEqual(['建议编号', '标题', '状态', '领衔代表', '承办单位', '当前期限（北京时间）', '是否超期', '重点督办', '提交时间（北京时间）', '最后更新（北京时间）', '会次', '会次编号', '答复函']);
      const byId = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
      expect(Object.keys(byId).sort()).toEqual([ids.S1, ids.S2, ids.S3, ids.S7].sort());
      expect(byId[ids.S1]!.slice(1, 5)).toEqual(['关于优化公交线网的建议', '已评价', '张三', '市交通运输局']);
      expect(byId[ids.S1]![7]).toBe('是');
      expect(byId[ids.S7]![4]).toBe('市交通运输局、市住房和城乡建设局');
      const deputyRows = await sheet('/api/suggestions.xlsx', org.deputy2);
      expect(deputyRows.slice(1).map((r) => r[0]).sort()).toEqual([ids.S6, ids.S7, ids.S13].sort());
    });
  });

  // Runs last: it adds a suggestion to the fixture.
  describe('one period for every figure; suggestions (件) and unit assignments (单位次) told apart', () => {
    const overview = async (query = '') => {
      const response = await get(`/api/stats/overview?after=${s.lastPosition}${query}`);
      expect(response.status).toBe(200);
      return response.body;
    };
    const units = async (query = '') => {
      const response = await get(`/api/stats/units?after=${s.lastPosition}${query}`);
      expect(response.status).toBe(200);
      return response.body.units as any[];
    };
    const sum = (list: any[], pick: (u: any) => number) => list.reduce((n, u) => n + pick(u), 0);

    it('the overview counts suggestions and the suggestions behind the unit assignments, for the whole time', async () => {
      const all = await overview();
      expect(all).toMatchObject({ sessionId: null, year: null, from: null, to: null });
      // The fixture (support/statistics-fixture.ts) submits 12 suggestions and assigns 8 of them (8 件) to
      // 10 units in all, because two of those suggestions go to a lead and a co-handling unit each.
      expect(all.suggestions).toBe(12);
      expect(all.assignedSuggestions).toBe(8);
      expect(all.totals.assigned).toBe(10);
    });

    it('the cards follow the period: a span counts suggestions by submission and unit figures by assignment, as the unit table', async () => {
      const span = await overview('&from=2026-01-01');
      const table = await units('&from=2026-01-01');
      expect(span.from).toBe('2025-12-31T16:00:00.000Z');
      // The fixture's one suggestion submitted and assigned in 2025 falls outside both: suggestions, statuses and totals.
      expect(span.suggestions).toBe(11);
      expect(span.byStatus.answered).toBe(1);
      expect(span.assignedSuggestions).toBe(7);
      expect(span.totals.assigned).toBe(sum(table, (u) => u.assigned));
      expect(span.totals.assigned).toBe(9);
      expect(span.totals.overdueNow).toBe(sum(table, (u) => u.overdueNow));
      expect(span.totals.answered).toBe(sum(table, (u) => u.answered));

      const lastYear = await overview('&year=2025');
      expect(lastYear).toMatchObject({ year: 2025, from: '2024-12-31T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' });
      expect(lastYear).toMatchObject({ suggestions: 1, assignedSuggestions: 1, totals: expect.objectContaining({ assigned: 1, overdueNow: 0 }) });
      const lastYearUnits = await units('&year=2025');
      expect(sum(lastYearUnits, (u) => u.assigned)).toBe(1);
      expect(unitRow(lastYearUnits, 'health')?.assigned).toBe(1);
    });

    it('who reads which figures: the supervision routes × roles', async () => {
      //                                        deputy staff super unit admin anonymous
      const table: [string, number[]][] = [
        ['/api/stats/units?year=2026',          [403,  200,  200,  200, 200,  401]],
        ['/api/stats/units.xlsx?year=2026',     [403,  200,  200,  200, 200,  401]],
        ['/api/stats/overview?year=2026',       [403,  200,  200,  403, 200,  401]],
        ['/api/stats/delegations?year=2026',    [403,  200,  200,  403, 200,  401]],
        ['/api/supervision/key?year=2026',      [403,  200,  200,  403, 200,  401]],
        ['/api/commitments?year=2026',          [403,  200,  200,  200, 200,  401]],
      ];
      const people = [org.deputy1, org.staff, org.supervisor, org.traffic, org.admin, null];
      const seen: [string, number[]][] = [];
      for (const [path] of table) {
        const statuses: number[] = [];
        for (const person of people) statuses.push((await t.http.get(path, person ? { token: person.token } : {})).status);
        seen.push([path, statuses]);
      }
      expect(seen).toEqual(table);
    });

    it('a period asked for two ways is a 400 naming the field', async () => {
      for (const [query, field] of [
        ['sessionId=s-1&year=2026', 'year'],
        ['sessionId=s-1&from=2026-01-01', 'from'],
        ['year=2026&to=2026-12-31', 'to'],
        ['year=1999', 'year'],
        ['from=2026-13-01', 'from'],
      ] as const) {
        for (const path of ['/api/stats/overview', '/api/stats/units', '/api/stats/units.xlsx']) {
          const response = await get(`${path}?${query}`);
          expect({ path, query, status: response.status }).toEqual({ path, query, status: 400 });
          expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        }
      }
    });

    it('a returned suggestion is not counted as assigned to the unit that returned it', async () => {
      const before = await units();
      const beforeOverview = await overview();
      const id = (await s.submit(org.deputy1, { title: '关于河道清淤的建议', content: '城东河道淤积严重，建议尽快清淤。' })).id;
      await s.run(org.staff, id, 'accept');
      await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
      expect(unitRow(await units(), 'traffic')?.assigned).toBe(unitRow(before, 'traffic')!.assigned! + 1);

      await s.run(org.traffic, id, 'request-return', { reason: '不属于本单位职责' });
      await s.run(org.staff, id, 'decide-return', { approve: true, reason: '同意退回' });
      // Returned and not yet assigned again: nobody's.
      const returned = await units();
      expect(unitRow(returned, 'traffic')?.assigned).toBe(unitRow(before, 'traffic')!.assigned);
      expect((await overview()).assignedSuggestions).toBe(beforeOverview.assignedSuggestions);

      await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['housing'] });
      const after = await units();
      expect(unitRow(after, 'traffic')?.assigned).toBe(unitRow(before, 'traffic')!.assigned);
      expect(unitRow(after, 'housing')?.assigned).toBe(unitRow(before, 'housing')!.assigned! + 1);
      const afterOverview = await overview();
      expect(afterOverview.suggestions).toBe(beforeOverview.suggestions + 1);
      expect(afterOverview.assignedSuggestions).toBe(beforeOverview.assignedSuggestions + 1);
      expect(afterOverview.totals.assigned).toBe(beforeOverview.totals.assigned + 1);
    });

    it('a session: its suggestions and their assignments only, in the overview, the unit and delegation tables, the ledger and the sheet', async () => {
      const opened = await t.http.post('/api/sessions', { name: '十六届人大三次会议', kind: 'congress', startsOn: '2026-09-14', endsOn: '2026-09-18' }, { token: org.staff.token });
      expect(opened.status).toBe(201);
      const session = opened.body.id as string;
      const submitted = await t.http.post('/api/suggestions', { title: '关于加快老旧管网改造的建议', content: '老旧管网漏损严重。', sessionId: session }, { token: org.deputy2.token });
      expect(submitted.status).toBe(201);
      const id = submitted.body.id as string;
      await s.run(org.staff, id, 'accept');
      await s.run(org.staff, id, 'assign', { mode: 'lead', unitIds: ['housing', 'health'], leadUnitId: 'housing' });
      await t.http.post('/api/suggestions', { title: '关于增设社区食堂的建议', content: '老年人就餐不便。', sessionId: session }, { token: org.deputy1.token });

      // A session that does not exist is not "all zeros": it is a 400 naming sessionId, on every figure.
      for (const path of ['/api/stats/overview', '/api/stats/units', '/api/stats/delegations', '/api/stats/units.xlsx', '/api/commitments', '/api/supervision/key']) {
        const unknown = await get(`${path}?sessionId=no-such-session`);
        expect({ path, status: unknown.status, fields: unknown.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ path, status: 400, fields: ['sessionId'] });
      }
      expect((await get('/api/stats/overview?sessionId=legacy')).status).toBe(200);

      const inSession = await overview(`&sessionId=${session}`);
      expect(inSession).toMatchObject({ sessionId: session, year: null, from: null, to: null });
      // Two suggestions (件), one of them assigned, to two units (单位次).
      expect(inSession).toMatchObject({ suggestions: 2, assignedSuggestions: 1 });
      expect(inSession.byStatus).toMatchObject({ submitted: 1, assigned: 1 });
      expect(inSession.totals).toMatchObject({ assigned: 2, answered: 0, overdueNow: 0 });
      const table = await units(`&sessionId=${session}`);
      expect(unitRow(table, 'housing')?.assigned).toBe(1);
      expect(unitRow(table, 'health')?.assigned).toBe(1);
      expect(unitRow(table, 'traffic')?.assigned).toBe(0);

      const delegations = await get(`/api/stats/delegations?after=${s.lastPosition}&sessionId=${session}`);
      expect(delegations.status).toBe(200);
      const rows = delegations.body.delegations as any[];
      expect(sum(rows, (d) => d.suggestions)).toBe(2);
      expect(sum(rows, (d) => d.assigned.numerator)).toBe(1);
      expect(rows.every((d) => d.assigned.denominator === d.suggestions)).toBe(true);
      const everything = await get(`/api/stats/delegations?after=${s.lastPosition}`);
      expect(sum(everything.body.delegations, (d) => d.suggestions)).toBe((await overview()).suggestions);
      expect((await get('/api/stats/delegations', org.traffic)).status).toBe(403);

      expect((await get(`/api/commitments?sessionId=${session}`)).body).toEqual({ items: [], total: 0 });
      expect((await get(`/api/supervision/key?sessionId=${session}`)).body).toMatchObject({ items: [], total: 0 });

      const response = await fetch(`${t.baseUrl}/api/stats/units.xlsx?sessionId=${session}`, { headers: { authorization: `Bearer ${org.supervisor.token}` } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('统计期间：十六届人大三次会议（该届次的建议及其交办）');
    });
  });
});
