import type { Projector } from '@duban/read-models';
import { PROJECTOR } from '../apps/api/src/infrastructure/tokens';
import { createOrganisation, Organisation } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/** The value of one sample in a Prometheus text exposition, 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (wanted.every(([k, v]) => found[k] === v) && Object.keys(found).length === wanted.length) return Number(match[3]);
  }
  return 0;
}

/**
 * Structured JSON logs (pino) with a correlation id per request that also lands in the events'
 * metadata, and Prometheus metrics at /api/metrics that move with the traffic.
 */
describe('observability: logs, correlation ids and metrics', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let probe: StoreProbe;
  const lines: string[] = [];
  const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const metrics = async () => {
    const response = await t.http.get('/api/metrics');
    expect(response.status).toBe(200);
    return response.body as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, undefined, { logDestination: { write: (line: string) => void lines.push(line) } });
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    probe = new StoreProbe(t);
  });
  afterAll(() => t?.dispose());

  it('every log line is one JSON object, the framework’s own messages included', () => {
    expect(lines.length).toBeGreaterThan(10);
    const parsed = logs();
    for (const line of parsed) expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), service: 'duban-api', msg: expect.any(String) });
    // Nest's logger (module wiring, routes) and the service's own loggers go through pino too.
    expect(parsed.some((l) => l.context === 'RoutesResolver')).toBe(true);
    expect(parsed.some((l) => l.context === 'startup' && String(l.msg).includes('administrator'))).toBe(true);
  });

  it('the caller’s X-Correlation-Id is echoed, logged with the request and stored in the event’s metadata', async () => {
    const correlationId = 'client-flow-4711';
    const response = await t.http.post('/api/suggestions', { title: '关于可观测性的建议', content: '内容' }, {
      token: org.deputy1.token,
      headers: { 'x-correlation-id': correlationId },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const [event] = await probe.suggestion(response.body.id);
    expect(event!.metadata.correlationId).toBe(correlationId);
    expect(event!.metadata.causationId).toEqual(expect.any(String));

    const line = logs().find((l) => l.context === 'http' && l.correlationId === correlationId);
    expect(line).toMatchObject({ msg: 'request', method: 'POST', url: '/api/suggestions', status: 201, userId: 'deputy1', ms: expect.any(Number) });
  });

  it('makes a correlation id when none (or an unusable one) is sent', async () => {
    const none = await t.http.get('/api/health');
    const generated = none.headers.get('x-correlation-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await t.http.get('/api/health', { headers: { 'x-correlation-id': 'has spaces & <script>' } });
    expect(unsafe.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs().some((l) => l.context === 'http' && l.correlationId === generated && l.url === '/api/health' && l.userId === undefined)).toBe(true);
  });

  it('never logs a password or a token', async () => {
    await t.http.post('/api/auth/login', { username: 'deputy1', password: 'password-e2e' });
    const text = lines.join('\n');
    expect(text).not.toContain('password-e2e');
    expect(text).not.toContain(org.deputy1.token);
  });

  it('counts commands by type and outcome, and times them', async () => {
    const { id } = await s.submit(org.deputy1, { title: '指标测试建议', content: '内容' });
    const before = await metrics();
    await s.run(org.staff, id, 'accept');
    expect((await s.send(org.deputy1, id, 'accept')).status).toBe(403);
    expect((await s.send(org.staff, id, 'accept')).status).toBe(409);
    const key = { 'idempotency-key': 'metrics-replay-key' };
    await t.http.post(`/api/suggestions/${id}/urge`, { note: '催办' }, { token: org.supervisor.token, headers: key });
    await t.http.post(`/api/suggestions/${id}/urge`, { note: '催办' }, { token: org.supervisor.token, headers: key });
    const after = await metrics();

    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('duban_commands_total', { command: 'AcceptSuggestion', outcome: 'ok' })).toBe(1);
    expect(delta('duban_commands_total', { command: 'AcceptSuggestion', outcome: 'forbidden' })).toBe(1);
    expect(delta('duban_commands_total', { command: 'AcceptSuggestion', outcome: 'conflict' })).toBe(1);
    expect(delta('duban_commands_total', { command: 'UrgeSuggestion', outcome: 'ok' })).toBe(1);
    expect(delta('duban_commands_total', { command: 'UrgeSuggestion', outcome: 'replayed' })).toBe(1);
    expect(delta('duban_command_duration_seconds_count', { command: 'AcceptSuggestion' })).toBe(3);
    expect(delta('duban_http_request_duration_seconds_count', { method: 'POST', route: '/api/suggestions/:id/accept', status: '200' })).toBe(1);
    expect(delta('duban_http_request_duration_seconds_count', { method: 'POST', route: '/api/suggestions/:id/accept', status: '403' })).toBe(1);
    expect(sample(after, 'duban_commands_total', { command: 'RegisterUser', outcome: 'ok' })).toBeGreaterThanOrEqual(10);
    // Histogram buckets are cumulative and end at +Inf = count.
    expect(sample(after, 'duban_command_duration_seconds_bucket', { command: 'AcceptSuggestion', le: '+Inf' })).toBe(
      sample(after, 'duban_command_duration_seconds_count', { command: 'AcceptSuggestion' }),
    );
    expect(after).toMatch(/^# TYPE duban_commands_total counter$/m);
    expect(after).toMatch(/^# TYPE duban_command_duration_seconds histogram$/m);
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('shows the projector’s lag in events and seconds, and its return to zero', async () => {
    expect(sample(await metrics(), 'duban_projector_lag_events')).toBe(0);
    const projector = t.app.get<Projector>(PROJECTOR);
    await projector.stop();
    try {
      const { id } = await s.submit(org.deputy1, { title: '投影滞后测试', content: '内容' });
      await s.run(org.staff, id, 'accept');
      const now = (await t.http.get('/api/test-clock', { token: org.admin.token })).body.now as string;
      await t.http.post('/api/test-clock', { now: new Date(Date.parse(now) + 90_000).toISOString() }, { token: org.admin.token });
      const behind = await metrics();
      expect(sample(behind, 'duban_projector_lag_events')).toBe(2);
      expect(sample(behind, 'duban_projector_lag_seconds')).toBeCloseTo(90, 0);
      expect(sample(behind, 'duban_projector_up')).toBe(0);
    } finally {
      await projector.start();
    }
    const caughtUp = await metrics();
    expect(sample(caughtUp, 'duban_projector_lag_events')).toBe(0);
    expect(sample(caughtUp, 'duban_projector_lag_seconds')).toBe(0);
    expect(sample(caughtUp, 'duban_projector_up')).toBe(1);
    // The embedded store numbers its events; the label keeps EventStoreDB's byte offsets from passing for a count.
    expect(sample(caughtUp, 'duban_event_store_head_position', { unit: 'sequence' })).toBe(Number(await probe.head()));
  });

  describe('with METRICS_TOKEN', () => {
    let guarded: TestApp;
    beforeAll(async () => {
      guarded = await startTestApp({ METRICS_TOKEN: 'scrape-token-0123456789' });
    });
    afterAll(() => guarded?.dispose());

    it('the metrics need that token', async () => {
      expect((await guarded.http.get('/api/metrics')).status).toBe(401);
      expect((await guarded.http.get('/api/metrics', { token: 'wrong-token-0123456789' })).status).toBe(401);
      const ok = await guarded.http.get('/api/metrics', { token: 'scrape-token-0123456789' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    });
  });
});
