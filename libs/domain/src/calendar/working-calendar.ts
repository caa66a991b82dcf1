/** A date on the Asia/Shanghai calendar, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * Where a day's answer comes from: `official` = the State Council's notice (the calendar package or
 * the operator's override file); `provisional` = the statutory holidays computed for a year whose
 * notice is not loaded yet (its bridge days and 调休 make-up working days are still unknown).
 */
export type CalendarProvenance = 'official' | 'provisional';

/**
 * The official working-day calendar (holidays and 调休 make-up working days).
 * Built from a maintained data package plus an override table for years it does not know yet;
 * a year in neither gets its statutory holidays computed (provisionally, never the plain week).
 * The domain only asks questions of it, it never loads anything itself.
 *
 * `provenance` and `anyProvisional` are optional so that wrappers and test doubles written before
 * them still fit; the calendar from createWorkingCalendar always has them, and a wrapper should
 * pass them through.
 */
export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** Whether the calendar has official data for this year (otherwise its statutory holidays are computed). */
  knowsYear(year: number): boolean;
  /** Whether the answer for this day is official or computed. */
  provenance?(date: LocalDate): CalendarProvenance;
  /**
   * Whether any day from `first` to `last` (inclusive, either order) is provisional.
   *
   * A deadline depends on every day between the day its period starts and its due day: a `wd`
   * period counts the working days in between, a `d`/`m` period moves off a holiday onto the next
   * working day. So `anyProvisional(startDay, dueDay)` says whether the deadline may move once
   * the notice for a computed year is loaded (a reminder: from the reminder day to the due day).
   * O(years spanned), not O(days).
   */
  anyProvisional?(first: LocalDate, last: LocalDate): boolean;
}

/** The calendar createWorkingCalendar builds: every member present. */
export type ProvenanceWorkingCalendar = Required<WorkingCalendar>;
