import type { RecordedEvent } from '@duban/event-store';

/**
 * An event the projector has applied and committed, as its `applied$` publishes it: the stored
 * event, and for a suggestion event its id and who may see it now (the live stream's filter:
 * staff, supervisors and admins see every suggestion; deputies their own; units what they were
 * ever assigned). An inbox event (read marks) concerns only the person of its stream.
 */
export type AppliedEvent = RecordedEvent & {
  suggestionId?: string;
  visibleTo?: { deputyIds: string[]; unitIds: string[] };
};
