import type { ObligationKind } from '../../deadlines/obligation';

/** The commands deadline-recording accepts and the events it records (composed into the suggestion's unions). */

/** What a deadline event says about the obligation it concerns (see `Obligation`). */
export interface DeadlineEventData {
  key: string;
  kind: ObligationKind;
  unitId?: string;
  commitmentId?: string;
  dueAt: string;
}

export type DeadlineRecordingCommand =
  /**
   * Scheduler only (actor role `system`): records the reminders and misses due at `ctx.now`.
   * Returns [] when nothing is due; running it twice at the same time records nothing the second time.
   */
  | { type: 'RecordDeadlines'; data: Record<string, never> };

export type DeadlineRecordingEvent =
  /** Recorded by the scheduler (actor `system`) once per obligation, `remindBefore` ahead of its due time. */
  | { type: 'DeadlineReminderRecorded'; data: DeadlineEventData }
  /** Recorded by the scheduler once, when an obligation is still open after its due time. */
  | { type: 'DeadlineMissed'; data: DeadlineEventData }
  /** The deputy's feedback window passed unrated: that unit's round counts as not rated (left out of satisfaction rates). */
  | { type: 'FeedbackWindowExpired'; data: { unitId: string; round: number } };
