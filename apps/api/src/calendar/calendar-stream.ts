import { CalendarOverrides, CalendarYearOverride, DomainError, assertNever, type DecisionContext } from '@duban/domain';
import { StreamCommand, pipelineHandler } from '../commands/stream-command';
import type { StreamKind } from '../commands/stream-kind';

/**
 * The official holiday notices loaded into the running service (admin upload), one stream
 * `calendar-notices`: kept as events so the calendar is the same after a restart, and the record
 * says who loaded which notice when. (The operator's override file is read at start as before.)
 */
export type CalendarStreamEvent = { type: 'CalendarNoticeLoaded'; data: { years: Record<string, CalendarYearOverride> } };
export type CalendarStreamCommand = { type: 'LoadCalendarNotice'; data: CalendarOverrides };
export type CalendarNoticesState = CalendarOverrides;

/** The one aggregate of the stream. */
export const CALENDAR_NOTICES_ID = 'notices';
export const CALENDAR_STREAM_PREFIX = 'calendar-';

function decideCalendar(command: CalendarStreamCommand, state: CalendarNoticesState, ctx: DecisionContext): CalendarStreamEvent[] {
  switch (command.type) {
    case 'LoadCalendarNotice': {
      if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'system') {
        throw new DomainError('calendar.only_admin', '只有系统管理员可以载入放假通知', 'forbidden');
      }
      // A year loaded again with the same days changes nothing: no event.
      const changed = Object.entries(command.data.years).filter(([year, days]) => !sameDays(state.years[year], days));
      return changed.length === 0 ? [] : [{ type: 'CalendarNoticeLoaded', data: { years: Object.fromEntries(changed) } }];
    }
    default:
      return assertNever(command.type, 'calendar command');
  }
}

function evolveCalendar(state: CalendarNoticesState, event: CalendarStreamEvent): CalendarNoticesState {
  if (event.type !== 'CalendarNoticeLoaded') return state;
  return { years: { ...state.years, ...event.data.years } };
}

function sameDays(a: CalendarYearOverride | undefined, b: CalendarYearOverride): boolean {
  const key = (y: CalendarYearOverride) => JSON.stringify([[...y.holidays].sort(), [...y.workdays].sort()]);
  return a !== undefined && key(a) === key(b);
}

export const CALENDAR_STREAM: StreamKind<CalendarNoticesState, CalendarStreamCommand, CalendarStreamEvent> = {
  name: 'calendar',
  decider: { initialState: () => ({ years: {} }), evolve: evolveCalendar, decide: decideCalendar },
  streamId: (id) => `${CALENDAR_STREAM_PREFIX}${id}`,
  exhausted: () => new DomainError('calendar.concurrent', '放假通知正在被另一位管理员载入，请稍后重试', 'conflict'),
};

export class RunCalendarCommand extends StreamCommand<CalendarNoticesState, CalendarStreamCommand> {}

export const RunCalendarHandler = pipelineHandler(RunCalendarCommand, CALENDAR_STREAM);
