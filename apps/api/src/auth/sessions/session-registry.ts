import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { SESSION_ENDING_EVENTS, USER_STREAM_PREFIX, type AccountEvent } from '@duban/domain';
import type { AppliedEvent, Projector } from '@duban/read-models';
import { readAccountSessions } from '@duban/read-models/queries/account-session-queries';
import { filter, Observable, Subject, Subscription } from 'rxjs';
import { PROJECTOR } from '../../infrastructure/tokens';
import type { Session } from './session';

/** Beyond this many signed-out tokens, the expired ones are dropped. */
const PRUNE_AT = 1_000;

/**
 * Which sessions have ended, kept in memory so every request is checked with two map lookups:
 * per user, the revision of their stream's latest session-ending event (password change,
 * deactivation, role change: a token naming a lower revision was issued before it), and the ids
 * of signed-out tokens until they expire. Loaded from the read model at start and kept current
 * by the projector's applied events, so every replica learns what another one recorded; the
 * command path also tells it directly, so the replica that recorded a change refuses old tokens
 * the moment its answer is sent (before its projector has caught up).
 */
@Injectable()
export class SessionRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly validFrom = new Map<string, number>();
  private readonly signedOut = new Map<string, number>();
  private readonly changes = new Subject<string>();
  private subscription: Subscription | null = null;

  constructor(@Inject(PROJECTOR) private readonly projector: Projector) {}

  onModuleInit(): void {
    // Subscribed first: an event applied while the rows load is not lost (both updates only ever move forward).
    this.subscription = this.projector.applied$.subscribe({ next: (event) => this.learn(event), error: () => undefined });
    const now = Date.now();
    for (const row of readAccountSessions(this.projector.database)) {
      this.endSessionsBefore(row.userId, row.sessionsValidFrom);
      for (const ended of row.endedSessions) {
        const expiresAtMs = Date.parse(ended.expiresAt);
        if (expiresAtMs > now) this.signOut(row.userId, ended.jti, expiresAtMs);
      }
    }
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.changes.complete();
  }

  /** False once the session was signed out or a session-ending change came after its login. */
  isValid(session: Session, nowMs: number = Date.now()): boolean {
    if (nowMs >= session.expiresAtMs) return false;
    if (this.signedOut.has(session.jti)) return false;
    return session.accountRevision >= (this.validFrom.get(session.userId) ?? -1);
  }

  /** Tokens of `userId` that name a lower revision of the user stream than `revision` are refused from now on. */
  endSessionsBefore(userId: string, revision: number): void {
    if (revision <= (this.validFrom.get(userId) ?? -1)) return;
    this.validFrom.set(userId, revision);
    this.changes.next(userId);
  }

  signOut(userId: string, jti: string, expiresAtMs: number): void {
    if (this.signedOut.has(jti)) return;
    if (this.signedOut.size >= PRUNE_AT) this.dropExpired(Date.now());
    this.signedOut.set(jti, expiresAtMs);
    this.changes.next(userId);
  }

  /** Emits (once) when the session stops being valid by a change; its own expiry is for the caller's timer. */
  ended(session: Session): Observable<string> {
    return this.changes.pipe(filter((userId) => userId === session.userId && !this.isValid(session, 0)));
  }

  private learn(event: AppliedEvent): void {
    if (!event.streamId.startsWith(USER_STREAM_PREFIX)) return;
    const userId = event.streamId.slice(USER_STREAM_PREFIX.length);
    const type = event.type as AccountEvent['type'];
    if (SESSION_ENDING_EVENTS.includes(type)) this.endSessionsBefore(userId, Number(event.revision));
    else if (type === 'SessionEnded') {
      const data = event.data as Extract<AccountEvent, { type: 'SessionEnded' }>['data'];
      this.signOut(userId, data.jti, Date.parse(data.expiresAt));
    }
  }

  private dropExpired(nowMs: number): void {
    for (const [jti, expiresAtMs] of this.signedOut) if (expiresAtMs <= nowMs) this.signedOut.delete(jti);
  }
}
