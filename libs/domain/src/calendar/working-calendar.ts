/** A date on the Asia/Shanghai calendar, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * The official working-day calendar (holidays and 调休 make-up working days).
 * Built from a maintained data package plus an override table for years it does not know yet;
 * the domain only asks questions of it, it never loads anything itself.
 */
export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** Whether the calendar has official data for this year (otherwise weekends only). */
  knowsYear(year: number): boolean;
}
