import { createOrganisation, Organisation, Person } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/** Every storage encoding the detail must not carry: epoch numbers, packed tuples, times without an offset. */
function storageEncodings(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return value > 1e9 ? [`${path}: epoch-like number ${value}`] : [];
  if (typeof value === 'string') {
    const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
    return /^\d{4}-\d{2}-\d{2}/.test(value) && !isoWithOffset.test(value) ? [`${path}: not ISO with offset: ${value}`] : [];
  }
  if (Array.isArray(value)) {
    const kinds = new Set(value.map((v) => (v === null ? 'null' : typeof v)));
    const tuple = kinds.size > 1 && [...kinds].some((k) => k !== 'object') ? [`${path}: mixed-type array`] : [];
    return [...tuple, ...value.flatMap((v, i) => storageEncodings(v, `${path}[${i}]`))];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => storageEncodings(v, `${path}.${k}`));
  return [];
}

/**
 * GET /api/suggestions/:id is a view of its own: what each caller may do now (allowedActions, from
 * the decider), what is due for them (due), the deadlines as a list, and no storage encoding.
 */
describe('the suggestion detail view over HTTP', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    // Mon 2026-03-02 10:00 Beijing.
    expect((await t.http.post('/api/test-clock', { now: '2026-03-02T02:00:00Z' }, { token: org.admin.token })).status).toBe(200);
  });
  afterAll(() => t.dispose());

  async function actions(person: Person): Promise<string[]> {
    const detail = await s.state(person, id);
    expect(storageEncodings(detail)).toEqual([]);
    return detail.allowedActions;
  }

  it('submitted: staff may register or refuse it, the lead deputy withdraw it, the co-signer only add materials (附件)', async () => {
    id = (await s.submit(org.deputy1, { title: '关于增设社区养老服务点的建议', content: '建议在老旧小区增设养老服务点。', coSignerIds: ['deputy2'] })).id;
    expect(await actions(org.staff)).toEqual(['accept', 'reject', 'supervise', 'exempt', 'attachments']);
    expect(await actions(org.deputy1)).toEqual(['withdraw', 'attachments']);
    expect(await actions(org.deputy2)).toEqual(['attachments']);
    expect(await actions(org.supervisor)).toEqual(['supervise']);
    const detail = await s.state(org.staff, id);
    expect(detail).not.toHaveProperty('deadlineLog');
    expect(detail.due).toBeNull();
  });

  it('accepted: staff assign it, and the assignment target is due for them', async () => {
    await s.run(org.staff, id, 'accept');
    expect(await actions(org.staff)).toEqual(['assign', 'supervise', 'urge', 'exempt', 'attachments']);
    const detail = await s.state(org.staff, id);
    expect(detail.due).toEqual({ at: detail.assignDueAt, kind: 'assign', level: 'fine' });
    expect(detail.deadlines).toEqual([expect.objectContaining({ kind: 'assign', dueAt: detail.assignDueAt, status: 'open' })]);
  });

  it('assigned: only the assigned unit may answer; the list item carries its due level', async () => {
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    expect(await actions(org.traffic)).toEqual(['requestReturn', 'contact', 'requestExtension', 'answer', 'attachments']);
    // Another unit does not even see it.
    expect((await s.detail(org.education, id)).status).toBe(404);
    expect(await actions(org.deputy1)).toEqual(['withdraw', 'attachments']);
    const detail = await s.state(org.traffic, id);
    // The unit's nearest own obligation: the answer (the return window is its option, not a duty; the
    // national preset sets no contact deadline, only 重庆 第十八条 does).
    expect(detail.due).toMatchObject({ kind: 'answer', level: 'fine' });
    expect(detail.assignment.units[0]).toMatchObject({ unitId: 'traffic', dueAt: expect.stringMatching(/Z$/) });
    const item = (await s.list(org.staff)).body.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ dueAt: detail.assignment.units[0].dueAt, dueLevel: 'fine' });
  });

  it('answered: only the lead deputy sees rate; staff may publish; the answer deadline reads as met', async () => {
    await s.run(org.traffic, id, 'answer', { category: 'A', content: '已在三个小区设点。', signedBy: '王局长' });
    // The lead deputy's page acknowledges the answer on viewing (送达); no button shows for it.
    expect(await actions(org.deputy1)).toEqual(['rate', 'attachments', 'acknowledgeAnswer']);
    expect(await actions(org.deputy2)).toEqual(['attachments']);
    expect(await actions(org.traffic)).toEqual(['attachments']);
    expect(await actions(org.staff)).toEqual(['supervise', 'urge', 'publish', 'exempt', 'attachments']);
    const detail = await s.state(org.deputy1, id);
    expect(detail.due).toMatchObject({ kind: 'feedback', level: 'fine' });
    expect(detail.deadlines.find((d: { kind: string }) => d.kind === 'answer')).toMatchObject({ status: 'met', metAt: expect.any(String) });
  });

  it('near and past the feedback due time the level turns due_soon, then overdue (server calendar)', async () => {
    const { due } = await s.state(org.deputy1, id);
    // One hour before the due time: inside the reminder period.
    const soon = new Date(Date.parse(due.at) - 3_600_000).toISOString();
    expect((await t.http.post('/api/test-clock', { now: soon }, { token: org.admin.token })).status).toBe(200);
    expect((await s.state(org.deputy1, id)).due).toMatchObject({ level: 'due_soon' });
    const past = new Date(Date.parse(due.at) + 3_600_000).toISOString();
    expect((await t.http.post('/api/test-clock', { now: past }, { token: org.admin.token })).status).toBe(200);
    const after = await s.state(org.staff, id);
    // The window passed: no more rating, and staff may close.
    expect(await actions(org.deputy1)).toEqual(['attachments']);
    expect(after.allowedActions).toContain('close');
  });

  it('?asOf answers the same view shape, as it stood then, with nothing to do in the past', async () => {
    // Every step above ran at 10:00 Beijing; at 11:00 it was answered and the feedback window open.
    const response = await t.http.get(`/api/suggestions/${id}?asOf=2026-03-02T11:00:00%2B08:00`, { token: org.deputy1.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'answered', revision: 3, allowedActions: [], due: { kind: 'feedback', level: 'fine' } });
    expect(response.body.deadlines.find((d: { kind: string }) => d.kind === 'feedback')).toMatchObject({ status: 'open' });
    expect(storageEncodings(response.body)).toEqual([]);
  });

  it('the OpenAPI document describes the detail view and the list items', async () => {
    const docs = (await t.http.get('/api/docs-json')).body;
    const schemas = docs.components.schemas;
    expect(Object.keys(schemas.SuggestionDetailDoc.properties)).toEqual(expect.arrayContaining(['allowedActions', 'due', 'deadlines', 'revision']));
    expect(schemas.SuggestionDetailDoc.properties.allowedActions.items.enum).toContain('requestReturn');
    expect(schemas.SuggestionListItemDoc.properties.dueLevel.enum).toEqual(['overdue', 'due_soon', 'fine']);
    expect(docs.paths['/api/suggestions/{id}'].get.responses['200'].content['application/json'].schema.$ref).toMatch(/SuggestionDetailDoc$/);
  });
});
