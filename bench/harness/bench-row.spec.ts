import { makeRow } from './bench-row';

describe('makeRow', () => {
  it('judges a ratio floor on product ÷ anchor', () => {
    const pass = makeRow({ scenario: 'S1', measure: 'm', figure: 90, unit: 'events/s', anchor: 100, floors: [{ kind: 'ratio_min', value: 0.8 }] });
    expect(pass.ratio).toBeCloseTo(0.9);
    expect(pass.pass).toBe(true);
    const fail = makeRow({ scenario: 'S1', measure: 'm', figure: 70, unit: 'events/s', anchor: 100, floors: [{ kind: 'ratio_min', value: 0.8 }] });
    expect(fail.pass).toBe(false);
  });

  it('needs every floor of a row to hold', () => {
    const row = makeRow({
      scenario: 'S4',
      measure: 'rebuild',
      figure: 150_000,
      unit: 'events/s',
      anchor: 600_000,
      floors: [
        { kind: 'figure_min', value: 100_000 },
        { kind: 'ratio_min', value: 0.3 },
      ],
    });
    expect(row.ratio).toBeCloseTo(0.25);
    expect(row.pass).toBe(false);
    expect(row.floorText).toBe('≥ 100000 & ratio ≥ 0.3');
  });

  it('treats an upper bound on latency as a maximum', () => {
    expect(makeRow({ scenario: 'S6', measure: 'p99', figure: 9.5, unit: 'ms', floors: [{ kind: 'figure_max', value: 10 }] }).pass).toBe(true);
    expect(makeRow({ scenario: 'S6', measure: 'p99', figure: 10.5, unit: 'ms', floors: [{ kind: 'figure_max', value: 10 }] }).pass).toBe(false);
    expect(makeRow({ scenario: 'S5', measure: 'p99', figure: 90, unit: 'ms', anchor: 30, floors: [{ kind: 'ratio_max', value: 3 }] }).pass).toBe(true);
  });

  it('never passes a row whose anchor or figure is missing', () => {
    const noAnchor = makeRow({ scenario: 'S3', measure: 'm', figure: 500, unit: 'commands/s', anchor: null, floors: [{ kind: 'ratio_min', value: 10 }] });
    expect(noAnchor.ratio).toBeNull();
    expect(noAnchor.pass).toBeNull();
    const noFigure = makeRow({ scenario: 'S6', measure: 'stats', figure: null, unit: 'ms', floors: [{ kind: 'figure_max', value: 10 }], note: 'not available' });
    expect(noFigure.pass).toBeNull();
    expect(noFigure.note).toBe('not available');
  });

  it('fails a row with a failure whatever its figures', () => {
    const row = makeRow({
      scenario: 'S2',
      measure: 'm',
      figure: 10_000,
      unit: 'events/s',
      anchor: 100,
      floors: [{ kind: 'ratio_min', value: 3 }],
      failure: 'an acknowledged append was missing',
    });
    expect(row.pass).toBe(false);
    expect(row.note).toContain('acknowledged append');
  });
});
