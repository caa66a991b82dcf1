import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@duban/event-store';
import { newEventMetadata } from '../../apps/api/src/events/new-event-metadata';

/**
 * A typical small event (a unit logging its contact with the deputy: ~400 bytes stored with its
 * metadata). Its metadata comes from the api's own newEventMetadata, so the event ids have the
 * form the api gives them (their order decides how an index on them grows).
 */
export function contactEvent(unitId = 'u001'): NewEvent {
  const request = randomUUID();
  return {
    type: 'DeputyContacted',
    data: { unitId, method: '电话', summary: '与代表电话沟通办理思路，听取代表对办理工作的具体意见，代表表示认可' },
    metadata: newEventMetadata({ userId: 'unit001', role: 'unit', unitId }, new Date().toISOString(), request, request),
  };
}
