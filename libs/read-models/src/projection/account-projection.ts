import { AccountEvent, assertNever, SESSION_ENDING_EVENTS, UNIT_STREAM_PREFIX, USER_STREAM_PREFIX } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';
import { AccountWriter } from './account-writer';
import type { UnitNames } from './unit-names';

/**
 * Users and units as the lists and pickers show them, and what the api needs to refuse ended
 * sessions (active, the revision sessions are valid from, signed-out token ids). Password hashes
 * never leave the user stream.
 */
export class AccountProjection {
  constructor(
    private readonly writer: AccountWriter,
    private readonly unitNames?: UnitNames,
  ) {}

  apply(recorded: RecordedEvent): void {
    const event = { type: recorded.type, data: recorded.data } as AccountEvent;
    const userId = recorded.streamId.slice(USER_STREAM_PREFIX.length);
    if (SESSION_ENDING_EVENTS.includes(event.type)) this.writer.endSessionsBefore(userId, Number(recorded.revision));
    switch (event.type) {
      case 'UnitRegistered':
        this.writer.upsertUnit(event.data.unitId, event.data.name);
        this.unitNames?.set(event.data.unitId, event.data.name, recorded.position);
        return;
      case 'UnitRenamed': {
        // Lists and views join the name at query time, so renaming the row renames it everywhere.
        const unitId = recorded.streamId.slice(UNIT_STREAM_PREFIX.length);
        this.writer.renameUnit(unitId, event.data.name);
        this.unitNames?.set(unitId, event.data.name);
        return;
      }
      case 'UserRegistered':
        this.writer.upsertUser(
          event.data.userId,
          event.data.displayName,
          event.data.role,
          event.data.unitId ?? null,
          event.data.delegationId ?? null,
          event.data.phone ?? null,
        );
        return;
      case 'UserDelegationChanged':
        this.writer.setDelegation(userId, event.data.delegationId ?? null);
        return;
      case 'UserMovedToUnit':
        this.writer.setUnit(userId, event.data.unitId);
        return;
      case 'UserPhoneChanged':
        this.writer.setPhone(userId, event.data.phone ?? null);
        return;
      case 'PasswordChanged':
        return;
      case 'UserDeactivated':
        this.writer.setActive(userId, false);
        return;
      case 'UserReactivated':
        this.writer.setActive(userId, true);
        return;
      case 'UserRoleChanged':
        this.writer.setRole(userId, event.data.role, event.data.unitId ?? null);
        return;
      case 'SessionEnded':
        this.writer.endSession(userId, event.data.jti, event.data.expiresAt, occurredAt(recorded));
        return;
      default:
        // Only the type: an unknown account event may carry a password hash.
        return assertNever((event as { type: never }).type, `account event type in ${recorded.streamId}`);
    }
  }

  static handles(streamId: string): boolean {
    return streamId.startsWith(USER_STREAM_PREFIX) || streamId.startsWith(UNIT_STREAM_PREFIX);
  }
}

function occurredAt(recorded: RecordedEvent): string {
  const at = (recorded.metadata as { occurredAt?: unknown } | undefined)?.occurredAt;
  return typeof at === 'string' ? at : '';
}
