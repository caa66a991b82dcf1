import { Counter, Gauge, Histogram, MetricRegistry } from './metric-registry';

describe('MetricRegistry (Prometheus text format)', () => {
  it('renders counters and gauges with escaped labels', () => {
    const registry = new MetricRegistry();
    const counter = registry.register(new Counter('x_total', 'Things.'));
    const gauge = registry.register(new Gauge('x_lag', 'Lag.'));
    counter.inc({ b: '2', a: 'say "hi"\\\n' });
    counter.inc({ a: 'say "hi"\\\n', b: '2' }, 2);
    gauge.set(1.5);
    expect(registry.render()).toBe(
      [
        '# HELP x_total Things.',
        '# TYPE x_total counter',
        'x_total{a="say \\"hi\\"\\\\\\n",b="2"} 3',
        '# HELP x_lag Lag.',
        '# TYPE x_lag gauge',
        'x_lag 1.5',
        '',
      ].join('\n'),
    );
  });

  it('renders histograms with cumulative buckets, +Inf, sum and count', () => {
    const registry = new MetricRegistry();
    const histogram = registry.register(new Histogram('d_seconds', 'Durations.', [0.1, 1]));
    for (const v of [0.05, 0.5, 0.5, 3]) histogram.observe(v, { op: 'x' });
    expect(registry.render().split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      'd_seconds_bucket{op="x",le="0.1"} 1',
      'd_seconds_bucket{op="x",le="1"} 3',
      'd_seconds_bucket{op="x",le="+Inf"} 4',
      'd_seconds_sum{op="x"} 4.05',
      'd_seconds_count{op="x"} 4',
      '',
    ]);
  });

  it('refuses two metrics with one name', () => {
    const registry = new MetricRegistry();
    registry.register(new Counter('same', 'a'));
    expect(() => registry.register(new Gauge('same', 'b'))).toThrow(/twice/);
  });
});
