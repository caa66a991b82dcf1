import fc from 'fast-check';
import { packedMs, packInstant, unpackInstant } from './packed-instant';

const YEAR_0 = Date.UTC(2000, 0, 1) - 730_485 * 86_400_000; // 0000-01-01T00:00:00.000Z
const YEAR_9999_END = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

describe('packed instants', () => {
  it('packs what toISOString writes to its epoch milliseconds, for every year it writes with four digits', () => {
    expect(new Date(YEAR_0).toISOString()).toBe('0000-01-01T00:00:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min: YEAR_0, max: YEAR_9999_END }), (ms) => packInstant(new Date(ms).toISOString()) === ms),
      { numRuns: 2000 },
    );
    expect(packInstant('2026-06-05T16:00:00.000Z')).toBe(Date.parse('2026-06-05T16:00:00.000Z'));
    expect(packInstant('0050-03-01T00:00:00.000Z')).toBe(Date.parse('0050-03-01T00:00:00.000Z'));
    expect(packInstant('2024-02-29T23:59:59.999Z')).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
  });

  it('keeps every other string as it is, so nothing is lost or changed', () => {
    for (const kept of [
      '2026-03-05T10:00:00+08:00',
      '2026-03-05T02:00:00Z',
      '2026-02-30T00:00:00.000Z',
      '2025-02-29T00:00:00.000Z',
      '2026-03-05T24:00:00.000Z',
      '2026-03-05t02:00:00.000Z',
      '+010000-01-01T00:00:00.000Z',
      'not a time',
      '',
    ]) {
      expect(packInstant(kept)).toBe(kept);
    }
    fc.assert(fc.property(fc.string(), (s) => unpackInstant(packInstant(s)) === s), { numRuns: 2000 });
    // Strings shaped like instants, with digits anywhere: exact either way.
    const shaped = fc
      .tuple(...Array.from({ length: 7 }, (_, i) => fc.integer({ min: 0, max: i === 0 ? 9999 : i === 6 ? 999 : 99 })))
      .map(([y, mo, d, h, mi, s, ms]) => {
        const p = (n: number, w: number) => String(n).padStart(w, '0');
        return `${p(y, 4)}-${p(mo, 2)}-${p(d, 2)}T${p(h, 2)}:${p(mi, 2)}:${p(s, 2)}.${p(ms, 3)}Z`;
      });
    fc.assert(
      fc.property(shaped, (s) => {
        const packed = packInstant(s);
        return unpackInstant(packed) === s && (typeof packed === 'string' || packed === Date.parse(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the milliseconds of either form, NaN for a string that is no instant', () => {
    expect(packedMs(packInstant('2026-06-05T16:00:00.000Z'))).toBe(Date.parse('2026-06-05T16:00:00.000Z'));
    expect(packedMs('2026-06-06T00:00:00+08:00')).toBe(Date.parse('2026-06-05T16:00:00.000Z'));
    expect(packedMs('not a time')).toBeNaN();
  });
});
