import { BadRequestException, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, type Actor, type Role, type UserCommand, type UserState } from '@duban/domain';
import { hashPassword, verifyPassword } from '../auth/password-hasher';
import { SessionRegistry } from '../auth/sessions/session-registry';
import type { CommandOutcome, RunOptions } from '../commands/command-outcome';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import { DelegationDirectory } from '../delegations/delegation-directory';
import { AccountDirectory } from './account-directory';
import { RunUnitCommand, RunUserCommand } from './account-streams';

export interface AccountRequest {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** Decision time; only the first-start seeding sets it. */
  at?: string;
  /** From Idempotency-Key: a retry is answered with the first outcome. */
  idempotency?: IdempotencyRequest;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitId?: string;
  /** A deputy's delegation (代表团); it must exist. */
  delegationId?: string;
  /** Only deputies: the number the units handling their suggestions call. */
  phone?: string;
  /** Only the production bootstrap admin: its password was in the environment or the log. */
  mustChangePassword?: boolean;
}

/**
 * Account commands on the CommandBus, run by the one command pipeline. What is left here is what
 * the decider cannot see: passwords are hashed (and the current one checked) here, units named in
 * a body must exist, and the sessions a change ends are told at once.
 */
@Injectable()
export class AccountCommandsService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly directory: AccountDirectory,
    private readonly sessions: SessionRegistry,
    private readonly delegations: DelegationDirectory,
  ) {}

  registerUnit(unitId: string, name: string, request: AccountRequest): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunUnitCommand(unitId, { type: 'RegisterUnit', data: { unitId, name } }, request.actor, options(request)));
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
    if (user.delegationId !== undefined) {
      await this.requireDelegation(user.delegationId);
      data.delegationId = user.delegationId;
    }
    if (user.phone !== undefined) data.phone = user.phone;
    if (user.mustChangePassword) data.mustChangePassword = true;
    return this.runUser(user.username, { type: 'RegisterUser', data }, request);
  }

  /**
   * Re-checking the current password keeps a stolen token from locking the owner out. It is checked
   * after a keyed retry is recognised: the change being retried has already replaced it. Every
   * session that signed in before the change ends, on this replica at once.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string, request: AccountRequest): Promise<CommandOutcome> {
    const command: UserCommand = { type: 'ChangePassword', data: { passwordHash: await hashPassword(newPassword) } };
    const outcome = await this.runUser(userId, command, request, async (state) => {
      if (state.status === 'registered' && (await verifyPassword(currentPassword, state.passwordHash))) return;
      throw new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: '请求参数有误',
        errors: [{ field: 'currentPassword', message: '当前密码不正确' }],
      });
    });
    return this.endingSessions(userId, outcome);
  }

  /**
   * An admin sets someone's password (they forgot it). Admins change their own through
   * changePassword, which asks for the current one: a stolen admin token cannot lock the owner out.
   */
  async resetPassword(userId: string, newPassword: string, request: AccountRequest): Promise<CommandOutcome> {
    if (userId === request.actor.userId) {
      throw new DomainError('user.reset_own_password', '不能重置自己的密码，请在“修改密码”中修改（须提供当前密码）', 'conflict');
    }
    const command: UserCommand = { type: 'ChangePassword', data: { passwordHash: await hashPassword(newPassword) } };
    return this.endingSessions(userId, await this.runUser(userId, command, request));
  }

  async deactivateUser(userId: string, request: AccountRequest): Promise<CommandOutcome> {
    return this.endingSessions(userId, await this.runUser(userId, { type: 'DeactivateUser', data: {} }, request));
  }

  reactivateUser(userId: string, request: AccountRequest): Promise<CommandOutcome> {
    return this.runUser(userId, { type: 'ReactivateUser', data: {} }, request);
  }

  async changeRole(userId: string, role: Role, unitId: string | undefined, request: AccountRequest): Promise<CommandOutcome> {
    await this.requireUnitOf(role, unitId);
    const command: UserCommand = { type: 'ChangeUserRole', data: unitId === undefined ? { role } : { role, unitId } };
    return this.endingSessions(userId, await this.runUser(userId, command, request));
  }

  renameUnit(unitId: string, name: string, request: AccountRequest): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunUnitCommand(unitId, { type: 'RenameUnit', data: { name } }, request.actor, options(request)));
  }

  /** A deputy to another delegation, or (no id) to none; the delegation must exist. */
  async changeDelegation(userId: string, delegationId: string | undefined, request: AccountRequest): Promise<CommandOutcome> {
    if (delegationId !== undefined) await this.requireDelegation(delegationId);
    return this.runUser(userId, { type: 'ChangeUserDelegation', data: delegationId === undefined ? {} : { delegationId } }, request);
  }

  /** A unit user to another unit: their tokens name the old one, so their sessions end. */
  async moveToUnit(userId: string, unitId: string, request: AccountRequest): Promise<CommandOutcome> {
    await this.requireUnitOf('unit', unitId);
    return this.endingSessions(userId, await this.runUser(userId, { type: 'MoveUserToUnit', data: { unitId } }, request));
  }

  /** A deputy's phone number, set or (none given) removed; by the deputy or an admin. */
  changePhone(userId: string, phone: string | undefined, request: AccountRequest): Promise<CommandOutcome> {
    return this.runUser(userId, { type: 'ChangeUserPhone', data: phone === undefined ? {} : { phone } }, request);
  }

  /** Signs one session out: its token is refused from now on, here at once and on other replicas once projected. */
  async endSession(userId: string, jti: string, expiresAtMs: number, request: AccountRequest): Promise<CommandOutcome> {
    const command: UserCommand = { type: 'EndSession', data: { jti, expiresAt: new Date(expiresAtMs).toISOString() } };
    const outcome = await this.runUser(userId, command, request);
    this.sessions.signOut(userId, jti, expiresAtMs);
    return outcome;
  }

  private runUser(userId: string, command: UserCommand, request: AccountRequest, precondition?: RunOptions<UserState>['precondition']): Promise<CommandOutcome> {
    const run: RunOptions<UserState> = options(request);
    if (precondition) run.precondition = precondition;
    return this.commandBus.execute(new RunUserCommand(userId, command, request.actor, run));
  }

  private endingSessions(userId: string, outcome: CommandOutcome): CommandOutcome {
    // Read-your-writes for sessions: the projector would tell this registry too, a moment later.
    this.sessions.endSessionsBefore(userId, outcome.revision);
    return outcome;
  }

  private async requireDelegation(delegationId: string): Promise<void> {
    if (!(await this.delegations.find(delegationId))) {
      throw new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field: 'delegationId', message: `代表团「${delegationId}」不存在` }] });
    }
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
}

function options<S>(request: AccountRequest): RunOptions<S> {
  const run: RunOptions<S> = { correlationId: request.correlationId, causationId: request.causationId };
  if (request.at !== undefined) run.at = request.at;
  if (request.idempotency) run.idempotency = request.idempotency;
  return run;
}
