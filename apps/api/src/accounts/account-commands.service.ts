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
import { findPriorOutcome } from '../idempotency/find-prior-outcome';
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
  ) {}

  registerUnit(unitId: string, name: string, request: AccountRequest): Promise<CommandOutcome> {
    const command: UnitCommand = { type: 'RegisterUnit', data: { unitId, name } };
    return this.execute(unitStreamId(unitId), unitId, UNITS, command, request);
  }

  async registerUser(user: NewUser, request: AccountRequest): Promise<CommandOutcome> {
    if (user.role === 'unit' && user.unitId !== undefined && !(await this.directory.findUnit(user.unitId))) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: '请求参数有误',
        errors: [{ field: 'unitId', message: `承办单位「${user.unitId}」不存在` }],
      });
    }
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
    return findPriorOutcome(userId, await this.store.readStream(userStreamId(userId)), request.actor.userId, request.idempotency);
  }

  async changePassword(userId: string, newPassword: string, request: AccountRequest): Promise<CommandOutcome> {
    const command: UserCommand = { type: 'ChangePassword', data: { passwordHash: await hashPassword(newPassword) } };
    return this.execute(userStreamId(userId), userId, USERS, command, request);
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
