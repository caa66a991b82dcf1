import { createOrganisation, PASSWORD } from './support/organisation';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Guesses sent all at once must not outrun the lock: every attempt takes its slot before the
 * password is checked, so no more checks are made than the limits allow, whatever the concurrency.
 */
describe('login guesses sent at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await createOrganisation(t.http);
  });
  afterAll(() => t.dispose());

  it('25 guesses for one name: at most 5 are checked, the rest get 429 with Retry-After, and the right password after them does not get in', async () => {
    const guesses = Array.from({ length: 24 }, (_, i) => t.http.post('/api/auth/login', { username: 'deputy1', password: `wrong-guess-${i}` }));
    // The right one while the wrong ones are still being answered (each check is a ~50 ms scrypt).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const right = t.http.post('/api/auth/login', { username: 'deputy1', password: PASSWORD });
    const responses = await Promise.all([...guesses, right]);
    const statuses = responses.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBe(25 - checked);
    // The right password came last, after the 5th slot was taken.
    expect(responses[24]!.status).toBe(429);
    for (const refused of responses.filter((r) => r.status === 429)) {
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Still locked afterwards, for the right password too.
    expect((await t.http.post('/api/auth/login', { username: 'deputy1', password: PASSWORD })).status).toBe(429);
  });

});

describe('login guesses over many names sent at once', () => {
  let t: TestApp;

  // A server of its own: the address must start with a clean record.
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.dispose());

  it('40 guesses over many names from one address: at most 20 are checked', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => t.http.post('/api/auth/login', { username: `guess-${i % 8}`, password: `wrong-${i}` })),
    );
    const checked = responses.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(20);
    expect(responses.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  });
});
