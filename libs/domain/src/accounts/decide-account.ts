import { ROLES, Role } from '../shared/actor';
import { Decider, DecisionContext } from '../shared/decider';
import { DomainError, assertNever } from '../shared/errors';
import { UnitCommand, UserCommand } from './commands';
import { AccountEvent } from './events';
import { PHONE_FORMAT_MESSAGE, isPhoneNumber } from './phone';
import { evolveUnit, evolveUser, initialUnitState, initialUserState } from './evolve-account';
import { UnitState, UserState } from './state';

/** Accounts need no rulebook or calendar: only who acts. */
export type AccountContext = Pick<DecisionContext, 'actor'>;

/** Admins manage accounts; `system` is the first-start bootstrap (admin and demo accounts). */
const ACCOUNT_MANAGERS = ['admin', 'system'];

export function decideUnit(command: UnitCommand, state: UnitState, ctx: AccountContext): AccountEvent[] {
  switch (command.type) {
    case 'RegisterUnit': {
      requireManager(ctx, 'unit.only_admin', '只有系统管理员可以登记承办单位');
      if (state.status !== 'none') throw new DomainError('unit.already_exists', '该承办单位编号已经存在', 'conflict');
      const unitId = text(command.data.unitId, 'id', 'unit.id_required', '单位编号不能为空');
      const name = text(command.data.name, 'name', 'unit.name_required', '单位名称不能为空');
      return [{ type: 'UnitRegistered', data: { unitId, name } }];
    }
    case 'RenameUnit': {
      requireManager(ctx, 'unit.only_admin', '只有系统管理员可以修改单位名称');
      if (state.status === 'none') throw new DomainError('unit.not_found', '承办单位不存在', 'not_found');
      const name = text(command.data.name, 'name', 'unit.name_required', '单位名称不能为空');
      if (name === state.name) throw new DomainError('unit.name_unchanged', '单位名称没有变化', 'conflict', 'name');
      return [{ type: 'UnitRenamed', data: { name, previousName: state.name } }];
    }
    default:
      return assertNever(command, 'unit command');
  }
}

export function decideUser(command: UserCommand, state: UserState, ctx: AccountContext): AccountEvent[] {
  switch (command.type) {
    case 'RegisterUser': {
      requireManager(ctx, 'user.only_admin', '只有系统管理员可以创建用户');
      if (state.status !== 'none') throw new DomainError('user.already_exists', '该用户名已经存在', 'conflict');
      const { passwordHash } = command.data;
      const userId = text(command.data.userId, 'username', 'user.username_required', '用户名不能为空');
      const displayName = text(command.data.displayName, 'displayName', 'user.display_name_required', '姓名不能为空');
      const placement = rolePlacement(command.data.role, command.data.unitId);
      text(passwordHash, 'password', 'user.password_required', '密码不能为空');
      const mustChange = command.data.mustChangePassword ? { mustChangePassword: true as const } : {};
      const { delegationId } = command.data;
      // Only deputies belong to a delegation (代表团).
      if (delegationId !== undefined && command.data.role !== 'deputy') {
        throw new DomainError('user.delegation_only_deputy', '只有人大代表可以属于代表团', 'invalid', 'delegationId');
      }
      const delegation = delegationId !== undefined ? { delegationId } : {};
      const phone = command.data.phone !== undefined ? { phone: deputyPhone(command.data.role, command.data.phone) } : {};
      return [{ type: 'UserRegistered', data: { userId, displayName, ...placement, passwordHash, ...mustChange, ...delegation, ...phone } }];
    }
    case 'ChangePassword': {
      if (state.status === 'none') throw new DomainError('user.not_found', '用户不存在', 'not_found');
      const self = ctx.actor.userId === state.userId;
      if (!self && !ACCOUNT_MANAGERS.includes(ctx.actor.role)) {
        throw new DomainError('user.password_forbidden', '只能修改自己的密码', 'forbidden');
      }
      text(command.data.passwordHash, 'password', 'user.password_required', '密码不能为空');
      return [{ type: 'PasswordChanged', data: { passwordHash: command.data.passwordHash } }];
    }
    case 'DeactivateUser': {
      requireManager(ctx, 'user.only_admin', '只有系统管理员可以停用账号');
      if (state.status === 'none') throw new DomainError('user.not_found', '用户不存在', 'not_found');
      // An admin who could switch themselves off could also leave the system without any admin.
      if (ctx.actor.userId === state.userId) throw new DomainError('user.cannot_deactivate_self', '不能停用自己的账号', 'conflict');
      if (state.status === 'deactivated') throw new DomainError('user.already_deactivated', '该账号已经停用', 'conflict');
      return [{ type: 'UserDeactivated', data: {} }];
    }
    case 'ReactivateUser': {
      requireManager(ctx, 'user.only_admin', '只有系统管理员可以启用账号');
      if (state.status === 'none') throw new DomainError('user.not_found', '用户不存在', 'not_found');
      if (state.status !== 'deactivated') throw new DomainError('user.not_deactivated', '该账号未被停用', 'conflict');
      return [{ type: 'UserReactivated', data: {} }];
    }
    case 'ChangeUserRole': {
      requireManager(ctx, 'user.only_admin', '只有系统管理员可以变更角色');
      if (state.status === 'none') throw new DomainError('user.not_found', '用户不存在', 'not_found');
      // Admins are removed only by another admin, so the last one can never remove themselves.
      if (ctx.actor.userId === state.userId) throw new DomainError('user.cannot_change_own_role', '不能变更自己的角色', 'conflict');
      const placement = rolePlacement(command.data.role, command.data.unitId);
      if (placement.role === state.role && placement.unitId === state.unitId) {
        throw new DomainError('user.role_unchanged', '该用户已是此角色', 'conflict', 'role');
      }
      return [{ type: 'UserRoleChanged', data: placement }];
    }
    case 'ChangeUserDelegation': {
      requireManager(ctx, 'user.only_admin', '只有系统管理员可以变更所属代表团');
      if (state.status === 'none') throw new DomainError('user.not_found', '用户不存在', 'not_found');
      if (state.role !== 'deputy') throw new DomainError('user.delegation_only_deputy', '只有人大代表可以属于代表团', 'invalid', 'delegationId');
      const delegationId = command.data.delegationId?.trim() || undefined;
      if (delegationId === state.delegationId) throw new DomainError('user.delegation_unchanged', '所属代表团没有变化', 'conflict', 'delegationId');
      return [{ type: 'UserDelegationChanged', data: delegationId ? { delegationId } : {} }];
    }
    case 'MoveUserToUnit': {
      requireManager(ctx, 'user.only_admin', '只有系统管理员可以变更所属单位');
      if (state.status === 'none') throw new DomainError('user.not_found', '用户不存在', 'not_found');
      if (state.role !== 'unit') throw new DomainError('user.unit_not_allowed', '只有承办单位用户可以指定所属单位', 'invalid', 'unitId');
      const unitId = text(command.data.unitId, 'unitId', 'user.unit_required', '承办单位用户必须指定所属单位');
      if (unitId === state.unitId) throw new DomainError('user.unit_unchanged', '所属单位没有变化', 'conflict', 'unitId');
      return [{ type: 'UserMovedToUnit', data: { unitId } }];
    }
    case 'ChangeUserPhone': {
      if (state.status === 'none') throw new DomainError('user.not_found', '用户不存在', 'not_found');
      // The deputy keeps their own number current; an admin does it for them.
      if (ctx.actor.userId !== state.userId && !ACCOUNT_MANAGERS.includes(ctx.actor.role)) {
        throw new DomainError('user.phone_forbidden', '只能修改自己的电话号码', 'forbidden');
      }
      const phone = command.data.phone === undefined || command.data.phone.trim() === '' ? undefined : deputyPhone(state.role, command.data.phone);
      if (phone === state.phone) throw new DomainError('user.phone_unchanged', '电话号码没有变化', 'conflict', 'phone');
      return [{ type: 'UserPhoneChanged', data: phone ? { phone } : {} }];
    }
    case 'EndSession': {
      if (state.status === 'none') throw new DomainError('user.not_found', '用户不存在', 'not_found');
      if (ctx.actor.userId !== state.userId) throw new DomainError('user.session_forbidden', '只能退出自己的登录', 'forbidden');
      const jti = text(command.data.jti, 'jti', 'user.session_id_required', '登录凭据缺少编号');
      const expiresAt = text(command.data.expiresAt, 'expiresAt', 'user.session_expiry_required', '登录凭据缺少有效期');
      return [{ type: 'SessionEnded', data: { jti, expiresAt } }];
    }
    default:
      return assertNever(command, 'user command');
  }
}

export const unitDecider: Decider<UnitState, UnitCommand, AccountEvent> = {
  initialState: initialUnitState,
  evolve: evolveUnit,
  decide: decideUnit,
};

export const userDecider: Decider<UserState, UserCommand, AccountEvent> = {
  initialState: initialUserState,
  evolve: evolveUser,
  decide: decideUser,
};

/** A role and, exactly for role `unit`, its unit. */
function rolePlacement(role: Role, unitId: string | undefined): { role: Role; unitId?: string } {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new DomainError('user.invalid_role', '角色必须是代表、工作人员、承办单位、督办人或管理员之一', 'invalid', 'role');
  }
  const unit = unitId?.trim();
  if (role === 'unit' && !unit) {
    throw new DomainError('user.unit_required', '承办单位用户必须指定所属单位', 'invalid', 'unitId');
  }
  if (role !== 'unit' && unit) {
    throw new DomainError('user.unit_not_allowed', '只有承办单位用户可以指定所属单位', 'invalid', 'unitId');
  }
  return unit ? { role, unitId: unit } : { role };
}

/** Only deputies have a phone number here (units call them); it must be one they can dial. */
function deputyPhone(role: Role, value: string): string {
  if (role !== 'deputy') throw new DomainError('user.phone_only_deputy', '只有人大代表需要登记电话号码', 'invalid', 'phone');
  const phone = value.trim();
  if (!isPhoneNumber(phone)) throw new DomainError('user.phone_invalid', PHONE_FORMAT_MESSAGE, 'invalid', 'phone');
  return phone;
}

function requireManager(ctx: AccountContext, code: string, message: string): void {
  if (!ACCOUNT_MANAGERS.includes(ctx.actor.role)) throw new DomainError(code, message, 'forbidden');
}

function text(value: string | undefined, field: string, code: string, message: string): string {
  const t = (value ?? '').trim();
  if (t === '') throw new DomainError(code, message, 'invalid', field);
  return t;
}
