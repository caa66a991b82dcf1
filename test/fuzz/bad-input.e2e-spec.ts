import fc from 'fast-check';
import { ApiResponse } from '../support/http-client';
import { createOrganisation, Organisation, Person } from '../support/organisation';
import { StoreProbe } from '../support/store-probe';
import { Suggestions } from '../support/suggestions';
import { startTestApp, TestApp } from '../support/test-app';
import { badQueries } from './support/bad-queries';
import { BadRequest, badRequests } from './support/bad-requests';
import { ENDPOINTS, EndpointSpec, QUERY_ENDPOINTS, Sender } from './support/endpoint-schemas';

/** Cases per POST endpoint and per GET route; FUZZ_RUNS raises them for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const QUERY_RUNS = Math.max(10, Math.round(RUNS * 0.75));

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * Property-based: every endpoint gets malformed JSON, wrong types, missing and unknown fields,
 * oversized strings, control characters, prototype keys, deep nesting and huge arrays. Whatever
 * arrives, the answer is a 4xx whose message a person can read (Chinese, down to each field),
 * never a 5xx, and nothing is appended to the store. Afterwards Object.prototype must be untouched.
 */
describe('bad input: always a clear 4xx, never a 500, never an event', () => {
  let t: TestApp;
  let org: Organisation;
  let probe: StoreProbe;
  let suggestionId: string;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const tally = { cases: 0, serverErrors: 0, byStatus: new Map<number, number>() };

  function senderToken(sender: Sender): string | undefined {
    const people: Record<Exclude<Sender, 'anonymous'>, Person> = {
      deputy: org.deputy1,
      staff: org.staff,
      supervisor: org.supervisor,
      unit: org.traffic,
      admin: org.admin,
    };
    return sender === 'anonymous' ? undefined : people[sender].token;
  }

  /** What every refusal must look like; returns a description of what is wrong, or null. */
  function problemWith(response: ApiResponse): string | null {
    tally.cases += 1;
    tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
    if (response.status >= 500) tally.serverErrors += 1;
    if (response.status < 400 || response.status >= 500) return `status ${response.status}`;
    const body = response.body;
    if (typeof body !== 'object' || body === null) return `non-JSON body ${String(body).slice(0, 80)}`;
    if (typeof body.message !== 'string' || !HAS_CHINESE.test(body.message)) return `message not Chinese: ${body.message}`;
    for (const error of body.errors ?? []) {
      if (typeof error.message !== 'string' || !HAS_CHINESE.test(error.message)) return `field message not Chinese: ${JSON.stringify(error)}`;
    }
    return null;
  }

  async function sendBad(endpoint: EndpointSpec, bad: BadRequest): Promise<void> {
    const head = await probe.head();
    const token = senderToken(endpoint.sender);
    const response = await t.http.post(endpoint.path.replace(':id', suggestionId), undefined, {
      ...(token ? { token } : {}),
      headers: { 'content-type': 'application/json', ...(bad.headers ?? {}) },
      rawBody: bad.rawBody,
    });
    const problem = problemWith(response);
    const appended = (await probe.head()) !== head;
    if (problem || appended) {
      throw new Error(
        `${endpoint.name} / ${bad.kind}: ${problem ?? 'an event was appended'}\n` +
          `  sent: ${bad.rawBody.slice(0, 300)}${bad.rawBody.length > 300 ? '…' : ''}\n` +
          `  got:  ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
      );
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    probe = new StoreProbe(t);
    const s = new Suggestions(t.http);
    suggestionId = (await s.submit(org.deputy1, { title: '模糊测试用建议', content: '内容', coSignerIds: ['deputy2'] })).id;
    await s.run(org.staff, suggestionId, 'accept');
    await s.run(org.staff, suggestionId, 'assign', { mode: 'sole', unitIds: ['traffic'] });
  });

  afterAll(async () => {
    const statuses = [...tally.byStatus.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(', ');
    console.log(`bad input: ${tally.cases} cases tried, ${tally.serverErrors} server errors (5xx) seen; statuses: ${statuses}`);
    await t?.dispose();
  });

  describe.each(ENDPOINTS.map((endpoint) => ({ endpoint, name: `POST ${endpoint.path}` })))('$name', ({ endpoint }) => {
    it(`${RUNS} bad bodies and headers → 4xx in Chinese, nothing appended`, async () => {
      const ifMatch = endpoint.path.startsWith('/api/suggestions');
      await fc.assert(
        fc.asyncProperty(badRequests(endpoint, { ifMatch }), (bad) => sendBad(endpoint, bad)),
        { numRuns: RUNS },
      );
    });
  });

  describe.each(QUERY_ENDPOINTS.map((route) => ({ route, name: `GET ${route.path}` })))('$name', ({ route }) => {
    it(`${QUERY_RUNS} bad query strings → 4xx in Chinese`, async () => {
      await fc.assert(
        fc.asyncProperty(badQueries(route.params), async (bad) => {
          const response = await t.http.get(`${route.path.replace(':id', suggestionId)}?${bad.query}`, { token: org.staff.token });
          const problem = problemWith(response);
          if (problem) throw new Error(`GET ${route.path} / ${bad.kind} (?${bad.query.slice(0, 200)}): ${problem} ${JSON.stringify(response.body).slice(0, 200)}`);
        }),
        { numRuns: QUERY_RUNS },
      );
    });
  });

  it('ids that name no suggestion → 404 in Chinese on every suggestion route', async () => {
    const routes = ['', '/timeline', '/audit', '/accept', '/answer'];
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 100 }).filter((id) => id !== '.' && id !== '..' && id !== suggestionId),
        fc.constantFrom(...routes),
        async (id, route) => {
          const path = `/api/suggestions/${encodeURIComponent(id)}${route}`;
          const head = await probe.head();
          const response = route === '' || route === '/timeline' || route === '/audit'
            ? await t.http.get(path, { token: org.staff.token })
            : await t.http.post(path, {}, { token: org.staff.token });
          const problem = problemWith(response);
          if (problem || (await probe.head()) !== head) throw new Error(`${path}: ${problem ?? 'appended'} ${JSON.stringify(response.body)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('no request could pollute Object.prototype', async () => {
    // One more, plainly: the classic payload, at the top and nested.
    const response = await t.http.post('/api/suggestions', undefined, {
      token: org.deputy1.token,
      rawBody: '{"title":"t","content":"c","__proto__":{"isAdmin":true,"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
    });
    expect(response.status).toBe(400);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(tally.cases).toBeGreaterThan(ENDPOINTS.length * RUNS);
    expect(tally.serverErrors).toBe(0);
  });
});
