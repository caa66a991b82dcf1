import { randomUUID } from 'node:crypto';
import { ApiResponse } from './support/http-client';
import { createOrganisation, login, Organisation, PASSWORD, Person } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A client that did not get an answer (timeout, dropped connection) sends the command again with
 * the same Idempotency-Key. The retry must get the first answer and change nothing; reusing a
 * key for another request must be refused; and all of this must still hold after a restart,
 * because the key lives in the stored events, not in memory.
 */
describe('Idempotency-Key: retries are safe', () => {
  let t: TestApp;
  let org: Organisation;
  let probe: StoreProbe;

  const post = (person: Person, path: string, body: unknown, key?: string, headers: Record<string, string> = {}) =>
    t.http.post(path, body, { token: person.token, headers: key === undefined ? headers : { ...headers, 'idempotency-key': key } });

  function expectSameAnswer(retry: ApiResponse, first: ApiResponse): void {
    expect(retry.status).toBe(first.status);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
  }

  async function submitted(key?: string): Promise<string> {
    const response = await post(org.deputy1, '/api/suggestions', { title: '关于幂等的建议', content: '重发不应重复办理。' }, key);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    probe = new StoreProbe(t);
  });
  afterAll(() => t?.dispose());

  it('a retried command gets the first answer (status, body, ETag) and appends nothing', async () => {
    const id = await submitted();
    const key = randomUUID();
    const first = await post(org.staff, `/api/suggestions/${id}/accept`, {}, key);
    expect(first.status).toBe(200);
    const head = await probe.head();

    const retry = await post(org.staff, `/api/suggestions/${id}/accept`, {}, key);
    expectSameAnswer(retry, first);
    expect(await probe.head()).toBe(head);
    expect((await probe.suggestion(id)).map((e) => e.type)).toEqual(['SuggestionSubmitted', 'SuggestionAccepted']);

    // Without the key the same command is a new one, refused by the rules.
    expect((await post(org.staff, `/api/suggestions/${id}/accept`, {})).status).toBe(409);
  });

  it('the key is stored with the events it produced', async () => {
    const id = await submitted();
    const key = `accept-${randomUUID()}`;
    await post(org.staff, `/api/suggestions/${id}/accept`, {}, key);
    const accepted = (await probe.suggestion(id))[1]!;
    expect(accepted.metadata).toMatchObject({ idempotencyKey: key, requestHash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
  });

  it('the same key with another body, or on another route, is a 422 and changes nothing', async () => {
    const id = await submitted();
    await post(org.staff, `/api/suggestions/${id}/accept`, {});
    const key = randomUUID();
    const assign = { mode: 'sole', unitIds: ['traffic'] };
    expect((await post(org.staff, `/api/suggestions/${id}/assign`, assign, key)).status).toBe(200);
    const head = await probe.head();

    const otherBody = await post(org.staff, `/api/suggestions/${id}/assign`, { mode: 'sole', unitIds: ['health'] }, key);
    expect(otherBody.status).toBe(422);
    expect(otherBody.body).toMatchObject({ statusCode: 422, code: 'idempotency_key_reused' });
    expect(otherBody.body.message).toMatch(/Idempotency-Key/);
    expect(otherBody.body.message).toMatch(/[\u4e00-\u9fff]/);

    const otherRoute = await post(org.staff, `/api/suggestions/${id}/urge`, { note: '请抓紧' }, key);
    expect(otherRoute.status).toBe(422);
    expect(await probe.head()).toBe(head);
  });

  it('the body is compared by meaning: key order and whitespace do not matter', async () => {
    const id = await submitted();
    await post(org.staff, `/api/suggestions/${id}/accept`, {});
    const key = randomUUID();
    const first = await t.http.post(`/api/suggestions/${id}/assign`, undefined, {
      token: org.staff.token,
      headers: { 'idempotency-key': key },
      rawBody: '{"mode":"lead","unitIds":["traffic","housing"],"leadUnitId":"traffic"}',
    });
    expect(first.status).toBe(200);
    const retry = await t.http.post(`/api/suggestions/${id}/assign`, undefined, {
      token: org.staff.token,
      headers: { 'idempotency-key': key },
      rawBody: '{ "leadUnitId": "traffic", "unitIds": ["traffic", "housing"], "mode": "lead" }',
    });
    expectSameAnswer(retry, first);
  });

  it('keys belong to a person: another person with the same key gets their own command', async () => {
    const id = await submitted();
    await post(org.staff, `/api/suggestions/${id}/accept`, {});
    const key = randomUUID();
    const bySupervisor = await post(org.supervisor, `/api/suggestions/${id}/urge`, { note: '请抓紧' }, key);
    const byStaff = await post(org.staff, `/api/suggestions/${id}/urge`, { note: '请抓紧' }, key);
    expect([bySupervisor.status, byStaff.status]).toEqual([200, 200]);
    expect(byStaff.body.revision).toBe(bySupervisor.body.revision + 1);
    expect(byStaff.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a retried submission returns the same suggestion instead of creating a second one', async () => {
    const key = randomUUID();
    const body = { title: '关于重复提交的建议', content: '网络中断后重发。', coSignerIds: ['deputy2'] };
    const first = await post(org.deputy1, '/api/suggestions', body, key);
    expect(first.status).toBe(201);
    const head = await probe.head();
    const retry = await post(org.deputy1, '/api/suggestions', body, key);
    expectSameAnswer(retry, first);
    expect(await probe.head()).toBe(head);
    expect(await probe.suggestion(first.body.id)).toHaveLength(1);

    const changed = await post(org.deputy1, '/api/suggestions', { ...body, title: '另一个标题' }, key);
    expect(changed.status).toBe(422);
    // The same key from another deputy is another deputy's suggestion.
    const other = await post(org.deputy2, '/api/suggestions', { title: '另一位代表的建议', content: '内容' }, key);
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('a retry after its own success is not refused by the If-Match it carried', async () => {
    const id = await submitted();
    const key = randomUUID();
    const first = await post(org.staff, `/api/suggestions/${id}/accept`, {}, key, { 'if-match': '"0"' });
    expect(first.status).toBe(200);
    const retry = await post(org.staff, `/api/suggestions/${id}/accept`, {}, key, { 'if-match': '"0"' });
    expectSameAnswer(retry, first);
    // A new command with that stale If-Match is still a 412.
    expect((await post(org.supervisor, `/api/suggestions/${id}/urge`, { note: '催办' }, randomUUID(), { 'if-match': '"0"' })).status).toBe(412);
  });

  it('the same request sent 10 times at once is applied once, and all 10 get its answer', async () => {
    const id = await submitted();
    await post(org.staff, `/api/suggestions/${id}/accept`, {});
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(org.supervisor, `/api/suggestions/${id}/urge`, { note: '同时重发十次' }, key)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect((await probe.suggestion(id)).filter((e) => e.type === 'SuggestionUrged')).toHaveLength(1);
  });

  it('admin commands are idempotent too: registering a unit and a user', async () => {
    const unitKey = randomUUID();
    const unit = { id: 'finance', name: '市财政局' };
    const firstUnit = await post(org.admin, '/api/units', unit, unitKey);
    expect(firstUnit.status).toBe(201);
    expectSameAnswer(await post(org.admin, '/api/units', unit, unitKey), firstUnit);
    expect((await post(org.admin, '/api/units', { ...unit, name: '市财政局（改）' }, unitKey)).status).toBe(422);

    const userKey = randomUUID();
    const user = { username: 'finance1', password: 'finance-pass-1', displayName: '财政局办理员', role: 'unit', unitId: 'finance' };
    const firstUser = await post(org.admin, '/api/users', user, userKey);
    expect(firstUser.status).toBe(201);
    const head = await probe.head();
    expectSameAnswer(await post(org.admin, '/api/users', user, userKey), firstUser);
    expect((await post(org.admin, '/api/users', { ...user, password: 'another-pass-1' }, userKey)).status).toBe(422);
    expect(await probe.head()).toBe(head);
    // Without a key a second registration is the usual conflict.
    expect((await post(org.admin, '/api/users', user)).status).toBe(409);
    // The password-bearing body is fingerprinted with a keyed hash, never stored.
    expect(JSON.stringify((await probe.stream('user-finance1'))[0]!.metadata)).not.toContain('finance-pass-1');
  });

  it('a password change retried after it succeeded gets its first answer, not "wrong current password"', async () => {
    const deputy = await login(t.http, 'deputy3', PASSWORD);
    const key = randomUUID();
    const body = { currentPassword: PASSWORD, newPassword: 'new-password-3' };
    const first = await post(deputy, '/api/auth/password', body, key);
    expect(first.status).toBe(200);
    // The change ended every session from before it, the one it was made with too: the retry
    // comes from a new sign-in, with the new password.
    const signedInAgain = await login(t.http, 'deputy3', 'new-password-3');
    expectSameAnswer(await post(signedInAgain, '/api/auth/password', body, key), first);
    expect((await probe.stream('user-deputy3')).map((e) => e.type)).toEqual(['UserRegistered', 'PasswordChanged']);
  });

  it('an unusable key is a 400 naming the header', async () => {
    const id = await submitted();
    const response = await post(org.staff, `/api/suggestions/${id}/accept`, {}, 'x'.repeat(200));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    const spaced = await post(org.staff, `/api/suggestions/${id}/accept`, {}, 'has space');
    expect(spaced.status).toBe(400);
  });

  describe('after a restart', () => {
    let second: TestApp | undefined;
    afterAll(() => second?.stop());

    it('retries of commands answered before the restart are still recognised', async () => {
      const submitKey = randomUUID();
      const body = { title: '重启前提交的建议', content: '重启后重发。' };
      const firstSubmit = await post(org.deputy1, '/api/suggestions', body, submitKey);
      const id = firstSubmit.body.id;
      const acceptKey = randomUUID();
      const firstAccept = await post(org.staff, `/api/suggestions/${id}/accept`, {}, acceptKey);
      const userKey = randomUUID();
      const user = { username: 'restart1', password: 'restart-pass-1', displayName: '重启测试', role: 'deputy' };
      const firstUser = await post(org.admin, '/api/users', user, userKey);
      expect([firstSubmit.status, firstAccept.status, firstUser.status]).toEqual([201, 200, 201]);

      await t.stop();
      second = await startTestApp({}, t.dataDir);
      const again = new StoreProbe(second);
      const head = await again.head();
      const retry = (person: Person, path: string, b: unknown, key: string) =>
        second!.http.post(path, b, { token: person.token, headers: { 'idempotency-key': key } });

      expectSameAnswer(await retry(org.deputy1, '/api/suggestions', body, submitKey), firstSubmit);
      expectSameAnswer(await retry(org.staff, `/api/suggestions/${id}/accept`, {}, acceptKey), firstAccept);
      expectSameAnswer(await retry(org.admin, '/api/users', user, userKey), firstUser);
      expect((await retry(org.deputy1, '/api/suggestions', { ...body, content: '改了' }, submitKey)).status).toBe(422);
      expect(await again.head()).toBe(head);
    });
  });
});
