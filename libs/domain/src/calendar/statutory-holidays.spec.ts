import chineseDays from 'chinese-days/dist/chinese-days.json';
import { getLunarDate, getSolarDateFromLunar } from 'chinese-days';
import { addDays, weekday } from './local-date';
import { computeStatutoryHolidays, StatutoryHoliday } from './statutory-holidays';

const notices = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

/** A day off by the State Council's notice (the package omits some weekend days inside a holiday, e.g. 2012-06-23). */
function officiallyOff(date: string): boolean {
  if (notices.workdays[date] !== undefined) return false;
  return notices.holidays[date] !== undefined || [0, 6].includes(weekday(date));
}

function datesOf(holidays: StatutoryHoliday[], name: StatutoryHoliday['name']): string[] {
  return holidays.filter((h) => h.name === name).map((h) => h.date);
}

/**
 * Lunar month/day → Gregorian date through the library's other conversion (it walks the lunar
 * table forwards from 1900, where the calendar converts each Gregorian day backwards). It reads a
 * Date with local getters, so it is given local midnight to work in any machine zone.
 */
function solarFromLunar(lunarYear: number, month: number, day: number): string {
  return getSolarDateFromLunar(new Date(lunarYear, month - 1, day)).date;
}

describe('computeStatutoryHolidays', () => {
  it('gives the 2027 days of 《全国年节及纪念日放假办法》 (checked by hand against the Hong Kong Observatory lunar table)', () => {
    // Given 2027, whose notice is not out: 除夕 is Fri 5 Feb, 正月初一 Sat 6 Feb, 清明 Mon 5 Apr,
    // 端午 Wed 9 Jun, 中秋 Wed 15 Sep.
    // When its statutory holidays are computed
    const days = computeStatutoryHolidays(2027);
    // Then they are the seven festivals' 13 days
    expect(days).toEqual([
      { name: '元旦', date: '2027-01-01' },
      { name: '春节', date: '2027-02-05' },
      { name: '春节', date: '2027-02-06' },
      { name: '春节', date: '2027-02-07' },
      { name: '春节', date: '2027-02-08' },
      { name: '清明节', date: '2027-04-05' },
      { name: '劳动节', date: '2027-05-01' },
      { name: '劳动节', date: '2027-05-02' },
      { name: '端午节', date: '2027-06-09' },
      { name: '中秋节', date: '2027-09-15' },
      { name: '国庆节', date: '2027-10-01' },
      { name: '国庆节', date: '2027-10-02' },
      { name: '国庆节', date: '2027-10-03' },
    ]);
  });

  it('puts 春节 on lunar new year’s eve to the third day, 2027–2035, as the library’s lunar→solar conversion has them', () => {
    for (let year = 2027; year <= 2035; year++) {
      // Given the library's own lunar new year's day of that year
      const newYear = solarFromLunar(year, 1, 1);
      // When the year is computed, then 春节 is its eve and the three days from it
      expect({ year, days: datesOf(computeStatutoryHolidays(year), '春节') }).toEqual({
        year,
        days: [addDays(newYear, -1), newYear, addDays(newYear, 1), addDays(newYear, 2)],
      });
      // and the eve is the last day of the twelfth lunar month (29th or 30th)
      const eve = getLunarDate(addDays(newYear, -1));
      expect([eve.lunarMon, eve.lunarDay >= 29]).toEqual([12, true]);
    }
  });

  it('puts 端午 and 中秋 on lunar 5/5 and 8/15 for every year the service answers, leap months included', () => {
    for (let year = 2000; year <= 2099; year++) {
      const days = computeStatutoryHolidays(year);
      expect({ year, dragonBoat: datesOf(days, '端午节'), midAutumn: datesOf(days, '中秋节') }).toEqual({
        year,
        dragonBoat: [solarFromLunar(year, 5, 5)],
        midAutumn: [solarFromLunar(year, 8, 15)],
      });
      const [qingming] = datesOf(days, '清明节');
      expect(qingming >= `${year}-04-04` && qingming <= `${year}-04-06`).toBe(true);
    }
  });

  it('agrees with the State Council notices of 2025 and 2026 (the 2024 rules): every computed day was a day off', () => {
    for (const year of [2025, 2026]) {
      const notOff = computeStatutoryHolidays(year).filter((h) => !officiallyOff(h.date));
      expect({ year, notOff }).toEqual({ year, notOff: [] });
    }
  });

  it('agrees with every notice since 2008 on the lunar and solar-term days (初一, 初二, 清明, 端午, 中秋)', () => {
    // Statutory in every year since the 2008 revision; the 2024 revision only added 除夕 and 初三's
    // status and a second 劳动节 day, so only these are comparable with older notices.
    for (let year = 2008; year <= 2026; year++) {
      const days = computeStatutoryHolidays(year);
      const comparable = [
        ...datesOf(days, '春节').slice(1, 3),
        ...datesOf(days, '清明节'),
        ...datesOf(days, '端午节'),
        ...datesOf(days, '中秋节'),
      ];
      expect({ year, notOff: comparable.filter((d) => !officiallyOff(d)) }).toEqual({ year, notOff: [] });
    }
  });

  it('lists a day carrying two festivals under both (中秋 2028 is 国庆’s third day)', () => {
    const days = computeStatutoryHolidays(2028).filter((h) => h.date === '2028-10-03');
    expect(days.map((h) => h.name).sort()).toEqual(['中秋节', '国庆节']);
  });

  it('refuses a year outside the lunar table instead of guessing', () => {
    expect(() => computeStatutoryHolidays(2100)).toThrow(/2100 cannot be computed: the lunar calendar covers 1901–2099/);
    expect(() => computeStatutoryHolidays(1900)).toThrow(/1900 cannot be computed/);
  });
});
