import { request } from './client';

/** `GET /api/calendar` (apps/api's CalendarStatusDoc): where each year's working days come from. */
export interface CalendarYear {
  year: number;
  source: 'notice' | 'package' | 'computed';
  provisional: boolean;
  holidayCount: number;
  workdayCount: number;
}

/** `POST /api/calendar/overrides`' answer (CalendarUploadResultDoc). */
export interface CalendarUploadResult {
  loaded: number[];
  nowOfficial: number[];
  checked: number;
  changed: number;
  deadlinesMoved: number;
  failed: number;
}

export interface CalendarNotice {
  years: Record<string, { holidays: string[]; workdays: string[] }>;
}

export const fetchCalendar = (): Promise<{ years: CalendarYear[] }> => request('/api/calendar');

export const uploadCalendarNotice = (notice: CalendarNotice): Promise<CalendarUploadResult> =>
  request('/api/calendar/overrides', { method: 'POST', body: notice });
