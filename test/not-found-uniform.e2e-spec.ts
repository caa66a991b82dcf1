import { createOrganisation, Organisation, Person } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/** A body each command accepts, so a refusal can only be about who sends it. */
const COMMANDS: [command: string, body: unknown][] = [
  ['accept', {}],
  ['reject', { reason: '不属于代表建议范围' }],
  ['assign', { mode: 'sole', unitIds: ['education'] }],
  ['request-return', { reason: '不属于本单位职责' }],
  ['decide-return', { approve: false, reason: '属于本单位职责' }],
  ['contact', { method: '电话', summary: '已与代表沟通' }],
  ['co-opinion', { content: '协办意见' }],
  ['request-extension', { reason: '需协调', until: `${new Date().getUTCFullYear() + 1}-01-31` }],
  ['decide-extension', { approve: true }],
  ['supervise', { supervisorId: 'super1' }],
  ['urge', { note: '请抓紧办理' }],
  ['answer', { category: 'A', content: '已解决。', signedBy: '局长' }],
  ['rate', { attitude: 'satisfied', result: 'satisfied' }],
  ['fulfil-commitment', { commitmentId: 'C1', evidence: '已完成' }],
  ['withdraw', { reason: '情况已变化' }],
  ['close', {}],
  ['publish', {}],
  ['exempt', { reason: 'privacy' }],
];

const READS = ['', '/timeline', '/timeline?withDeadlines=1', '/audit'];

/**
 * Someone who may not read a suggestion (a deputy who neither leads nor signed it, a unit it is not
 * assigned to) cannot tell it from one that does not exist: every read and every command answers
 * the detail's own 404, body for body, and changes nothing; not 403 ("it exists, not for you"),
 * not 412 (its revision), not a rule's 409 or 400 (its state, its commitments).
 */
describe('one 404 for every suggestion route a caller may not read', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let probe: StoreProbe;
  let id: string;
  let notFound: unknown;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    probe = new StoreProbe(t);
    id = (await s.submit(org.deputy1, { title: '统一 404 用建议', content: '内容', coSignerIds: ['deputy2'] })).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    await s.run(org.traffic, id, 'answer', { category: 'B', content: '正在解决。', signedBy: '局长', commitments: [{ description: '年内完成', dueAt: `${new Date().getUTCFullYear() + 1}-06-30` }] });
    const missing = await t.http.get('/api/suggestions/no-such-suggestion', { token: org.staff.token });
    expect(missing.status).toBe(404);
    notFound = missing.body;
    expect(notFound).toEqual({ statusCode: 404, code: 'not_found', message: '建议不存在' });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const outsiders = (): [string, Person][] => [
    ['a deputy who did not sign it', org.deputy3],
    ['a unit it was never assigned to', org.education],
  ];

  it('reads: detail, timeline and audit answer exactly the 404 of an id that does not exist', async () => {
    for (const [who, person] of outsiders()) {
      for (const read of READS) {
        // ?after= so the read model has caught up: the 404 is the rule, not a lag.
        const after = `${read.includes('?') ? '&' : '?'}after=${s.lastPosition}`;
        const response = await t.http.get(`/api/suggestions/${id}${read}${after}`, { token: person.token });
        expect({ who, read, status: response.status, body: response.body }).toEqual({ who, read, status: 404, body: notFound });
      }
    }
  });

  it('commands: every one answers the same 404 and appends nothing, even with a stale If-Match', async () => {
    for (const [who, person] of outsiders()) {
      for (const [command, body] of COMMANDS) {
        for (const headers of [{}, { 'If-Match': '"0"' }] as Record<string, string>[]) {
          const head = await probe.head();
          const response = await t.http.post(`/api/suggestions/${id}/${command}`, body, { token: person.token, headers });
          expect({ who, command, headers, status: response.status, body: response.body }).toEqual({ who, command, headers, status: 404, body: notFound });
          expect(await probe.head()).toBe(head);
        }
      }
    }
  });

  it('the same commands on an id that does not exist give the very same body', async () => {
    for (const [command, body] of COMMANDS) {
      const response = await t.http.post(`/api/suggestions/no-such-suggestion/${command}`, body, { token: org.staff.token });
      expect({ command, status: response.status, body: response.body }).toEqual({ command, status: 404, body: notFound });
    }
  });

  it('those who may read it but not do the command still hear why (403/409)', async () => {
    const signer = await s.send(org.deputy2, id, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    expect(signer.status).toBe(403);
    expect(signer.body.code).toBe('rating.only_lead_deputy');
    const deputyAudit = await t.http.get(`/api/suggestions/${id}/audit`, { token: org.deputy1.token });
    expect(deputyAudit.status).toBe(403);
    expect(deputyAudit.body.message).toMatch(/[\u4e00-\u9fff]/);
    const unknownCommitment = await s.send(org.traffic, id, 'fulfil-commitment', { commitmentId: 'C9', evidence: '已完成' });
    expect(unknownCommitment.status).toBe(400);
    expect(unknownCommitment.body.code).toBe('commitment.not_found');
    const answeredAgain = await s.send(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
    expect(answeredAgain.status).toBe(409);
  });

  it('a unit just assigned may act at once: visibility comes from the stream, not a lagging read model', async () => {
    const fresh = (await s.submit(org.deputy1, { title: '刚交办的建议', content: '内容' })).id;
    await s.run(org.staff, fresh, 'accept');
    await s.run(org.staff, fresh, 'assign', { mode: 'sole', unitIds: ['health'] });
    // Straight after the assignment, without waiting for any read (no ?after=).
    const contact = await t.http.post(`/api/suggestions/${fresh}/contact`, { method: '电话', summary: '已联系代表' }, { token: org.health.token });
    expect(contact.status).toBe(200);
  });
});
