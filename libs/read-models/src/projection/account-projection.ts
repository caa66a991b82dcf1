import { AccountEvent, assertNever, UNIT_STREAM_PREFIX, USER_STREAM_PREFIX } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';
import { AccountWriter } from './account-writer';
import type { UnitNames } from './unit-names';

/** Users and units as the lists and pickers show them. Password hashes never leave the user stream. */
export class AccountProjection {
  constructor(
    private readonly writer: AccountWriter,
    private readonly unitNames?: UnitNames,
  ) {}

  apply(recorded: RecordedEvent): void {
    const event = { type: recorded.type, data: recorded.data } as AccountEvent;
    switch (event.type) {
      case 'UnitRegistered':
        this.writer.upsertUnit(event.data.unitId, event.data.name);
        this.unitNames?.set(event.data.unitId, event.data.name);
        return;
      case 'UserRegistered':
        this.writer.upsertUser(event.data.userId, event.data.displayName, event.data.role, event.data.unitId ?? null);
        return;
      case 'PasswordChanged':
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
