import fc from 'fast-check';
import { isCanonicalInstant, isPackedFrom, packedMs, packInstant, unpackInstant } from './packed-instant';

const YEAR_0 = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const YEAR_9999_END = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const p = (n: number, width: number) => String(n).padStart(width, '0');

/** Strings shaped like instants, with any digits: valid ones, 02-30, hour 24 … */
const shaped = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom(16, 0, 24, 7),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom(0, 59, 60),
    fc.constantFrom(0, 1, 999),
  )
  .map(([y, mo, d, h, mi, s, ms]) => `${p(y, 4)}-${p(mo, 2)}-${p(d, 2)}T${p(h, 2)}:${p(mi, 2)}:${p(s, 2)}.${p(ms, 3)}Z`);
const anyString = fc.oneof(fc.string(), shaped, fc.string().map((s) => `=${s}`), fc.string({ minLength: 10, maxLength: 10 }));

describe('packed instants', () => {
  it('packs a due time at 24:00 Shanghai to its day, and any other instant toISOString writes to its milliseconds', () => {
    expect(packInstant('2026-06-05T16:00:00.000Z')).toBe('2026-06-05');
    expect(packInstant('2026-03-05T02:00:00.000Z')).toBe(Date.parse('2026-03-05T02:00:00.000Z'));
    expect(packInstant('0050-03-01T00:00:00.000Z')).toBe(Date.parse('0050-03-01T00:00:00.000Z'));
    expect(new Date(YEAR_0).toISOString()).toBe('0000-01-01T00:00:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min: YEAR_0, max: YEAR_9999_END }), (ms) => {
        const iso = new Date(ms).toISOString();
        return packInstant(iso) === (iso.endsWith('T16:00:00.000Z') ? iso.slice(0, 10) : ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every other string, escaping what would read as a packed one, so nothing is lost or changed', () => {
    expect(packInstant('2026-03-05T10:00:00+08:00')).toBe('2026-03-05T10:00:00+08:00');
    expect(packInstant('2026-02-30T00:00:00.000Z')).toBe('2026-02-30T00:00:00.000Z');
    expect(packInstant('2026-06-05')).toBe('=2026-06-05');
    expect(packInstant('=x')).toBe('==x');
    for (const kept of ['2026-03-05T02:00:00Z', '2026-03-05T24:00:00.000Z', '+010000-01-01T00:00:00.000Z', 'not a time', '']) {
      expect(unpackInstant(packInstant(kept))).toBe(kept);
    }
    fc.assert(fc.property(anyString, (s) => unpackInstant(packInstant(s)) === s), { numRuns: 3000 });
  });

  it('tells whether a packed value is the packed form of a string, without packing it', () => {
    fc.assert(fc.property(anyString, anyString, (a, b) => isPackedFrom(packInstant(a), b) === (packInstant(a) === packInstant(b))), { numRuns: 3000 });
    fc.assert(fc.property(anyString, (a) => isPackedFrom(packInstant(a), a)), { numRuns: 1000 });
  });

  it('reads the milliseconds as Date.parse reads the string, NaN for one that is no instant', () => {
    fc.assert(fc.property(anyString, (s) => Object.is(packedMs(packInstant(s)), Date.parse(s))), { numRuns: 3000 });
    expect(packedMs(packInstant('2026-02-30T16:00:00.000Z'))).toBe(Date.parse('2026-03-02T16:00:00.000Z'));
    expect(packedMs(packInstant('not a time'))).toBeNaN();
  });

  it('knows the strings toISOString writes', () => {
    expect(isCanonicalInstant('2026-06-05T16:00:00.000Z')).toBe(true);
    expect(isCanonicalInstant('2026-02-30T16:00:00.000Z')).toBe(false);
    expect(isCanonicalInstant('2026-06-05T16:00:00Z')).toBe(false);
  });
});
