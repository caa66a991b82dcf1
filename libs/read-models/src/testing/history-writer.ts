import { randomUUID } from 'node:crypto';
import {
  AccountEvent,
  Actor,
  createWorkingCalendar,
  foldSuggestion,
  getRulebook,
  Role,
  type Rulebook,
  SuggestionCommand,
  SuggestionEvent,
  suggestionDecider,
  suggestionStreamId,
  unitStreamId,
  userStreamId,
  type EventMetadata,
  type Stamped,
  type SuggestionState,
} from '@duban/domain';
import type { AppendResult, EventStore, NewEvent, RecordedEvent } from '@duban/event-store';
import { inboxStreamId, type NotificationsReadEvent } from '../inbox/inbox-stream';

const rulebook = getRulebook('national');
const calendar = createWorkingCalendar();

export function stamp(event: RecordedEvent): Stamped<SuggestionEvent> {
  return { type: event.type, data: event.data, at: event.metadata.occurredAt, by: event.metadata.actor } as Stamped<SuggestionEvent>;
}

/**
 * Writes histories the way the api does: read the stream, fold, decide with the real domain
 * rules, append at the read revision. Tests get the events a real service would store.
 */
export class HistoryWriter {
  constructor(
    readonly store: EventStore,
    /** The rules the commands are decided by (a jurisdiction's preset; national by default). */
    private readonly rules: Rulebook = rulebook,
  ) {}

  async command(suggestionId: string, actor: Actor, at: string, command: SuggestionCommand): Promise<AppendResult> {
    const streamId = suggestionStreamId(suggestionId);
    const recorded = await this.store.readStream(streamId);
    const state = foldSuggestion(recorded.map(stamp));
    const events = suggestionDecider.decide(command, state, { now: at, actor, rulebook: this.rules, calendar });
    return this.store.appendToStream(
      streamId,
      events.map((event) => withMetadata(event, actor, at)),
      { expectedRevision: recorded.length === 0 ? 'no_stream' : BigInt(recorded.length - 1) },
    );
  }

  submit(id: string, deputy: Actor, at: string, title: string, content: string, coSignerIds: string[] = []): Promise<AppendResult> {
    return this.command(id, deputy, at, { type: 'SubmitSuggestion', data: { suggestionId: id, title, content, coSignerIds } });
  }

  async state(suggestionId: string): Promise<{ state: SuggestionState; revision: number }> {
    const recorded = await this.store.readStream(suggestionStreamId(suggestionId));
    return { state: foldSuggestion(recorded.map(stamp)), revision: recorded.length - 1 };
  }

  registerUnit(unitId: string, name: string, at: string): Promise<AppendResult> {
    return this.account(unitStreamId(unitId), { type: 'UnitRegistered', data: { unitId, name } }, at);
  }

  registerUser(userId: string, displayName: string, role: Role, at: string, unitId?: string): Promise<AppendResult> {
    const data = { userId, displayName, role, passwordHash: `scrypt$16384$8$1$c2FsdA==$${userId}`, ...(unitId ? { unitId } : {}) };
    return this.account(userStreamId(userId), { type: 'UserRegistered', data }, at);
  }

  changePassword(userId: string, at: string): Promise<AppendResult> {
    return this.account(userStreamId(userId), { type: 'PasswordChanged', data: { passwordHash: 'scrypt$16384$8$1$bmV3$changed' } }, at);
  }

  /** As the api records read marks: appended to the person's inbox stream, any revision. */
  markRead(reader: Actor, notificationIds: string[], at: string): Promise<AppendResult> {
    const event: NotificationsReadEvent = { type: 'NotificationsRead', data: { notificationIds } };
    return this.store.appendToStream(inboxStreamId(reader.userId), [withMetadata(event, reader, at)], { expectedRevision: 'any' });
  }

  private account(streamId: string, event: AccountEvent, at: string): Promise<AppendResult> {
    const admin: Actor = { userId: 'admin', role: 'admin' };
    return this.store.appendToStream(streamId, [withMetadata(event, admin, at)]);
  }
}

function withMetadata(event: { type: string; data: unknown }, actor: Actor, at: string): NewEvent {
  const metadata: EventMetadata = {
    eventId: randomUUID(),
    actor,
    occurredAt: at,
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
  };
  return { type: event.type, data: event.data, metadata };
}
