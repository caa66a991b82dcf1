import type { MessageEvent } from '@nestjs/common';
import { merge, MonoTypeOperatorFunction, take, takeUntil, timer } from 'rxjs';
import type { Session } from '../../auth/sessions/session';
import type { SessionRegistry } from '../../auth/sessions/session-registry';

/**
 * Ends a live stream when its token would no longer be accepted: at the token's expiry, or the
 * moment the session is signed out or ended by a password, role or active change. The guard
 * checked the token once, at connect; an open stream would otherwise outlive it for hours.
 * Completing the observable ends the response; the browser's EventSource then reconnects and
 * gets its 401.
 */
export function untilSessionEnds(session: Session, sessions: SessionRegistry): MonoTypeOperatorFunction<MessageEvent> {
  // setTimeout fires at once beyond 2^31-1 ms: a very long token gets its stream closed after ~24 days instead.
  const expiry = timer(Math.min(Math.max(0, session.expiresAtMs - Date.now()), 2 ** 31 - 1));
  return takeUntil(merge(expiry, sessions.ended(session)).pipe(take(1)));
}
