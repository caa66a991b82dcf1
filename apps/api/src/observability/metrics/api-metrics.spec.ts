import { ApiMetrics } from './api-metrics';
import { storeHeadUnit, storeHeadValue } from './store-head';

/** The value of one exposition line, or undefined when the series is absent. */
function sampleOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('ApiMetrics (prom-client)', () => {
  it('gives every app instance its own registry: two apps in one process count apart and never collide on names', async () => {
    const a = new ApiMetrics();
    const b = new ApiMetrics();
    await a.timeCommand('AcceptSuggestion', async () => 'done');
    await a.timeCommand('AcceptSuggestion', async () => 'done');
    await b.timeCommand('AcceptSuggestion', async () => 'done');
    expect(sampleOf(await a.render(), 'duban_commands_total{command="AcceptSuggestion",outcome="ok"}')).toBe(2);
    expect(sampleOf(await b.render(), 'duban_commands_total{command="AcceptSuggestion",outcome="ok"}')).toBe(1);
  });

  it('counts a replay and an error by outcome, rethrows the error unchanged and times every command', async () => {
    const metrics = new ApiMetrics();
    await metrics.timeCommand('UrgeSuggestion', async () => ({ replayed: true }), (r) => r.replayed);
    const failure = new Error('disk on fire');
    await expect(metrics.timeCommand('UrgeSuggestion', async () => Promise.reject(failure))).rejects.toBe(failure);
    const text = await metrics.render();
    expect(sampleOf(text, 'duban_commands_total{command="UrgeSuggestion",outcome="replayed"}')).toBe(1);
    expect(sampleOf(text, 'duban_commands_total{command="UrgeSuggestion",outcome="error"}')).toBe(1);
    expect(sampleOf(text, 'duban_command_duration_seconds_count{command="UrgeSuggestion"}')).toBe(2);
    expect(sampleOf(text, 'duban_command_duration_seconds_bucket{le="+Inf",command="UrgeSuggestion"}')).toBe(2);
  });

  it('escapes label values as the exposition format requires', async () => {
    const metrics = new ApiMetrics();
    metrics.httpDuration.observe({ method: 'GET', route: 'say "hi"\\\n', status: '200' }, 0.5);
    expect(await metrics.render()).toContain('duban_http_request_duration_seconds_count{method="GET",route="say \\"hi\\"\\\\\\n",status="200"} 1');
  });

  it('adds the process metrics (CPU, memory, event loop) once per process, after the service’s own', async () => {
    const text = await new ApiMetrics().render();
    expect(text).toMatch(/^# TYPE process_cpu_user_seconds_total counter$/m);
    expect(text).toMatch(/^# TYPE nodejs_eventloop_lag_seconds gauge$/m);
    expect(text.match(/^# TYPE process_resident_memory_bytes /gm)).toHaveLength(1);
    expect(text.indexOf('duban_commands_total')).toBeLessThan(text.indexOf('process_cpu_user_seconds_total'));
  });

  it('labels the store head with what it counts: a sequence on the embedded store, a byte offset on EventStoreDB', () => {
    expect(storeHeadUnit('sqlite')).toBe('sequence');
    expect(storeHeadUnit('eventstoredb')).toBe('byte_offset');
    expect(storeHeadValue(null)).toBe(0);
    expect(storeHeadValue({ commit: 123_456n, prepare: 123_456n })).toBe(123_456);
  });
});
