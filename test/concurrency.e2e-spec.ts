import { ApiResponse } from './support/http-client';
import { createOrganisation, Organisation, Person } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';
import { describeOnEachEventStore } from '../libs/event-store/src/testing/event-store-switch';

const N = 50;

/**
 * 50 requests at once against one suggestion, over real HTTP on the real store. Where the rules
 * allow one, exactly one wins and the rest are refused (409, or 412 with a stale If-Match); where
 * they allow all, none is lost. In every case the stream holds exactly one event per success.
 */
describeOnEachEventStore(`concurrency: ${N} conflicting commands on one suggestion`, (storeEnv) => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let probe: StoreProbe;

  const all = (person: Person, id: string, command: string, body: unknown, headers: Record<string, string> = {}) =>
    Promise.all(Array.from({ length: N }, () => t.http.post(`/api/suggestions/${id}/${command}`, body, { token: person.token, headers })));
  const statuses = (responses: ApiResponse[]) =>
    responses.reduce<Record<number, number>>((counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }), {});

  async function suggestionIn(state: 'submitted' | 'accepted' | 'assigned' | 'answered'): Promise<string> {
    const { id } = await s.submit(org.deputy1, { title: '并发测试建议', content: '同时到达的命令。' });
    if (state === 'submitted') return id;
    await s.run(org.staff, id, 'accept');
    if (state === 'accepted') return id;
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    if (state === 'assigned') return id;
    await s.run(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
    return id;
  }

  /** The winners' answers name distinct revisions, and the stream grew by exactly that many events. */
  async function expectNoLostOrDuplicateEvent(id: string, before: number, responses: ApiResponse[], type: string) {
    const winners = responses.filter((r) => r.status === 200);
    const events = await probe.suggestion(id);
    expect(events).toHaveLength(before + winners.length);
    expect(events.slice(before).every((e) => e.type === type)).toBe(true);
    expect(new Set(winners.map((r) => r.body.revision)).size).toBe(winners.length);
    expect(winners.map((r) => r.body.revision).sort((a, b) => a - b)).toEqual(events.slice(before).map((e) => Number(e.revision)));
    expect(new Set(events.map((e) => e.metadata.eventId)).size).toBe(events.length);
  }

  function expectRefusalsExplained(responses: ApiResponse[]) {
    for (const r of responses.filter((x) => x.status !== 200)) {
      expect([409, 412]).toContain(r.status);
      expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  }

  beforeAll(async () => {
    t = await startTestApp(storeEnv());
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    probe = new StoreProbe(t);
  });
  afterAll(() => t?.dispose());

  it(`${N} answers by the same unit: one answer, ${N - 1} conflicts`, async () => {
    const id = await suggestionIn('assigned');
    const responses = await all(org.traffic, id, 'answer', { category: 'B', content: '正在解决。', signedBy: '局长', commitments: [{ description: '年内完成', dueAt: `${new Date().getUTCFullYear() + 1}-12-31` }] });
    expect(statuses(responses)).toEqual({ 200: 1, 409: N - 1 });
    expectRefusalsExplained(responses);
    await expectNoLostOrDuplicateEvent(id, 3, responses, 'SuggestionAnswered');
    expect((await probe.suggestion(id)).filter((e) => e.type === 'SuggestionAnswered')).toHaveLength(1);
  });

  it(`${N} registrations (accept) by staff: one, and ${N - 1} conflicts`, async () => {
    const id = await suggestionIn('submitted');
    const responses = await all(org.staff, id, 'accept', {});
    expect(statuses(responses)).toEqual({ 200: 1, 409: N - 1 });
    await expectNoLostOrDuplicateEvent(id, 1, responses, 'SuggestionAccepted');
  });

  it(`${N} ratings by the lead deputy: one rating, never two`, async () => {
    const id = await suggestionIn('answered');
    const responses = await all(org.deputy1, id, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    expect(statuses(responses)).toEqual({ 200: 1, 409: N - 1 });
    await expectNoLostOrDuplicateEvent(id, 4, responses, 'SuggestionRated');
  });

  it(`${N} urges all naming the same If-Match: one, and ${N - 1} × 412`, async () => {
    const id = await suggestionIn('accepted');
    const responses = await all(org.supervisor, id, 'urge', { note: '请抓紧办理' }, { 'if-match': '"1"' });
    expect(statuses(responses)).toEqual({ 200: 1, 412: N - 1 });
    expectRefusalsExplained(responses);
    for (const r of responses.filter((x) => x.status === 412)) expect(r.body).toMatchObject({ code: 'revision_mismatch', currentRevision: 2 });
    await expectNoLostOrDuplicateEvent(id, 2, responses, 'SuggestionUrged');
  });

  it(`${N} urges without If-Match (all allowed): every acknowledged urge is stored once, none lost`, async () => {
    const id = await suggestionIn('accepted');
    const responses = await all(org.supervisor, id, 'urge', { note: '再次催办' });
    const counts = statuses(responses);
    // Each request re-reads and re-decides after a lost race; one that keeps losing gives up with 409.
    expect((counts[200] ?? 0) + (counts[409] ?? 0)).toBe(N);
    expect(counts[200]).toBeGreaterThan(0);
    expectRefusalsExplained(responses);
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.code).toBe('concurrent_modification');
    await expectNoLostOrDuplicateEvent(id, 2, responses, 'SuggestionUrged');
  });
});
