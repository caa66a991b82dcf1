import { JwtService } from '@nestjs/jwt';
import { assertNever } from '@duban/domain';
import { DEV_JWT_SECRET } from '../apps/api/src/config/load-config';
import { MATRIX, NOT_IN_MATRIX, ROLES, type Needs, type Role } from './support/authorization-matrix-table';
import { createOrganisation, Organisation, Person } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';
import { SAMPLE_FILES, upload } from './support/upload';

/** A date four months on: past the 3-month answer deadline, within the 6-month maximum. */
function extensionUntil(): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + 4);
  return date.toISOString().slice(0, 10);
}

/** The last day of next year: a commitment's due date after now and within its 10-year horizon. */
function nextYearEnd(): string {
  return `${new Date().getUTCFullYear() + 1}-12-31`;
}

let serial = 0;
/** The delegation the delegation cells move a fresh deputy into (made once, by staff). */
let matrixDelegationId = '';
function bodyFor(endpoint: string, suggestionId?: string): unknown {
  serial += 1;
  switch (endpoint) {
    case 'POST /api/suggestions/batch/accept':
      return { ids: [suggestionId] };
    case 'POST /api/suggestions/batch/assign':
      return { items: [{ id: suggestionId, mode: 'lead', unitIds: ['traffic', 'housing'], leadUnitId: 'traffic' }] };
    case 'POST /api/suggestions':
      return { title: `矩阵测试建议 ${serial}`, content: '内容' };
    case ':id/accept':
    case ':id/close':
      return {};
    case ':id/reject':
      return { reason: '不属于代表建议范围' };
    case ':id/assign':
      return { mode: 'lead', unitIds: ['traffic', 'housing'], leadUnitId: 'traffic' };
    case ':id/request-return':
      return { reason: '不属于本单位职责' };
    case ':id/decide-return':
      return { approve: false, reason: '属于本单位职责' };
    case ':id/transfer':
      return { fromUnitId: 'housing', toUnitId: 'health', reason: '属于卫生健康部门职责' };
    case ':id/contact':
      return { method: '电话', summary: '已与代表沟通办理思路' };
    case ':id/co-opinion':
      return { content: '协办意见' };
    case ':id/request-extension':
      return { reason: '需协调多个部门', until: extensionUntil() };
    case ':id/decide-extension':
      return { approve: true };
    case ':id/supervise':
      return { supervisorId: 'super1', leaderName: '王副市长' };
    case ':id/urge':
      return { note: '请抓紧办理' };
    case ':id/answer':
      return { category: 'A', content: '已解决。', signedBy: '局长' };
    case ':id/rate':
      return { attitude: 'satisfied', result: 'satisfied' };
    case ':id/fulfil-commitment':
      return { commitmentId: 'C1', evidence: '已完成并验收' };
    case ':id/withdraw':
      return { reason: '情况已变化' };
    case ':id/rate-commitments':
      return { rating: 'satisfied' };
    case ':id/rehandle':
      return { reason: '研究代表意见后需再次办理' };
    case ':id/publish':
    case ':id/acknowledge-answer':
      return {};
    case ':id/exempt':
      return { reason: 'privacy', note: '涉及个人隐私' };
    case 'POST /api/delegations':
      return { name: `矩阵测试代表团 ${serial}`, headDeputyId: 'deputy1' };
    case 'POST /api/sessions':
      return { name: `矩阵测试会次 ${serial}`, kind: 'congress', startsOn: '2026-01-10', endsOn: '2026-01-14' };
    case 'POST /api/sessions/{id}/close':
      return {};
    case 'POST /api/sessions/{id}/assignment-date':
      // Another date each time: setting the date a session already has records nothing.
      return { assignOn: `2026-02-${String(1 + (serial % 28)).padStart(2, '0')}` };
    case 'POST /api/units':
      return { id: `matrix-unit-${serial}`, name: `矩阵测试单位 ${serial}` };
    case 'POST /api/users':
      return { username: `matrix-user-${serial}`, password: 'matrix-password', displayName: '矩阵测试用户', role: 'deputy' };
    case 'POST /api/units/{id}/name':
      return { name: `矩阵测试单位新名 ${serial}` };
    case 'POST /api/users/{id}/delegation':
      return { delegationId: matrixDelegationId };
    case 'POST /api/users/{id}/unit':
      return { unitId: 'health' };
    case 'POST /api/users/{id}/phone':
      return { phone: '13800138000' };
    default:
      throw new Error(`no body for ${endpoint}`);
  }
}

/**
 * Every command endpoint × every role, each cell's status written in the table above, each cell
 * exercised on a suggestion in the state its command needs (so 403 means "not this person", never
 * "wrong moment"), and every refused cell checked to have appended nothing to any stream.
 */
describe('the authorization matrix', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let probe: StoreProbe;
  let cells = 0;
  const fixtures = new Map<Needs, string>();

  const person = (role: Role): Person | null => {
    switch (role) {
      case 'deputy-lead':
        return org.deputy1;
      case 'deputy-signer':
        return org.deputy2;
      case 'deputy-other':
        return org.deputy3;
      case 'staff':
        return org.staff;
      case 'supervisor':
        return org.supervisor;
      case 'unit-assigned-lead':
        return org.traffic;
      case 'unit-co-handler':
        return org.housing;
      case 'unit-not-assigned':
        return org.education;
      case 'admin':
        return org.admin;
      case 'anonymous':
        return null;
      default:
        return assertNever(role, 'role');
    }
  };

  /** A fresh suggestion in the state a row needs, made by the people allowed to make it. */
  async function prepare(needs: Needs): Promise<string> {
    if (needs === 'open-session') {
      const opened = await t.http.post('/api/sessions', { name: '授权矩阵用会次', kind: 'congress', startsOn: '2026-01-10' }, { token: org.staff.token });
      if (opened.status !== 201) throw new Error(`open session: ${opened.status} ${JSON.stringify(opened.body)}`);
      return opened.body.id as string;
    }
    if (needs === 'unit-account' || needs === 'deputy-account' || needs === 'unit-user-account') return account(needs);
    const { id } = await s.submit(org.deputy1, { title: '授权矩阵用建议', content: '内容', coSignerIds: ['deputy2'] });
    if (needs === 'submitted') return id;
    await s.run(org.staff, id, 'accept');
    if (needs === 'accepted') return id;
    await s.run(org.staff, id, 'assign', { mode: 'lead', unitIds: ['traffic', 'housing'], leadUnitId: 'traffic' });
    if (needs === 'assigned') return id;
    if (needs === 'return-pending') {
      await s.run(org.traffic, id, 'request-return', { reason: '不属于本单位职责' });
      return id;
    }
    if (needs === 'extension-pending') {
      await s.run(org.traffic, id, 'request-extension', { reason: '需协调', until: extensionUntil() });
      return id;
    }
    if (needs === 'answered-with-commitment') {
      await s.run(org.traffic, id, 'answer', { category: 'B', content: '正在解决。', signedBy: '局长', commitments: [{ description: '年内完成改造', dueAt: nextYearEnd() }] });
      return id;
    }
    await s.run(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长' });
    if (needs === 'answered') return id;
    await s.run(org.deputy1, id, 'rate', { attitude: 'satisfied', result: 'satisfied' });
    return id;
  }

  /** A fresh unit, deputy or unit user, made by the admin, for a cell that edits one. */
  async function account(needs: 'unit-account' | 'deputy-account' | 'unit-user-account'): Promise<string> {
    const id = `matrix-account-${++serial}`;
    const admin = { token: org.admin.token };
    const created =
      needs === 'unit-account'
        ? await t.http.post('/api/units', { id, name: `矩阵测试单位 ${serial}` }, admin)
        : await t.http.post(
            '/api/users',
            { username: id, password: 'matrix-password', displayName: '矩阵测试账号', ...(needs === 'deputy-account' ? { role: 'deputy' } : { role: 'unit', unitId: 'traffic' }) },
            admin,
          );
    if (created.status !== 201) throw new Error(`create ${needs}: ${created.status} ${JSON.stringify(created.body)}`);
    if (needs === 'deputy-account' && !matrixDelegationId) {
      const delegation = await t.http.post('/api/delegations', { name: '授权矩阵用代表团' }, { token: org.staff.token });
      if (delegation.status !== 201) throw new Error(`create delegation: ${delegation.status} ${JSON.stringify(delegation.body)}`);
      matrixDelegationId = delegation.body.id as string;
    }
    return id;
  }

  /** The row's suggestion; a success uses it up (the state moved on), so the next cell gets a new one. */
  async function fixture(needs: Needs): Promise<string> {
    const existing = fixtures.get(needs);
    if (existing) return existing;
    const id = await prepare(needs);
    fixtures.set(needs, id);
    return id;
  }

  /** The route a cell calls; its suggestion is prepared before the cell looks at the store's head. */
  async function routeOf(endpoint: string, needs: Needs): Promise<string> {
    if (endpoint.startsWith('POST ') && endpoint.includes('{id}')) return endpoint.slice(5).replace('{id}', await fixture(needs));
    if (endpoint.startsWith('POST ')) return endpoint.slice(5);
    if (endpoint.startsWith('GET :id/')) return `/api/suggestions/${await fixture(needs)}/${endpoint.slice(8)}`;
    return `/api/suggestions/${await fixture(needs)}/${endpoint.slice(4)}`;
  }

  /** A batch route names its suggestion in the body. */
  async function send(route: string, endpoint: string, token: string | undefined, needs?: Needs) {
    if (endpoint === ':id/attachments') return upload(t.http, route, { name: `照片${++serial}.png`, bytes: SAMPLE_FILES.png() }, token);
    if (endpoint.startsWith('GET ')) return t.http.get(route, token ? { token } : {});
    const suggestionId = endpoint.includes('/batch/') && needs !== undefined ? await fixture(needs) : undefined;
    return t.http.post(route, bodyFor(endpoint, suggestionId), token ? { token } : {});
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    probe = new StoreProbe(t);
  });
  afterAll(async () => {
    console.log(`authorization matrix: ${cells} cells covered (${MATRIX.length} endpoints × ${ROLES.length} roles + forged-session cells)`);
    await t?.dispose();
  });

  it('the table is complete: every command route of the API is a row, every role a column', async () => {
    const docs = await t.http.get('/api/docs-json');
    const commandRoutes = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>)
      .filter(([route, methods]) => 'post' in methods && !NOT_IN_MATRIX.has(route))
      .map(([route]) => route.replace('/api/suggestions/{id}/', ':id/').replace(/^\/api/, 'POST /api'));
    const present = Object.keys(docs.body.paths).filter((route) => NOT_IN_MATRIX.has(route));
    if (present.length > 0) {
      console.log(`authorization matrix: POST routes left out, and why:\n${present.map((r) => `  ${r}: ${NOT_IN_MATRIX.get(r)}`).join('\n')}`);
    }
    expect(MATRIX.map(([endpoint]) => endpoint)).toEqual(expect.arrayContaining(commandRoutes));
    for (const [, , expected] of MATRIX) expect(expected).toHaveLength(ROLES.length);
  });

  describe.each(MATRIX.map(([endpoint, needs, expected]) => ({ endpoint, needs, expected })))('$endpoint', ({ endpoint, needs, expected }) => {
    it.each(ROLES.map((role, i) => ({ role, status: expected[i]! })))('$role → $status', async ({ role, status }) => {
      const route = await routeOf(endpoint, needs);
      if (endpoint.includes('/batch/')) await fixture(needs);
      const headBefore = await probe.head();
      const response = await send(route, endpoint, person(role)?.token, needs);
      cells += 1;
      expect({ role, status: response.status, body: response.body }).toMatchObject({ role, status });
      if (status >= 400) {
        expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
        expect(await probe.head()).toBe(headBefore);
      } else if (endpoint.startsWith('GET ')) {
        // A read: it changes nothing, and its suggestion serves the next cell too.
        expect(await probe.head()).toBe(headBefore);
      } else {
        expect(await probe.head()).not.toBe(headBefore);
        fixtures.delete(needs);
      }
    });
  });

  describe('ratings come only from the lead deputy’s own session', () => {
    const claims = { sub: 'deputy1', role: 'deputy', name: '张三' };

    it.each([
      ['a token signed with another secret', () => new JwtService({ secret: 'x'.repeat(48) }).sign(claims)],
      ['an expired token of the lead deputy', () => new JwtService({ secret: DEV_JWT_SECRET }).sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })],
      ['the co-signer’s token with its subject changed to the lead deputy', () => tamperSubject(org.deputy2.token, 'deputy1')],
      ['an unsigned token (alg "none")', () => unsigned(claims)],
    ])('%s → 401, nothing appended', async (_label, forge) => {
      const route = await routeOf(':id/rate', 'answered');
      const headBefore = await probe.head();
      const response = await send(route, ':id/rate', forge());
      cells += 1;
      expect(response.status).toBe(401);
      expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await probe.head()).toBe(headBefore);
    });
  });
});

function tamperSubject(token: string, sub: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  return [header, Buffer.from(JSON.stringify({ ...claims, sub })).toString('base64url'), signature].join('.');
}

function unsigned(claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, iat: Math.floor(Date.now() / 1000) })}.`;
}
