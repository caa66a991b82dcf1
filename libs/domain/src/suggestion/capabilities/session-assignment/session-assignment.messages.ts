/** The commands session-assignment accepts and the events it records (composed into the suggestion's unions). */

export type SessionAssignmentCommand =
  /** The 交办 date of the suggestion's congress session was set: staff (or the api for them) re-date a registered suggestion. */
  | { type: 'ScheduleAssignment'; data: { assignOn: string } };

export type SessionAssignmentEvent =
  /** A registered congress-session suggestion is due for assignment on its session's 交办 date (set after 立案). */
  | { type: 'AssignmentScheduled'; data: { assignOn: string; assignDueAt: string } };
