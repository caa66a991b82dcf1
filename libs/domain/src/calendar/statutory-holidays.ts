import { getLunarDate, getSolarTermDate } from 'chinese-days';
import { addDays } from './local-date';
import { LocalDate } from './working-calendar';

/**
 * Years whose statutory holidays can be computed. chinese-days' lunar table runs from lunar 1900
 * to 2100, but 1900 has no lunar eve (the table starts on its new year's day) and its solar-term
 * formula reads 2100 as year 0 of the 21st century, one day off for 清明; hence 1901–2099.
 */
export const COMPUTABLE_YEARS = { first: 1901, last: 2099 } as const;

/** One statutory holiday of a year, as 《全国年节及纪念日放假办法》 (2024 revision) names it. */
export interface StatutoryHoliday {
  name: '元旦' | '春节' | '清明节' | '劳动节' | '端午节' | '中秋节' | '国庆节';
  date: LocalDate;
}

export function canComputeYear(year: number): boolean {
  return Number.isInteger(year) && year >= COMPUTABLE_YEARS.first && year <= COMPUTABLE_YEARS.last;
}

/**
 * The statutory days off of a year, without the State Council's yearly notice: 元旦 1 day,
 * 春节 除夕 to 初三, 清明 (the solar term's day), 劳动节 May 1–2, 端午 (lunar 5/5), 中秋 (lunar 8/15),
 * 国庆 Oct 1–3. The notice adds bridge days and 调休 make-up working days, which no rule fixes,
 * so a year computed here is provisional until its notice arrives. Sorted by date; a day that
 * carries two holidays (中秋 on 国庆, as in 2028) is listed under both.
 */
export function computeStatutoryHolidays(year: number): StatutoryHoliday[] {
  if (!canComputeYear(year)) {
    throw new Error(
      `statutory holidays of ${year} cannot be computed: the lunar calendar covers ${COMPUTABLE_YEARS.first}–${COMPUTABLE_YEARS.last}`,
    );
  }
  const lunar = lunarHolidays(year);
  const days: StatutoryHoliday[] = [
    ...fixedDateHolidays(year),
    ...[-1, 0, 1, 2].map((offset) => ({ name: '春节' as const, date: addDays(lunar.newYear, offset) })),
    { name: '清明节', date: qingming(year) },
    { name: '端午节', date: lunar.dragonBoat },
    { name: '中秋节', date: lunar.midAutumn },
  ];
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The statutory days that need no lunar calendar: 元旦, 劳动节 May 1–2, 国庆 Oct 1–3. All that can
 * be said of a year outside COMPUTABLE_YEARS (a due time far beyond anything the service accepts,
 * kept from old data, still needs a reminder day that nobody will reach).
 */
export function fixedDateHolidays(year: number): StatutoryHoliday[] {
  const y = String(year).padStart(4, '0');
  return [
    { name: '元旦', date: `${y}-01-01` },
    { name: '劳动节', date: `${y}-05-01` },
    { name: '劳动节', date: `${y}-05-02` },
    { name: '国庆节', date: `${y}-10-01` },
    { name: '国庆节', date: `${y}-10-02` },
    { name: '国庆节', date: `${y}-10-03` },
  ];
}

/**
 * Where each lunar festival can fall (1901–2099: new year Jan 21–Feb 20, 端午 May 27–Jun 26,
 * 中秋 Sep 7–Oct 8), with margin; only these days are converted, a third of the year.
 */
const LUNAR_WINDOWS = [
  { from: '01-15', to: '02-25' },
  { from: '05-20', to: '07-05' },
  { from: '08-30', to: '10-15' },
] as const;

/**
 * Lunar new year's day, 端午 and 中秋 falling in the Gregorian `year`, found by converting the
 * days where they can fall. getLunarDate counts whole days from a fixed UTC instant, so its lunar
 * month and day do not depend on the machine's time zone (its `date` field does; never read).
 */
function lunarHolidays(year: number): { newYear: LocalDate; dragonBoat: LocalDate; midAutumn: LocalDate } {
  let newYear: LocalDate | undefined;
  let dragonBoat: LocalDate | undefined;
  let midAutumn: LocalDate | undefined;
  for (const window of LUNAR_WINDOWS) {
    for (let date: LocalDate = `${year}-${window.from}`; date <= `${year}-${window.to}`; date = addDays(date, 1)) {
      const lunar = getLunarDate(date);
      if (lunar.isLeap) continue; // a leap fifth or eighth month repeats the month; the festival is in the first
      if (lunar.lunarMon === 1 && lunar.lunarDay === 1) newYear = date;
      else if (lunar.lunarMon === 5 && lunar.lunarDay === 5) dragonBoat = date;
      else if (lunar.lunarMon === 8 && lunar.lunarDay === 15) midAutumn = date;
    }
  }
  // Lunar new year never comes before Jan 21, so its eve and third day stay in `year`.
  if (!newYear || !dragonBoat || !midAutumn) {
    throw new Error(`the lunar calendar gave no complete year for ${year} (new year ${newYear}, 端午 ${dragonBoat}, 中秋 ${midAutumn})`);
  }
  return { newYear, dragonBoat, midAutumn };
}

/**
 * The day of the 清明 solar term. getSolarTermDate builds the day at 00:00 UTC and prints it with
 * the machine's local getters, so west of UTC it prints the day before: undo that here.
 */
function qingming(year: number): LocalDate {
  const printed = getSolarTermDate(year, 4, 'pure_brightness');
  const westOfUtc = new Date(Date.UTC(year, 3, 5)).getTimezoneOffset() > 0;
  const date = westOfUtc ? addDays(printed, 1) : printed;
  if (date < `${year}-04-04` || date > `${year}-04-06`) {
    throw new Error(`the solar-term formula put 清明 ${year} on ${date}, outside April 4–6`);
  }
  return date;
}
