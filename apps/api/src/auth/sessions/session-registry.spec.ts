import { openReadModelDatabase, type AppliedEvent, type Projector } from '@duban/read-models';
import { AccountWriter } from '@duban/read-models/projection/account-writer';
import { Subject } from 'rxjs';
import type { Session } from './session';
import { SessionRegistry } from './session-registry';

const HOUR = 3_600_000;
const session = (userId: string, jti: string, accountRevision: number, expiresAtMs = Date.now() + HOUR): Session => ({
  userId,
  jti,
  accountRevision,
  expiresAtMs,
});
const applied = (userId: string, revision: number, type: string, data: unknown = {}): AppliedEvent =>
  ({ streamId: `user-${userId}`, revision: BigInt(revision), type, data, metadata: {}, position: { commit: 1n, prepare: 1n } }) as unknown as AppliedEvent;

describe('SessionRegistry', () => {
  function start(prepare: (writer: AccountWriter) => void = () => undefined) {
    const { db } = openReadModelDatabase(':memory:');
    const writer = new AccountWriter(db);
    for (const id of ['d-li', 'd-wang']) writer.upsertUser(id, id, 'deputy', null);
    prepare(writer);
    const events = new Subject<AppliedEvent>();
    const registry = new SessionRegistry({ applied$: events, database: db } as unknown as Projector);
    registry.onModuleInit();
    return { registry, events };
  }

  it('loads ended sessions from the read model: tokens before the last session-ending revision and signed-out ids are refused', () => {
    const soon = new Date(Date.now() + HOUR).toISOString();
    const past = new Date(Date.now() - HOUR).toISOString();
    const { registry } = start((writer) => {
      writer.endSessionsBefore('d-li', 3);
      writer.endSession('d-wang', 'gone', soon, new Date().toISOString());
      writer.endSession('d-wang', 'old', past, new Date(Date.now() - 2 * HOUR).toISOString());
    });
    expect(registry.isValid(session('d-li', 'a', 2))).toBe(false);
    expect(registry.isValid(session('d-li', 'b', 3))).toBe(true);
    expect(registry.isValid(session('d-wang', 'gone', 0))).toBe(false);
    expect(registry.isValid(session('d-wang', 'other', 0))).toBe(true);
    expect(registry.isValid(session('d-wang', 'other', 0, Date.now() - 1))).toBe(false);
  });

  it('learns from applied events, only ever moving forward, and tells open streams whose session ended', () => {
    const { registry, events } = start();
    const open = session('d-li', 'stream-token', 1);
    const bystander = session('d-wang', 'w', 1);
    const endedOpen: string[] = [];
    const endedBystander: string[] = [];
    registry.ended(open).subscribe((id) => endedOpen.push(id));
    registry.ended(bystander).subscribe((id) => endedBystander.push(id));

    events.next(applied('d-li', 2, 'SessionEnded', { jti: 'someone-else', expiresAt: new Date(Date.now() + HOUR).toISOString() }));
    expect(endedOpen).toEqual([]);
    events.next(applied('d-li', 3, 'PasswordChanged', { passwordHash: 'x' }));
    expect(registry.isValid(open)).toBe(false);
    expect(endedOpen).toEqual(['d-li']);
    // The command path told it a later revision first; an older one arriving late changes nothing.
    registry.endSessionsBefore('d-li', 9);
    events.next(applied('d-li', 4, 'UserRoleChanged', { role: 'staff' }));
    expect(registry.isValid(session('d-li', 'x', 8))).toBe(false);
    expect(registry.isValid(session('d-li', 'x', 9))).toBe(true);
    expect(endedBystander).toEqual([]);
    expect(registry.isValid(bystander)).toBe(true);
  });
});
