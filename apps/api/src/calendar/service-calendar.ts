import { upcast, type Actor } from '@duban/domain';
import type { EventStore } from '@duban/event-store';
import { loadCalendarOverrides } from '../infrastructure/load-calendar';
import { CALENDAR_NOTICES_ID, CALENDAR_STREAM, type CalendarNoticesState, type CalendarStreamEvent } from './calendar-stream';
import { LiveWorkingCalendar } from './live-working-calendar';

/**
 * The holiday notices admins loaded into the service (POST /api/calendar/overrides), folded from
 * their stream: the same days whoever reads them (the service at start, the offline rebuild).
 */
export async function loadedCalendarNotices(store: EventStore): Promise<CalendarNoticesState> {
  const recorded = await store.readStream(CALENDAR_STREAM.streamId(CALENDAR_NOTICES_ID));
  let notices: CalendarNoticesState = CALENDAR_STREAM.decider.initialState();
  for (const stored of recorded) {
    const event = upcast(stored);
    notices = CALENDAR_STREAM.decider.evolve(notices, {
      type: event.type,
      data: event.data,
      at: event.metadata.occurredAt,
      by: event.metadata.actor,
    } as CalendarStreamEvent & { at: string; by: Actor });
  }
  return notices;
}

/**
 * The working calendar the running service computes with: the operator's override file, then every
 * notice loaded through the API. The offline rebuild (`npm run rebuild`) uses this too, so the due
 * levels, provisional marks and scheduler wake-ups it writes are the ones the service shows, not
 * those of a calendar that forgot the uploaded notices.
 */
export async function loadServiceCalendar(store: EventStore, overridesPath: string | undefined): Promise<LiveWorkingCalendar> {
  const calendar = new LiveWorkingCalendar(loadCalendarOverrides(overridesPath));
  const notices = await loadedCalendarNotices(store);
  if (Object.keys(notices.years).length > 0) calendar.apply(notices);
  return calendar;
}
