import {
  CalendarOverrides,
  CalendarProvenance,
  createWorkingCalendar,
  EMPTY_CALENDAR_OVERRIDES,
  LocalDate,
  ProvenanceWorkingCalendar,
} from '@duban/domain';

/** Where a year's working days come from. */
export type CalendarYearSource = 'notice' | 'package' | 'computed';

/**
 * The service's working calendar, which an official notice loaded while it runs (the admin upload,
 * POST /api/calendar/overrides) can complete. Everything that holds the calendar (the command
 * pipeline, the projector's due levels, the queries) holds this object, so from the moment a notice
 * is applied every new deadline, due level and provisional mark follows it; the deadlines already
 * decided are moved by DeadlinesRecomputed (DeadlineRecomputeService).
 *
 * Notices are applied over the operator's override file; a year given again replaces the earlier one.
 */
export class LiveWorkingCalendar implements ProvenanceWorkingCalendar {
  private current: ProvenanceWorkingCalendar;
  private notices: CalendarOverrides;

  constructor(private readonly fileOverrides: CalendarOverrides = EMPTY_CALENDAR_OVERRIDES) {
    this.notices = { years: { ...fileOverrides.years } };
    this.current = createWorkingCalendar(this.notices);
  }

  /**
   * Applies notices; returns the years that were provisional before and are official now (whose
   * provisional deadlines may move). Throws, changing nothing, when the result is not a valid calendar.
   */
  apply(notice: CalendarOverrides): number[] {
    const years = { ...this.notices.years, ...notice.years };
    const next = createWorkingCalendar({ years });
    const newlyOfficial = Object.keys(notice.years)
      .map(Number)
      .filter((year) => !this.current.knowsYear(year));
    this.notices = { years };
    this.current = next;
    return newlyOfficial.sort((a, b) => a - b);
  }

  /** The overrides in force (file and loaded notices). */
  overrides(): CalendarOverrides {
    return this.notices;
  }

  sourceOf(year: number): CalendarYearSource {
    if (this.notices.years[String(year)]) return 'notice';
    return this.current.knowsYear(year) ? 'package' : 'computed';
  }

  /** Whether the year came from the operator's file (not from an upload). */
  inFile(year: number): boolean {
    return this.fileOverrides.years[String(year)] !== undefined;
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.current.isWorkingDay(date);
  }

  knowsYear(year: number): boolean {
    return this.current.knowsYear(year);
  }

  provenance(date: LocalDate): CalendarProvenance {
    return this.current.provenance(date);
  }

  anyProvisional(first: LocalDate, last: LocalDate): boolean {
    return this.current.anyProvisional(first, last);
  }
}
