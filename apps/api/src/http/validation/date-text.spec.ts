import { dateTextKind, isDateTextInRange } from './date-text';

describe('date text (the one check behind every date field)', () => {
  it('takes a real calendar day or an instant with its offset', () => {
    expect(dateTextKind('2026-10-15')).toBe('date');
    expect(dateTextKind('2024-02-29')).toBe('date');
    expect(dateTextKind('2026-10-15T08:00:00+08:00')).toBe('instant');
    expect(dateTextKind('2026-10-15T08:00Z')).toBe('instant');
    expect(dateTextKind('2026-10-15T08:00:00.123Z')).toBe('instant');
  });

  it('refuses days and times that do not exist, which Date.parse would roll over', () => {
    for (const value of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-01', '2026-02-30T10:00:00Z', '2026-02-28T24:00:00Z', '2026-02-28T23:60:00Z', '2026-12-31T10:00:00+25:00']) {
      expect({ value, kind: dateTextKind(value) }).toEqual({ value, kind: null });
    }
  });

  it('refuses ISO forms nobody means here: no offset, compact, week and ordinal dates, expanded years', () => {
    for (const value of ['2026-10-15T08:00:00', '20261015', '2026-W01', '2026-288', '2026-10', '+012026-01-01', '2026-10-15 08:00:00Z', '']) {
      expect({ value, kind: dateTextKind(value) }).toEqual({ value, kind: null });
    }
  });

  it('keeps to the years 2000–2100, and leaves a malformed value to the format check', () => {
    expect(isDateTextInRange('2000-01-01')).toBe(true);
    expect(isDateTextInRange('2100-12-31T23:59:59Z')).toBe(true);
    expect(isDateTextInRange('1999-12-31')).toBe(false);
    expect(isDateTextInRange('2101-01-01')).toBe(false);
    expect(isDateTextInRange('9999-12-31T23:59:59Z')).toBe(false);
    expect(isDateTextInRange('not a date')).toBe(true);
  });
});
