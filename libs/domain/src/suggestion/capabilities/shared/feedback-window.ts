import { instantMs } from '../../../calendar/local-date';
import { WorkingCalendar } from '../../../calendar/working-calendar';
import { dueAt } from '../../../rulebook/periods';
import { Rulebook } from '../../../rulebook/rulebook';

type FeedbackRules = Pick<Rulebook, 'feedbackWithin' | 'feedbackFrom' | 'deemedReceivedWithin'>;

/**
 * The end of the deputy's feedback window for answers that completed a round at `answeredAt`.
 *
 * Where the preset counts from the answer, `feedbackWithin` from it. Where it counts from the
 * deputy's receipt (北京 第二十三条, 河南 第二十二条, 重庆 第二十七条), from `deliveredAt` (the deputy
 * first opened the answer) — but never later than from the day the answer counts as received
 * anyway (`deemedReceivedWithin` after it), so a window always ends even if it is never opened.
 */
export function feedbackWindowEnd(answeredAt: string, deliveredAt: string | undefined, rulebook: FeedbackRules, calendar: WorkingCalendar): string {
  if (rulebook.feedbackFrom !== 'receipt') return dueAt(answeredAt, rulebook.feedbackWithin, calendar);
  const deemed = deemedReceipt(answeredAt, rulebook, calendar);
  const received = deliveredAt !== undefined && instantMs(deliveredAt) < instantMs(deemed) ? deliveredAt : deemed;
  return dueAt(received, rulebook.feedbackWithin, calendar);
}

/** The last instant of the day the answer counts as received (24:00 would read as the next day). */
function deemedReceipt(answeredAt: string, rulebook: FeedbackRules, calendar: WorkingCalendar): string {
  return new Date(instantMs(dueAt(answeredAt, rulebook.deemedReceivedWithin, calendar)) - 1).toISOString();
}
