import { createWorkingCalendar } from './create-working-calendar';
import { parseCalendarOverrides } from './calendar-overrides';
import overridesFile from './calendar-overrides.json';

describe('createWorkingCalendar', () => {
  const calendar = createWorkingCalendar();

  it('knows the 2026 National Day holiday and its 调休 make-up Saturday', () => {
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
    for (const day of ['2026-10-01', '2026-10-05', '2026-10-07']) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, worked
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // plain Sunday
  });

  it('knows the 2026 Spring Festival', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, worked
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday, holiday
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
  });

  it('gives the same answers whatever the machine time zone (the package itself does not)', () => {
    // 2026-09-28 is a Monday: read in a zone west of UTC it would become Sunday.
    expect(calendar.isWorkingDay('2026-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-27')).toBe(false);
  });

  it('reports which years have official data', () => {
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.knowsYear(2004)).toBe(true);
    expect(calendar.knowsYear(2099)).toBe(false);
    expect(calendar.isWorkingDay('2099-01-01')).toBe(false); // Thursday, but 元旦 even without a notice
  });

  it('lets an override year replace the package, holidays and make-up days alike', () => {
    const withOverride = createWorkingCalendar({
      years: { '2099': { holidays: ['2099-01-01', '2099-01-02'], workdays: ['2099-01-04'] } },
    });
    expect(withOverride.knowsYear(2099)).toBe(true);
    expect(withOverride.isWorkingDay('2099-01-01')).toBe(false);
    expect(withOverride.isWorkingDay('2099-01-04')).toBe(true); // Sunday, worked
    expect(withOverride.isWorkingDay('2099-01-05')).toBe(true);

    // The whole year is replaced: the package's National Day holidays are gone for 2026.
    const replaced = createWorkingCalendar({ years: { '2026': { holidays: [], workdays: [] } } });
    expect(replaced.isWorkingDay('2026-10-01')).toBe(true);
    expect(replaced.isWorkingDay('2026-10-10')).toBe(false);
  });

  it('refuses malformed override data with a message naming the entry', () => {
    expect(() => parseCalendarOverrides({ years: { '2099': { holidays: ['2099-02-30'], workdays: [] } } })).toThrow(
      /2099\.holidays has "2099-02-30"/,
    );
    expect(() => parseCalendarOverrides({ years: { '2099': { holidays: ['2098-12-31'], workdays: [] } } })).toThrow(
      /in 2099/,
    );
    expect(() => parseCalendarOverrides({ years: { '2099': { holidays: ['2099-01-03'], workdays: ['2099-01-03'] } } })).toThrow(
      /both holiday and workday/,
    );
    expect(() => parseCalendarOverrides({ yeers: {} })).toThrow(/unknown key "yeers"/);
  });

  it('accepts the shipped override file', () => {
    expect(parseCalendarOverrides(overridesFile)).toEqual({ years: {} });
  });
});
