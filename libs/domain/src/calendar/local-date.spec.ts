import { addMonths, endOfShanghaiDay, isIsoInstant, toShanghaiDate } from './local-date';

describe('Asia/Shanghai dates', () => {
  it('takes the local date at +08:00, so 17:00 UTC is already the next day in Shanghai', () => {
    expect(toShanghaiDate('2026-09-24T15:59:59.999Z')).toBe('2026-09-24');
    expect(toShanghaiDate('2026-09-24T16:00:00.000Z')).toBe('2026-09-25');
    expect(toShanghaiDate('2026-09-25T00:30:00+08:00')).toBe('2026-09-25');
  });

  it('puts 24:00 of a day at the next day 00:00 +08:00, as UTC with milliseconds', () => {
    expect(endOfShanghaiDay('2026-10-08')).toBe('2026-10-08T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('clamps a month step to the end of the shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('refuses instants without an offset, which would depend on the machine zone', () => {
    expect(isIsoInstant('2026-10-01T12:00:00')).toBe(false);
    expect(isIsoInstant('2026-10-01T12:00:00Z')).toBe(true);
    expect(isIsoInstant('2026-10-01T12:00:00.000+08:00')).toBe(true);
    expect(() => toShanghaiDate('2026-10-01')).toThrow(/ISO-8601/);
  });
});
