import { openSupervisionFixture, type SupervisionFixture } from '../testing/supervision-fixture';
import { STAFF } from '../testing/supervision-scenario';

/** Over the supervision scenario: sv-1 published, sv-2 published with hidden names, sv-5 published then exempt. */
describe('published suggestions (公开)', () => {
  let fx: SupervisionFixture;

  beforeAll(async () => {
    fx = await openSupervisionFixture();
  });

  afterAll(async () => {
    await fx.close();
  });

  it('shows a published suggestion with its answers and the names a reader needs', () => {
    expect(fx.queries.publishedSuggestion('sv-1')).toEqual({
      id: 'sv-1',
      title: '关于增加中小学课后服务的建议',
      content: '关于增加中小学课后服务的建议：具体内容。',
      status: 'rated',
      deputyIds: ['dep-li'],
      deputyNames: ['李代表'],
      unitIds: ['unit-edu'],
      unitNames: ['市教育局'],
      answers: [
        { unitId: 'unit-edu', unitName: '市教育局', round: 1, category: 'A', content: 'A类答复', signedBy: '局长', answeredAt: '2026-03-20T02:00:00.000Z' },
      ],
      publishedAt: '2026-03-26T02:00:00.000Z',
    });
  });

  it('hides the deputies who asked for it, names and ids alike', () => {
    const hidden = fx.queries.publishedSuggestion('sv-2')!;
    expect(hidden).toMatchObject({ deputyIds: null, deputyNames: null });
    expect(hidden.answers.map((a) => [a.round, a.category])).toEqual([
      [1, 'B'],
      [2, 'A'],
    ]);
    const text = JSON.stringify(fx.queries.publishedSuggestions({ page: 1, pageSize: 10 }));
    expect(text).not.toContain('dep-wang');
    expect(text).not.toContain('王代表');
  });

  it('has nothing of what is exempt, unpublished or unknown, and no ratings, commitments or contacts ever', () => {
    expect(fx.queries.publishedSuggestion('sv-5')).toBeNull();
    expect(fx.queries.publishedSuggestion('sv-3')).toBeNull();
    expect(fx.queries.publishedSuggestion('sv-missing')).toBeNull();
    const list = fx.queries.publishedSuggestions({ page: 1, pageSize: 10 });
    expect(list.items.map((i) => i.id)).toEqual(['sv-2', 'sv-1']);
    expect(list.total).toBe(2);
    const text = JSON.stringify(list);
    for (const secret of ['校园周边交通安全', '出台收费指导意见', '问题没有解决', '沟通办理思路', 'satisfied', 'ratings', 'commitments']) {
      expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
    }
  });

  it('searches title and content, and pages newest publication first', () => {
    expect(fx.queries.publishedSuggestions({ page: 1, pageSize: 10, q: '课后' }).items.map((i) => i.id)).toEqual(['sv-1']);
    expect(fx.queries.publishedSuggestions({ page: 1, pageSize: 10, q: '培训收费' }).items.map((i) => i.id)).toEqual(['sv-2']);
    // Only the contents say this.
    expect(fx.queries.publishedSuggestions({ page: 1, pageSize: 10, q: '：具体内容' }).items.map((i) => i.id)).toEqual(['sv-2', 'sv-1']);
    expect(fx.queries.publishedSuggestions({ page: 1, pageSize: 10, q: '交通安全' })).toEqual({ items: [], total: 0 });
    expect(fx.queries.publishedSuggestions({ page: 2, pageSize: 1 })).toMatchObject({ items: [{ id: 'sv-1' }], total: 2 });
  });

  it('withdraws a publication when the suggestion is made exempt later', async () => {
    await fx.writer.command('sv-1', STAFF, '2026-10-20T02:00:00.000Z', { type: 'ExemptFromDisclosure', data: { reason: 'deputy_request' } });
    await fx.catchUp();
    expect(fx.queries.publishedSuggestion('sv-1')).toBeNull();
    expect(fx.queries.publishedSuggestions({ page: 1, pageSize: 10 })).toMatchObject({ items: [{ id: 'sv-2' }], total: 1 });
  });
});
