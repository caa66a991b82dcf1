import fc from 'fast-check';
import { toShanghaiDate } from '@duban/domain';
import { lastDayOf, shanghaiDay } from './shanghai-day';

describe('shanghaiDay', () => {
  it('is the Beijing date of any instant', () => {
    expect(shanghaiDay('2026-03-01T15:59:59.999Z')).toBe('2026-03-01');
    expect(shanghaiDay('2026-03-01T16:00:00.000Z')).toBe('2026-03-02');
    expect(shanghaiDay('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(shanghaiDay('2026-03-01T23:30:00+08:00')).toBe('2026-03-01');
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), (ms) => {
        const iso = new Date(ms).toISOString();
        return shanghaiDay(iso) === toShanghaiDate(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts a 24:00 due time on the day that ends then', () => {
    expect(lastDayOf('2026-06-15T16:00:00.000Z')).toBe('2026-06-15');
    expect(lastDayOf('2026-06-15T16:00:00.001Z')).toBe('2026-06-16');
    expect(lastDayOf('2026-06-15T10:00:00.000Z')).toBe('2026-06-15');
  });
});
