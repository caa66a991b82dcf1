import { AuthUser, toActor } from '../auth/auth-user';
import type { RequestIds } from '../http/correlation';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import type { AccountRequest } from './account-commands.service';

/** Who asks, with the request's ids and Idempotency-Key, for an account command. */
export function accountRequest(user: AuthUser, ids: RequestIds, idempotency: IdempotencyRequest | undefined): AccountRequest {
  const base = { actor: toActor(user), correlationId: ids.correlationId, causationId: ids.requestId };
  return idempotency ? { ...base, idempotency } : base;
}
