import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** All business time is Asia/Shanghai, whatever the browser's zone. */
export const ZONE = 'Asia/Shanghai';

export const inShanghai = (iso: string | Date): Dayjs => dayjs(iso).tz(ZONE);

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? inShanghai(iso).format('YYYY-MM-DD HH:mm') : '—';
}

/**
 * A due time ends at 24:00 of its last day, stored as 00:00 of the next; people expect to read the
 * last day itself, so show the date of the instant just before.
 */
export function formatDue(iso: string | null | undefined): string {
  if (!iso) return '—';
  return inShanghai(new Date(new Date(iso).getTime() - 1)).format('YYYY-MM-DD');
}

/** A day picked in a form → the instant its business day ends: 24:00 Asia/Shanghai. */
export function endOfDayIso(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DD'), ZONE).add(1, 'day').toISOString();
}
