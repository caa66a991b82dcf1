import { SUGGESTION_STREAM_PREFIX, type Actor } from '@duban/domain';
import { formatPosition } from '@duban/event-store';
import type { AppliedEvent } from '@duban/read-models';

/** What the live stream tells a client: something it may see changed; it re-reads what it shows. */
export interface LiveChange {
  type: string;
  /** Absent for changes of the person's own inbox (read marks). */
  suggestionId?: string;
  revision: number;
  position: string;
}

export function suggestionIdOf(event: AppliedEvent): string | null {
  if (event.suggestionId !== undefined) return event.suggestionId;
  return event.streamId.startsWith(SUGGESTION_STREAM_PREFIX) ? event.streamId.slice(SUGGESTION_STREAM_PREFIX.length) : null;
}

/**
 * Whether the viewer may see a suggestion event, from the parties the projector published with it
 * (staff, supervisors and admins see everything; a deputy what they signed; a unit what it was
 * assigned), or null when the event came without them and the read model must be asked.
 */
export function visibleFromEvent(event: AppliedEvent, viewer: Actor): boolean | null {
  if (viewer.role === 'staff' || viewer.role === 'supervisor' || viewer.role === 'admin' || viewer.role === 'system') return true;
  if (!event.visibleTo) return null;
  if (viewer.role === 'deputy') return event.visibleTo.deputyIds.includes(viewer.userId);
  return viewer.unitId !== undefined && event.visibleTo.unitIds.includes(viewer.unitId);
}

export function toLiveChange(event: AppliedEvent, suggestionId: string | null): LiveChange {
  const change: LiveChange = { type: event.type, revision: Number(event.revision), position: formatPosition(event.position) };
  if (suggestionId !== null) change.suggestionId = suggestionId;
  return change;
}
