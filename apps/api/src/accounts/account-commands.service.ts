import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import {
  AccountContext,
  AccountEvent,
  Actor,
  DomainError,
  Stamped,
  Role,
  UnitCommand,
  UnitState,
  UserCommand,
  UserState,
  decideUnit,
  decideUser,
  unitDecider,
  unitStreamId,
  userDecider,
  userStreamId,
} from '@duban/domain';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError, formatPosition } from '@duban/event-store';
import { hashPassword } from '../auth/password-hasher';
import { Clock } from '../clock/clock';
import { newEventMetadata } from '../events/new-event-metadata';
import { stamp } from '../events/stamp';
import { SessionRegistry } from '../auth/sessions/session-registry';
import { findPriorOutcome } from '../idempotency/find-prior-outcome';
import { IdempotencyReservations } from '../idempotency/idempotency-reservations';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import { ApiMetrics } from '../observability/metrics/api-metrics';
import type { CommandOutcome } from '../suggestions/execution/execute-suggestion.command';
import { AccountDirectory } from './account-directory';

export interface AccountRequest {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** Decision time; only the first-start seeding sets it. */
  at?: string;
  /** From Idempotency-Key: a retry is answered with the first outcome. */
  idempotency?: IdempotencyRequest;
}

/** A unit or user stream's decider, with the narrower context accounts need (no rulebook, no calendar). */
interface AccountDecider<S, C> {
  initialState: () => S;
  evolve: (state: S, event: Stamped<AccountEvent>) => S;
  decide: (command: C, state: S, ctx: AccountContext) => AccountEvent[];
}

const UNITS: AccountDecider<UnitState, UnitCommand> = { ...unitDecider, decide: decideUnit };
const USERS: AccountDecider<UserState, UserCommand> = { ...userDecider, decide: decideUser };

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitId?: string;
}

/**
 * Accounts go through the same path as suggestions: read the stream, fold, decide, append.
 * Registration appends to a stream that must not exist yet, so two admins creating the same
 * login name at once end with one account and one 409.
 */
@Injectable()
export class AccountCommandsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    private readonly directory: AccountDirectory,
    private readonly metrics: ApiMetrics,
    private readonly reservations: IdempotencyReservations,
    private readonly sessions: SessionRegistry,
  ) {}

  registerUnit(unitId: string, name: string, request: AccountRequest): Promise<CommandOutcome> {
    const command: UnitCommand = { type: 'RegisterUnit', data: { unitId, name } };
    return this.execute(unitStreamId(unitId), unitId, UNITS, command, request);
  }

  async registerUser(user: NewUser, request: AccountRequest): Promise<CommandOutcome> {
    await this.requireUnitOf(user.role, user.unitId);
    const data: Extract<UserCommand, { type: 'RegisterUser' }>['data'] = {
      userId: user.username,
      displayName: user.displayName,
      role: user.role,
      passwordHash: await hashPassword(user.password),
    };
    if (user.unitId !== undefined) data.unitId = user.unitId;
    return this.execute(userStreamId(user.username), user.username, USERS, { type: 'RegisterUser', data }, request);
  }

  /**
   * The first outcome of a keyed password change already applied, or null. Checked before the
   * current password, which that very change has replaced.
   */
  async priorPasswordChange(userId: string, request: AccountRequest): Promise<CommandOutcome | null> {
    if (!request.idempotency) return null;
    await this.reservations.find(request.actor.userId, request.idempotency);
    return findPriorOutcome(userId, await this.store.readStream(userStreamId(userId)), request.actor.userId, request.idempotency);
  }

  /** Every session of the user that signed in before the change ends, on this replica at once. */
  async changePassword(userId: string, newPassword: string, request: AccountRequest): Promise<CommandOutcome> {
    const command: UserCommand = { type: 'ChangePassword', data: { passwordHash: await hashPassword(newPassword) } };
    return this.endingSessions(userId, await this.execute(userStreamId(userId), userId, USERS, command, request));
  }

  async deactivateUser(userId: string, request: AccountRequest): Promise<CommandOutcome> {
    const outcome = await this.execute(userStreamId(userId), userId, USERS, { type: 'DeactivateUser', data: {} }, request);
    return this.endingSessions(userId, outcome);
  }

  reactivateUser(userId: string, request: AccountRequest): Promise<CommandOutcome> {
    return this.execute(userStreamId(userId), userId, USERS, { type: 'ReactivateUser', data: {} }, request);
  }

  async changeRole(userId: string, role: Role, unitId: string | undefined, request: AccountRequest): Promise<CommandOutcome> {
    await this.requireUnitOf(role, unitId);
    const command: UserCommand = { type: 'ChangeUserRole', data: unitId === undefined ? { role } : { role, unitId } };
    return this.endingSessions(userId, await this.execute(userStreamId(userId), userId, USERS, command, request));
  }

  /** Signs one session out: its token is refused from now on, here at once and on other replicas once projected. */
  async endSession(userId: string, jti: string, expiresAtMs: number, request: AccountRequest): Promise<CommandOutcome> {
    const command: UserCommand = { type: 'EndSession', data: { jti, expiresAt: new Date(expiresAtMs).toISOString() } };
    const outcome = await this.execute(userStreamId(userId), userId, USERS, command, request);
    this.sessions.signOut(userId, jti, expiresAtMs);
    return outcome;
  }

  private endingSessions(userId: string, outcome: CommandOutcome): CommandOutcome {
    // Read-your-writes for sessions: the projector would tell this registry too, a moment later.
    this.sessions.endSessionsBefore(userId, outcome.revision);
    return outcome;
  }

  private async requireUnitOf(role: Role, unitId: string | undefined): Promise<void> {
    if (role === 'unit' && unitId !== undefined && !(await this.directory.findUnit(unitId))) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: '请求参数有误',
        errors: [{ field: 'unitId', message: `承办单位「${unitId}」不存在` }],
      });
    }
  }

  private execute<S, C extends { type: string }>(
    streamId: string,
    id: string,
    decider: AccountDecider<S, C>,
    command: C,
    request: AccountRequest,
  ): Promise<CommandOutcome> {
    return this.metrics.timeCommand(command.type, () => this.decideAndAppend(streamId, id, decider, command, request), (o) => o.replayed === true);
  }

  private async decideAndAppend<S, C>(
    streamId: string,
    id: string,
    decider: AccountDecider<S, C>,
    command: C,
    request: AccountRequest,
    retried = false,
  ): Promise<CommandOutcome> {
    // A key first used by another request (on whichever stream) is refused before anything else.
    const keyUse = request.idempotency ? await this.reservations.find(request.actor.userId, request.idempotency) : null;
    const recorded = await this.store.readStream(streamId);
    if (request.idempotency) {
      const prior = findPriorOutcome(id, recorded, request.actor.userId, request.idempotency);
      if (prior) return prior;
    }
    const state = recorded.reduce((s, e) => decider.evolve(s, stamp<AccountEvent>(e)), decider.initialState());
    const last = recorded[recorded.length - 1];
    const revision = last === undefined ? -1 : Number(last.revision);
    const at = request.at ?? this.clock.nowIso();
    const events = decider.decide(command, state, { actor: request.actor });
    if (request.idempotency && !keyUse) {
      await this.reservations.reserve(request.actor, request.idempotency, streamId, {
        at,
        correlationId: request.correlationId,
        causationId: request.causationId,
      });
    }
    try {
      const result = await this.store.appendToStream(
        streamId,
        events.map((event) => ({
          type: event.type,
          data: event.data,
          metadata: newEventMetadata(request.actor, at, request.correlationId, request.causationId, request.idempotency),
        })),
        { expectedRevision: revision < 0 ? 'no_stream' : BigInt(revision) },
      );
      return { id, revision: Number(result.nextExpectedRevision), position: formatPosition(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        // The same keyed request sent twice at once: the loser answers with the winner's outcome.
        if (request.idempotency && !retried) return this.decideAndAppend(streamId, id, decider, command, request, true);
        throw new DomainError('account.concurrent_change', '该账号正被同时修改，请刷新后重试', 'conflict');
      }
      throw error;
    }
  }
}
