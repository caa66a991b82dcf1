import { openSupervisionFixture, type SupervisionFixture } from '../../testing/supervision-fixture';

const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const OCT_15 = '2026-10-15T00:00:00.000Z';

/** Over the supervision scenario (testing/supervision-scenario.ts). */
describe('supervision queries', () => {
  let fx: SupervisionFixture;

  beforeAll(async () => {
    fx = await openSupervisionFixture();
  });

  afterAll(async () => {
    await fx.close();
  });

  describe('key supervision (重点督办)', () => {
    it('lists each key suggestion with progress, people and urges, soonest due first, and the coverage of both roles', () => {
      expect(fx.queries.keySupervision(OCT_15)).toEqual({
        items: [
          {
            id: 'sv-7',
            title: '关于建设口袋公园的建议',
            status: 'accepted',
            supervisorId: 'sup-liu',
            supervisorName: '刘督办',
            leaderName: null,
            unitIds: [],
            // The staff's assign target: 10 working days from the submission on 06-01.
            dueAt: '2026-06-15T16:00:00.000Z',
            overdue: true,
            urgeCount: 0,
            escalated: false,
            startedAt: '2026-06-03T02:00:00.000Z',
          },
          {
            id: 'sv-6',
            title: '关于老旧小区加装电梯的建议',
            status: 'assigned',
            supervisorId: 'sup-liu',
            supervisorName: '刘督办',
            leaderName: '张副市长',
            unitIds: ['unit-health'],
            dueAt: '2026-09-01T16:00:00.000Z',
            overdue: true,
            urgeCount: 2,
            escalated: false,
            startedAt: '2026-05-12T02:00:00.000Z',
          },
        ],
        total: 2,
        coverage: { both: r(1, 2), supervisor: r(2, 2), leader: r(1, 2) },
      });
    });

    it('pages when asked, the coverage still counting every key suggestion', () => {
      expect(fx.queries.keySupervision(OCT_15, { page: 2, pageSize: 1 })).toMatchObject({
        items: [{ id: 'sv-6' }],
        total: 2,
        coverage: { both: r(1, 2), supervisor: r(2, 2), leader: r(1, 2) },
      });
      expect(fx.queries.keySupervision(OCT_15, { page: 3, pageSize: 1 }).items).toEqual([]);
    });

    it('judges overdue at the given now', () => {
      const items = fx.queries.keySupervision('2026-06-10T00:00:00.000Z').items;
      expect(items.map((i) => [i.id, i.overdue])).toEqual([
        ['sv-7', false],
        ['sv-6', false],
      ]);
    });
  });

  describe('commitments ledger (承诺事项台账)', () => {
    const ids = (items: { suggestionId: string; commitmentId: string }[]) => items.map((i) => `${i.suggestionId}/${i.commitmentId}`);

    it('lists every commitment, soonest due first, with its state at now', () => {
      expect(fx.queries.commitments({ now: OCT_15 })).toEqual({
        items: [
          {
            suggestionId: 'sv-3',
            title: '关于优化公交线路的建议',
            commitmentId: 'C1',
            unitId: 'unit-traffic',
            unitName: '市交通运输局',
            description: '新增公交线路',
            dueAt: '2026-08-31T16:00:00.000Z',
            madeAt: '2026-05-20T02:00:00.000Z',
            fulfilledAt: null,
            evidence: null,
            status: 'overdue',
          },
          {
            suggestionId: 'sv-2',
            title: '关于规范校外培训收费的建议',
            commitmentId: 'C1',
            unitId: 'unit-edu',
            unitName: '市教育局',
            description: '出台收费指导意见',
            dueAt: '2026-09-30T16:00:00.000Z',
            madeAt: '2026-06-10T02:00:00.000Z',
            fulfilledAt: '2026-09-01T02:00:00.000Z',
            evidence: '指导意见已印发',
            status: 'fulfilled',
          },
          {
            suggestionId: 'sv-2',
            title: '关于规范校外培训收费的建议',
            commitmentId: 'C2',
            unitId: 'unit-edu',
            unitName: '市教育局',
            description: '开展专项检查',
            dueAt: '2026-12-31T16:00:00.000Z',
            madeAt: '2026-06-10T02:00:00.000Z',
            fulfilledAt: null,
            evidence: null,
            status: 'open',
          },
        ],
        total: 3,
      });
    });

    it('filters by state (open includes overdue) and by unit', () => {
      expect(ids(fx.queries.commitments({ now: OCT_15, status: 'open' }).items)).toEqual(['sv-3/C1', 'sv-2/C2']);
      expect(ids(fx.queries.commitments({ now: OCT_15, status: 'overdue' }).items)).toEqual(['sv-3/C1']);
      expect(ids(fx.queries.commitments({ now: OCT_15, status: 'fulfilled' }).items)).toEqual(['sv-2/C1']);
      expect(ids(fx.queries.commitments({ now: OCT_15, unitId: 'unit-edu' }).items)).toEqual(['sv-2/C1', 'sv-2/C2']);
      expect(ids(fx.queries.commitments({ now: OCT_15, unitId: 'unit-edu', status: 'overdue' }).items)).toEqual([]);
      expect(ids(fx.queries.commitments({ now: '2027-01-10T00:00:00.000Z', unitId: 'unit-edu', status: 'overdue' }).items)).toEqual(['sv-2/C2']);
      expect(fx.queries.commitments({ now: OCT_15, unitId: 'unit-none' })).toEqual({ items: [], total: 0 });
    });

    it('pages when asked, with the total of all matches', () => {
      const page2 = fx.queries.commitments({ now: OCT_15, page: 2, pageSize: 2 });
      expect(ids(page2.items)).toEqual(['sv-2/C2']);
      expect(page2.total).toBe(3);
      expect(fx.queries.commitments({ now: OCT_15, status: 'open', page: 1, pageSize: 1 })).toMatchObject({ total: 2, items: [{ commitmentId: 'C1', suggestionId: 'sv-3' }] });
    });

    it('follows each deputy’s commitments for the year their suggestions were submitted', () => {
      expect(fx.queries.deputyCommitmentReport('dep-wang', 2026, OCT_15)).toMatchObject({
        deputyId: 'dep-wang',
        year: 2026,
        counts: { made: 2, fulfilled: 1, open: 1, overdue: 0 },
        fulfilmentRate: r(1, 2),
        items: [
          { suggestionId: 'sv-2', commitmentId: 'C1', status: 'fulfilled' },
          { suggestionId: 'sv-2', commitmentId: 'C2', status: 'open' },
        ],
      });
      expect(fx.queries.deputyCommitmentReport('dep-wang', 2026, '2027-01-10T00:00:00.000Z').counts).toEqual({ made: 2, fulfilled: 1, open: 1, overdue: 1 });
      expect(fx.queries.deputyCommitmentReport('dep-zhao', 2026, OCT_15)).toMatchObject({
        counts: { made: 1, fulfilled: 0, open: 1, overdue: 1 },
        fulfilmentRate: r(0, 1),
        items: [{ suggestionId: 'sv-3', unitName: '市交通运输局', status: 'overdue' }],
      });
      // sv-5 (2025) made no commitment; LI's suggestions none either.
      expect(fx.queries.deputyCommitmentReport('dep-wang', 2025, OCT_15)).toEqual({
        deputyId: 'dep-wang',
        year: 2025,
        counts: { made: 0, fulfilled: 0, open: 0, overdue: 0 },
        fulfilmentRate: r(0, 0),
        items: [],
      });
      expect(fx.queries.deputyCommitmentReport('dep-li', 2026, OCT_15).counts.made).toBe(0);
    });
  });

  describe('deputy archive (履职档案)', () => {
    it('lists the suggestions a deputy led or co-signed, with what came of them', () => {
      const archive = fx.queries.deputyArchive('dep-wang', OCT_15);
      expect(archive.deputy).toEqual({ id: 'dep-wang', displayName: '王代表', role: 'deputy' });
      // Soonest due first (sv-4 08-06, sv-10's re-handling 08-25), then the rest newest first.
      expect(archive.suggestions.map((s) => s.id)).toEqual(['sv-4', 'sv-10', 'sv-8', 'sv-2', 'sv-5']);
      expect(archive.suggestions[0]).toMatchObject({ id: 'sv-4', deputyId: 'dep-li', overdue: true, unitIds: ['unit-traffic', 'unit-health'] });
      expect(archive.outcomes).toEqual({
        submitted: 5,
        led: 4,
        coSigned: 1,
        // sv-2, sv-4 (traffic's part), sv-5, sv-10.
        answered: 4,
        // sv-2 twice, sv-5, sv-10; results: basically satisfied, satisfied / dissatisfied twice.
        rated: 4,
        satisfied: 2,
        dissatisfied: 2,
        byCategory: { A: 3, B: 0, C: 0, D: 1 },
      });
    });

    it('is empty for a deputy without suggestions, and has no deputy for an unknown id', () => {
      expect(fx.queries.deputyArchive('dep-nobody', OCT_15)).toEqual({
        deputy: null,
        suggestions: [],
        outcomes: { submitted: 0, led: 0, coSigned: 0, answered: 0, rated: 0, satisfied: 0, dissatisfied: 0, byCategory: { A: 0, B: 0, C: 0, D: 0 } },
      });
      expect(fx.queries.deputyArchive('dep-zhao', OCT_15).outcomes).toMatchObject({ submitted: 3, led: 3, answered: 1, rated: 0, byCategory: { C: 1 } });
    });
  });
});
