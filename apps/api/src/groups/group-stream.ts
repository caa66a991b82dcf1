import type { RecordedEvent } from '@duban/event-store';

/**
 * A group's own stream, `group-<groupId>`. Its first event is the claim on the group (appended
 * with the revision read, `no_stream` the first time), so two creations of one group cannot both
 * proceed; the members are then taken one by one, and the group counts as existing only once
 * `GroupFormed` follows. A creation that loses a member records `GroupDissolved` after releasing
 * the members it took, and the group id may be claimed again.
 */
export type GroupStreamEvent =
  | { type: 'GroupFormationStarted'; data: { groupId: string; primarySuggestionId: string; memberIds: string[] } }
  | { type: 'GroupFormed'; data: { groupId: string } }
  | { type: 'GroupDissolved'; data: { groupId: string; reason: string } };

export const GROUP_STREAM_PREFIX = 'group-';
export const groupStreamId = (groupId: string): string => `${GROUP_STREAM_PREFIX}${groupId}`;

export type GroupRecord =
  | { status: 'none'; expectedRevision: 'no_stream' }
  | { status: 'dissolved'; expectedRevision: bigint }
  | {
      status: 'forming' | 'formed';
      expectedRevision: bigint;
      primarySuggestionId: string;
      memberIds: string[];
      /** When the current formation began: a formation left unfinished by a crash is recovered after a while. */
      startedAt: string;
    };

/** The group's current formation, from its stream (events of other types are ignored). */
export function foldGroupStream(recorded: readonly RecordedEvent[]): GroupRecord {
  let record: GroupRecord = { status: 'none', expectedRevision: 'no_stream' };
  for (const event of recorded) {
    const revision = event.revision;
    switch (event.type) {
      case 'GroupFormationStarted': {
        const data = event.data as Extract<GroupStreamEvent, { type: 'GroupFormationStarted' }>['data'];
        record = {
          status: 'forming',
          expectedRevision: revision,
          primarySuggestionId: data.primarySuggestionId,
          memberIds: [...data.memberIds],
          startedAt: event.metadata.occurredAt,
        };
        break;
      }
      case 'GroupFormed': {
        const current = record as GroupRecord;
        if (current.status === 'forming') record = { ...current, status: 'formed', expectedRevision: revision };
        break;
      }
      case 'GroupDissolved':
        record = { status: 'dissolved', expectedRevision: revision };
        break;
      default:
        record = { ...record, expectedRevision: revision } as GroupRecord;
    }
  }
  return record;
}
