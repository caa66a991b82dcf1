import chineseDays from 'chinese-days/dist/chinese-days.json';
import { dueAt, subtractPeriod } from '../rulebook/periods';
import { addDays, weekday } from './local-date';
import { createWorkingCalendar } from './create-working-calendar';

const calendar = createWorkingCalendar();

/** The calendar as it was before years were computed: the package's notices, else the week. */
function packageOrWeek(date: string): boolean {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  if (data.workdays[date] !== undefined) return true;
  if (data.holidays[date] !== undefined) return false;
  const day = weekday(date);
  return day >= 1 && day <= 5;
}

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) days.push(d);
  return days;
}

/** The last day of a deadline: its due instant is 24:00 of that day in Shanghai. */
function dueDay(fromIso: string, amount: number, unit: 'wd' | 'd' | 'm'): string {
  return new Date(Date.parse(dueAt(fromIso, { amount, unit }, calendar)) - 1 + 8 * 3600_000).toISOString().slice(0, 10);
}

describe('a year without a State Council notice (2027)', () => {
  it('keeps 除夕 to 初三 off: 10 working days from Mon 2027-02-01 end on Wed 02-17, not 02-15', () => {
    // Given an event on 2027-02-01 and a 10-working-day period; 除夕 is Fri 02-05, 初三 Mon 02-08
    // When the deadline is computed
    // Then 02-02..04 (3), 02-09..12 (7), 02-15..17 (10) are counted: the 8th of February is skipped
    expect(dueDay('2027-02-01T10:00:00+08:00', 10, 'wd')).toBe('2027-02-17');
    for (const day of ['2027-02-05', '2027-02-08']) expect(calendar.isWorkingDay(day)).toBe(false);
  });

  it('moves a 3-month deadline from 2026-10-01 off 元旦 2027 to the next working day, Mon 01-04', () => {
    expect(dueDay('2026-10-01T09:00:00+08:00', 3, 'm')).toBe('2027-01-04');
  });

  it('keeps 国庆 (Oct 1–3), 中秋 (Sep 15), 端午 (Jun 9) and 清明 (Apr 5) off, and 劳动节 (May 1–2) when on weekdays', () => {
    for (const day of ['2027-10-01', '2027-09-15', '2027-06-09', '2027-04-05']) {
      expect({ day, working: calendar.isWorkingDay(day) }).toEqual({ day, working: false });
    }
    // Fri 10-01 is a holiday, Sat 10-02 and Sun 10-03 are off twice over; Mon 10-04 is worked
    // (the bridge days a notice may add cannot be computed).
    expect(calendar.isWorkingDay('2027-10-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-09-14')).toBe(true);
    // 2027's May 1–2 is a weekend; in 2028 they are Monday and Tuesday.
    expect(['2028-05-01', '2028-05-02', '2028-05-03'].map((d) => calendar.isWorkingDay(d))).toEqual([false, false, true]);
  });

  it('still keeps the plain weekend off and the plain weekday on', () => {
    expect(calendar.isWorkingDay('2027-03-06')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2027-03-08')).toBe(true); // Monday
  });

  it('says its answers are provisional, while 2026 (in the notices) is official', () => {
    expect(calendar.provenance('2027-02-05')).toBe('provisional');
    expect(calendar.provenance('2027-03-08')).toBe('provisional');
    expect(calendar.provenance('2026-12-31')).toBe('official');
    expect(calendar.provenance('2026-02-16')).toBe('official');
  });

  it('says whether a deadline’s span crossed a provisional day', () => {
    expect(calendar.anyProvisional('2026-10-01', '2027-01-04')).toBe(true);
    expect(calendar.anyProvisional('2027-01-04', '2026-10-01')).toBe(true); // either order
    expect(calendar.anyProvisional('2026-03-01', '2026-12-31')).toBe(false);
  });
});

describe('years in the notices', () => {
  it('answer every day 2004–2026 exactly as the package’s notices and the week did before', () => {
    for (let year = 2004; year <= 2026; year++) {
      const differing = daysOf(year).filter((d) => calendar.isWorkingDay(d) !== packageOrWeek(d));
      expect({ year, differing }).toEqual({ year, differing: [] });
      expect(daysOf(year).every((d) => calendar.provenance(d) === 'official')).toBe(true);
    }
  });
});

describe('an office that loads the 2027 notice', () => {
  // An invented notice, not the real one: it differs from the computed days in every way a notice can.
  const notice = createWorkingCalendar({
    years: {
      '2027': {
        holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
        workdays: ['2027-02-20'],
      },
    },
  });

  it('gets exactly the notice: its bridge days off, its 调休 Saturday worked, no computed day', () => {
    expect(notice.isWorkingDay('2027-02-10')).toBe(false); // bridge day from the notice
    expect(notice.isWorkingDay('2027-02-20')).toBe(true); // Saturday, worked
    expect(notice.isWorkingDay('2027-10-01')).toBe(true); // not in this notice, so the week: a Friday
    expect(notice.isWorkingDay('2027-02-13')).toBe(false); // plain Saturday
  });

  it('makes 2027 official', () => {
    expect(notice.knowsYear(2027)).toBe(true);
    expect(notice.provenance('2027-06-09')).toBe('official');
    expect(notice.anyProvisional('2026-10-01', '2027-12-31')).toBe(false);
    expect(notice.anyProvisional('2026-10-01', '2028-01-03')).toBe(true);
  });
});

describe('years that can be neither looked up nor computed', () => {
  it('stop the calendar’s creation with a message naming them', () => {
    expect(() => createWorkingCalendar(undefined, { years: { first: 2000, last: 2101 } })).toThrow(
      /no official holidays for 2100, 2101, and statutory holidays can only be computed for 1901–2099; load that year's notice with CALENDAR_OVERRIDES_PATH/,
    );
  });

  it('are accepted once their notice is loaded', () => {
    const with2100 = createWorkingCalendar({ years: { '2100': { holidays: ['2100-01-01'], workdays: [] } } }, { years: { first: 2000, last: 2100 } });
    expect(with2100.isWorkingDay('2100-01-01')).toBe(false);
    expect(with2100.provenance('2100-01-04')).toBe('official');
  });

  it('are refused by date when malformed, and far years (old data only) keep the fixed-date holidays, provisionally', () => {
    expect(() => calendar.isWorkingDay('2027-02-30')).toThrow(/not a YYYY-MM-DD date: 2027-02-30/);
    // A commitment due at the end of 9999 (kept from before due dates were bounded) still gets a
    // reminder day: the week and 元旦/劳动节/国庆, never the plain week, and marked provisional.
    expect(calendar.isWorkingDay('9999-10-01')).toBe(false); // Friday, 国庆
    expect(calendar.isWorkingDay('9999-10-04')).toBe(true); // Monday
    expect(calendar.provenance('2150-01-01')).toBe('provisional');
    expect(calendar.anyProvisional('2026-01-01', '9999-12-30')).toBe(true);
    expect(subtractPeriod('9999-12-30T16:00:00.000Z', { amount: 3, unit: 'wd' }, calendar)).toBe('9999-12-27T16:00:00.000Z');
  });

  it('cover everything the service answers by default (2000–2099)', () => {
    expect(() => createWorkingCalendar()).not.toThrow();
    expect(calendar.isWorkingDay('2000-01-03')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2099-12-31')).toBe(true); // Thursday
  });
});
