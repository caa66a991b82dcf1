import { makeRow } from './bench-row';
import { floorMargin, renderFloorChart } from './floor-chart';

describe('the floor chart', () => {
  const passing = makeRow({ scenario: 'S3', measure: 'commands', figure: 150, unit: 'commands/s', anchor: 10, floors: [{ kind: 'ratio_min', value: 10 }] });
  const failing = makeRow({
    scenario: 'S6',
    measure: 'list p99',
    figure: 20,
    unit: 'ms',
    floors: [{ kind: 'figure_max', value: 10 }],
  });
  const both = makeRow({
    scenario: 'S4',
    measure: 'rebuild',
    figure: 200_000,
    unit: 'events/s',
    anchor: 1_000_000,
    floors: [
      { kind: 'figure_min', value: 100_000 },
      { kind: 'ratio_min', value: 0.3 },
    ],
  });

  it('measures each row against its floor: above 1 passes, below 1 falls short, the worst floor counts', () => {
    expect(floorMargin(passing)).toBeCloseTo(1.5);
    expect(floorMargin(failing)).toBeCloseTo(0.5);
    // 2× the events/s floor but only 0.2 / 0.3 of the ratio floor.
    expect(floorMargin(both)).toBeCloseTo(0.2 / 0.3);
    expect(floorMargin(makeRow({ scenario: 'S5', measure: 'x', figure: null, unit: '', floors: [{ kind: 'figure_min', value: 1 }] }))).toBeNull();
  });

  it('draws a green bar right of the floor for a pass and a red one left of it for a shortfall', () => {
    const svg = renderFloorChart([passing, failing, makeRow({ scenario: 'S0', measure: 'no floor', figure: 1, unit: '', floors: [] })], 'run <1>');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('run &lt;1&gt;');
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="16" fill="(#[0-9a-f]+)"/g)];
    expect(bars).toHaveLength(2);
    const floorX = Number(/<line x1="([\d.]+)"[^>]*stroke="#000"/.exec(svg)![1]);
    const [pass, fail] = bars.map((m) => ({ x: Number(m[1]), width: Number(m[2]), color: m[3] }));
    expect(pass).toMatchObject({ x: floorX, color: '#2e7d32' });
    expect(fail!.color).toBe('#c62828');
    expect(fail!.x + fail!.width).toBeCloseTo(floorX);
    expect(svg).not.toContain('no floor');
  });
});
