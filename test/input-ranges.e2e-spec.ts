import { createOrganisation, Organisation } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

const CHINESE = /[\u4e00-\u9fff]/;
const YEAR = new Date().getUTCFullYear();

/** Text that renders as nothing: zero-width, direction controls, word joiner, BOM, ideographic space. */
const INVISIBLE = '\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\u2064\u2066\u2069\ufeff\u3000';

/**
 * Every date a request carries has a range and every required text needs a visible character;
 * outside, the answer is a 400 naming the field in Chinese, and nothing is stored. Before, year
 * 9999 was accepted (then broke the reads) or answered 500, and Feb 30 silently became March.
 */
describe('dates in range, text not blank, read marks only for real notifications', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let probe: StoreProbe;
  let assigned: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    probe = new StoreProbe(t);
    assigned = (await s.submit(org.deputy1, { title: '期限范围用建议', content: '内容' })).id;
    await s.run(org.staff, assigned, 'accept');
    await s.run(org.staff, assigned, 'assign', { mode: 'sole', unitIds: ['traffic'] });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** Sends, expects a 400 naming exactly `field` in Chinese, and that the store did not move. */
  async function refused(send: () => Promise<{ status: number; body: any }>, field: string): Promise<any> {
    const head = await probe.head();
    const response = await send();
    expect({ status: response.status, fields: (response.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: [field] });
    expect(response.body.errors[0].message).toMatch(CHINESE);
    expect(await probe.head()).toBe(head);
    return response.body;
  }

  const answerWith = (dueAt: string) => () =>
    s.send(org.traffic, assigned, 'answer', { category: 'B', content: '正在解决。', signedBy: '局长', commitments: [{ description: '完成改造', dueAt }] });

  it('a commitment falls due after the answer and within 10 years of it', async () => {
    for (const dueAt of ['9999-12-31T23:59:59Z', '2026-02-30', '2026-02-28T24:00:00Z', '1999-12-31', '2101-01-01', '2026-10-15T08:00:00']) {
      await refused(answerWith(dueAt), 'commitments.0.dueAt');
    }
    const tooFar = await refused(answerWith(`${YEAR + 11}-01-01`), 'commitments.0.dueAt');
    expect(tooFar.code).toBe('answer.commitment_due_too_far');
    const past = await refused(answerWith(`${YEAR - 1}-12-31`), 'commitments.0.dueAt');
    expect(past.code).toBe('answer.commitment_due_in_past');
  });

  it('an extension ends at a real time, within the rulebook maximum', async () => {
    const extend = (until: string) => () => s.send(org.traffic, assigned, 'request-extension', { reason: '需协调多个部门', until });
    for (const until of ['9999-12-31T23:59:59Z', '2026-02-30', '2026-13-01', '2101-01-01', '2026-10-15T08:00:00']) {
      await refused(extend(until), 'until');
    }
    // Well-formed and in the documented years, but past the 6-month maximum: the rulebook's refusal.
    expect((await refused(extend(`${YEAR + 5}-01-01`), 'until')).code).toBe('extension.beyond_maximum');
  });

  it('query dates: impossible or out of range is a 400 naming the parameter, never a 500 or a shift', async () => {
    const get = (path: string) => () => t.http.get(path, { token: org.supervisor.token });
    await refused(get('/api/stats/units?to=9999-12-31'), 'to');
    await refused(get('/api/stats/units?from=2026-02-30'), 'from');
    await refused(get('/api/stats/units?from=1999-12-31'), 'from');
    await refused(get('/api/stats/units.xlsx?to=9999-12-31'), 'to');
    await refused(get(`/api/suggestions/${assigned}?asOf=2026-02-30T00:00:00Z`), 'asOf');
    await refused(get(`/api/suggestions/${assigned}?asOf=9999-12-31T23:59:59Z`), 'asOf');
    await refused(get(`/api/suggestions/${assigned}?asOf=2026-03-01`), 'asOf');
    // The documented range itself is served.
    expect((await t.http.get('/api/stats/units?from=2000-01-01&to=2100-12-31', { token: org.supervisor.token })).status).toBe(200);
  });

  it('a title, content, reason or answer made only of invisible characters is empty', async () => {
    const submit = (body: object) => () => t.http.post('/api/suggestions', body, { token: org.deputy1.token });
    await refused(submit({ title: INVISIBLE, content: '正文' }), 'title');
    await refused(submit({ title: '标题', content: `\u2066\u2069${INVISIBLE}` }), 'content');
    await refused(() => s.send(org.traffic, assigned, 'request-return', { reason: '\u200b' }), 'reason');
    await refused(() => s.send(org.traffic, assigned, 'answer', { category: 'A', content: INVISIBLE, signedBy: '局长' }), 'content');
    await refused(() => s.send(org.traffic, assigned, 'contact', { method: '电话', summary: '\ufeff\u00ad' }), 'summary');
    // A visible character among them is text.
    expect((await t.http.post('/api/suggestions', { title: `\u200b标题\u200b`, content: '正文' }, { token: org.deputy1.token })).status).toBe(201);
  });

  it('a read mark for a notification that was never sent is refused and stored nowhere', async () => {
    const inbox = await t.http.get(`/api/inbox?after=${s.lastPosition}`, { token: org.traffic.token });
    const assignedNote = inbox.body.items.find((item: { suggestionId: string; kind: string }) => item.suggestionId === assigned && item.kind === 'assigned');
    expect(assignedNote).toBeDefined();
    // Same suggestion, same audience, a revision (the acceptance) that told the unit nothing.
    const neverSent = `${assigned}@1@unit:traffic`;
    await refused(() => t.http.post('/api/inbox/read', { ids: [assignedNote.id, neverSent] }, { token: org.traffic.token }), 'ids');
    const one = await t.http.post(`/api/inbox/${encodeURIComponent(neverSent)}/read`, {}, { token: org.traffic.token });
    expect(one.status).toBe(404);
    expect(one.body.message).toMatch(CHINESE);
    const after = await t.http.get('/api/inbox', { token: org.traffic.token });
    expect(after.body.unread).toBe(inbox.body.unread);
    // The real one alone is marked.
    const marked = await t.http.post('/api/inbox/read', { ids: [assignedNote.id] }, { token: org.traffic.token });
    expect(marked.status).toBe(200);
    expect(marked.body.ids).toEqual([assignedNote.id]);
  });
});
