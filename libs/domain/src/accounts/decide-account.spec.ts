import { DomainError } from '../shared/errors';
import { SYSTEM_ACTOR, Actor } from '../shared/actor';
import { Stamped } from '../suggestion/state';
import { UnitCommand, UserCommand } from './commands';
import { decideUnit, decideUser, unitDecider, userDecider } from './decide-account';
import { evolveUnit, evolveUser } from './evolve-account';
import { AccountEvent, SESSION_ENDING_EVENTS } from './events';
import { UnitState, UserState } from './state';

const admin: Actor = { userId: 'admin', role: 'admin' };
const staff: Actor = { userId: 's-zhao', role: 'staff' };
const AT = '2026-03-01T00:00:00.000Z';
const stamped = (event: AccountEvent, by: Actor = admin): Stamped<AccountEvent> => ({ ...event, at: AT, by }) as Stamped<AccountEvent>;

const registerUser = (over: Partial<Extract<UserCommand, { type: 'RegisterUser' }>['data']> = {}): UserCommand => ({
  type: 'RegisterUser',
  data: { userId: 'u-transport-clerk', displayName: '李科员', role: 'unit', unitId: 'u-transport', passwordHash: 'scrypt$hash', ...over },
});

function refusal(run: () => unknown): Pick<DomainError, 'code' | 'kind' | 'field'> {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind, field: error.field };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('units', () => {
  const register: UnitCommand = { type: 'RegisterUnit', data: { unitId: 'u-transport', name: ' 市交通运输局 ' } };

  it('are registered by an admin and folded into state', () => {
    const events = decideUnit(register, unitDecider.initialState(), { actor: admin });
    expect(events).toEqual([{ type: 'UnitRegistered', data: { unitId: 'u-transport', name: '市交通运输局' } }]);
    expect(evolveUnit(unitDecider.initialState(), stamped(events[0]))).toEqual({
      status: 'registered',
      unitId: 'u-transport',
      name: '市交通运输局',
      registeredAt: AT,
    });
  });

  it('are registered by the system at first start (demo data)', () => {
    expect(decideUnit(register, unitDecider.initialState(), { actor: SYSTEM_ACTOR })).toHaveLength(1);
  });

  it('refuse a non-admin, an existing unit and an empty name', () => {
    expect(refusal(() => decideUnit(register, { status: 'none' }, { actor: staff }))).toEqual({ code: 'unit.only_admin', kind: 'forbidden', field: undefined });
    const existing: UnitState = { status: 'registered', unitId: 'u-transport', name: '市交通运输局', registeredAt: AT };
    expect(refusal(() => decideUnit(register, existing, { actor: admin }))).toMatchObject({ code: 'unit.already_exists', kind: 'conflict' });
    expect(refusal(() => decideUnit({ type: 'RegisterUnit', data: { unitId: 'u-x', name: ' ' } }, { status: 'none' }, { actor: admin }))).toEqual({
      code: 'unit.name_required',
      kind: 'invalid',
      field: 'name',
    });
  });
});

describe('users', () => {
  it('are registered by an admin with a hashed password; a unit user belongs to a unit', () => {
    const events = decideUser(registerUser(), userDecider.initialState(), { actor: admin });
    expect(events).toEqual([
      {
        type: 'UserRegistered',
        data: { userId: 'u-transport-clerk', displayName: '李科员', role: 'unit', unitId: 'u-transport', passwordHash: 'scrypt$hash' },
      },
    ]);
    expect(evolveUser({ status: 'none' }, stamped(events[0]))).toEqual({
      status: 'registered',
      userId: 'u-transport-clerk',
      displayName: '李科员',
      role: 'unit',
      unitId: 'u-transport',
      passwordHash: 'scrypt$hash',
      registeredAt: AT,
    });
  });

  it('need a unit exactly when their role is unit', () => {
    expect(refusal(() => decideUser(registerUser({ unitId: undefined }), { status: 'none' }, { actor: admin }))).toMatchObject({
      code: 'user.unit_required',
      kind: 'invalid',
      field: 'unitId',
    });
    expect(refusal(() => decideUser(registerUser({ role: 'deputy' }), { status: 'none' }, { actor: admin }))).toMatchObject({
      code: 'user.unit_not_allowed',
      kind: 'invalid',
      field: 'unitId',
    });
    expect(decideUser(registerUser({ userId: 'd-li', role: 'deputy', unitId: undefined }), { status: 'none' }, { actor: admin })[0]).toEqual({
      type: 'UserRegistered',
      data: { userId: 'd-li', displayName: '李科员', role: 'deputy', passwordHash: 'scrypt$hash' },
    });
  });

  it('refuse a non-admin, an existing user name and an unknown role', () => {
    expect(refusal(() => decideUser(registerUser(), { status: 'none' }, { actor: staff }))).toMatchObject({ code: 'user.only_admin', kind: 'forbidden' });
    const existing = evolveUser({ status: 'none' }, stamped(decideUser(registerUser(), { status: 'none' }, { actor: admin })[0]));
    expect(refusal(() => decideUser(registerUser(), existing, { actor: admin }))).toMatchObject({ code: 'user.already_exists', kind: 'conflict' });
    expect(
      refusal(() => decideUser(registerUser({ role: 'root' as never, unitId: undefined }), { status: 'none' }, { actor: admin })),
    ).toMatchObject({ code: 'user.invalid_role', kind: 'invalid', field: 'role' });
  });

  describe('ChangePassword', () => {
    const user: UserState = evolveUser({ status: 'none' }, stamped(decideUser(registerUser(), { status: 'none' }, { actor: admin })[0]));
    const change: UserCommand = { type: 'ChangePassword', data: { passwordHash: 'scrypt$new' } };

    it('lets users change their own password and admins reset it', () => {
      const self: Actor = { userId: 'u-transport-clerk', role: 'unit', unitId: 'u-transport' };
      const events = decideUser(change, user, { actor: self });
      expect(events).toEqual([{ type: 'PasswordChanged', data: { passwordHash: 'scrypt$new' } }]);
      expect(evolveUser(user, stamped(events[0], self))).toMatchObject({ passwordHash: 'scrypt$new', passwordChangedAt: AT });
      expect(decideUser(change, user, { actor: admin })).toHaveLength(1);
    });

    it('refuses other people and unknown users', () => {
      expect(refusal(() => decideUser(change, user, { actor: staff }))).toMatchObject({ code: 'user.password_forbidden', kind: 'forbidden' });
      expect(refusal(() => decideUser(change, { status: 'none' }, { actor: admin }))).toMatchObject({ code: 'user.not_found', kind: 'not_found' });
    });
  });
});

/** given(events).when(command).then(events | refusal), for the user stream. */
function given(...events: AccountEvent[]) {
  const state = events.reduce<UserState>((s, e) => evolveUser(s, stamped(e)), { status: 'none' });
  return {
    state,
    when: (command: UserCommand, actor: Actor = admin) => ({
      then: (expected: AccountEvent[]) => expect(decideUser(command, state, { actor })).toEqual(expected),
      refused: (expected: Partial<Pick<DomainError, 'code' | 'kind' | 'field'>>) =>
        expect(refusal(() => decideUser(command, state, { actor }))).toMatchObject(expected),
    }),
  };
}

describe('account lifecycle and sessions', () => {
  const registered: AccountEvent = {
    type: 'UserRegistered',
    data: { userId: 'd-li', displayName: '李娜', role: 'deputy', passwordHash: 'scrypt$hash' },
  };
  const deactivated: AccountEvent = { type: 'UserDeactivated', data: {} };
  const deputy: Actor = { userId: 'd-li', role: 'deputy' };

  it('an admin deactivates an active account; the state says so and keeps the account', () => {
    given(registered).when({ type: 'DeactivateUser', data: {} }).then([deactivated]);
    expect(given(registered, deactivated).state).toMatchObject({ status: 'deactivated', userId: 'd-li', role: 'deputy', deactivatedAt: AT });
  });

  it('refuses deactivating oneself, a deactivated account, an unknown one, and anyone but an admin', () => {
    const self: Actor = { userId: 'root2', role: 'admin' };
    const admin2: AccountEvent = { type: 'UserRegistered', data: { userId: 'root2', displayName: '管理员二', role: 'admin', passwordHash: 'h' } };
    given(admin2).when({ type: 'DeactivateUser', data: {} }, self).refused({ code: 'user.cannot_deactivate_self', kind: 'conflict' });
    given(registered, deactivated).when({ type: 'DeactivateUser', data: {} }).refused({ code: 'user.already_deactivated', kind: 'conflict' });
    given().when({ type: 'DeactivateUser', data: {} }).refused({ code: 'user.not_found', kind: 'not_found' });
    given(registered).when({ type: 'DeactivateUser', data: {} }, staff).refused({ code: 'user.only_admin', kind: 'forbidden' });
  });

  it('an admin reactivates a deactivated account, and only that', () => {
    given(registered, deactivated).when({ type: 'ReactivateUser', data: {} }).then([{ type: 'UserReactivated', data: {} }]);
    expect(given(registered, deactivated, { type: 'UserReactivated', data: {} }).state).toEqual(given(registered).state);
    given(registered).when({ type: 'ReactivateUser', data: {} }).refused({ code: 'user.not_deactivated', kind: 'conflict' });
    given(registered, deactivated).when({ type: 'ReactivateUser', data: {} }, deputy).refused({ code: 'user.only_admin', kind: 'forbidden' });
  });

  it('an admin changes a role; a unit role needs its unit and another role drops it', () => {
    given(registered)
      .when({ type: 'ChangeUserRole', data: { role: 'unit', unitId: ' u-edu ' } })
      .then([{ type: 'UserRoleChanged', data: { role: 'unit', unitId: 'u-edu' } }]);
    const unitUser = given(registered, { type: 'UserRoleChanged', data: { role: 'unit', unitId: 'u-edu' } });
    expect(unitUser.state).toMatchObject({ status: 'registered', role: 'unit', unitId: 'u-edu' });
    const backToDeputy = given(registered, { type: 'UserRoleChanged', data: { role: 'unit', unitId: 'u-edu' } }, { type: 'UserRoleChanged', data: { role: 'deputy' } });
    expect(backToDeputy.state).toMatchObject({ role: 'deputy' });
    expect(backToDeputy.state).not.toHaveProperty('unitId');
    given(registered).when({ type: 'ChangeUserRole', data: { role: 'unit' } }).refused({ code: 'user.unit_required', field: 'unitId' });
    given(registered).when({ type: 'ChangeUserRole', data: { role: 'staff', unitId: 'u-edu' } }).refused({ code: 'user.unit_not_allowed', field: 'unitId' });
    given(registered).when({ type: 'ChangeUserRole', data: { role: 'root' as never } }).refused({ code: 'user.invalid_role', field: 'role' });
  });

  it('refuses a role change to the same role, one of an admin to their own role, and by a non-admin', () => {
    given(registered).when({ type: 'ChangeUserRole', data: { role: 'deputy' } }).refused({ code: 'user.role_unchanged', kind: 'conflict' });
    const root: AccountEvent = { type: 'UserRegistered', data: { userId: 'admin', displayName: '管理员', role: 'admin', passwordHash: 'h' } };
    given(root).when({ type: 'ChangeUserRole', data: { role: 'staff' } }).refused({ code: 'user.cannot_change_own_role', kind: 'conflict' });
    given(registered).when({ type: 'ChangeUserRole', data: { role: 'admin' } }, staff).refused({ code: 'user.only_admin', kind: 'forbidden' });
  });

  it('a user ends their own session by its token id; nobody else can, and the account is unchanged', () => {
    const end: UserCommand = { type: 'EndSession', data: { jti: 'token-1', expiresAt: '2026-03-01T08:00:00.000Z' } };
    given(registered).when(end, deputy).then([{ type: 'SessionEnded', data: { jti: 'token-1', expiresAt: '2026-03-01T08:00:00.000Z' } }]);
    given(registered).when(end, staff).refused({ code: 'user.session_forbidden', kind: 'forbidden' });
    given(registered).when({ type: 'EndSession', data: { jti: ' ', expiresAt: 'x' } }, deputy).refused({ code: 'user.session_id_required', kind: 'invalid' });
    expect(given(registered, { type: 'SessionEnded', data: { jti: 'token-1', expiresAt: 'x' } }).state).toEqual(given(registered).state);
  });

  it('a registration may require a password change, and the next change clears it', () => {
    const bootstrap: UserCommand = { type: 'RegisterUser', data: { userId: 'admin', displayName: '管理员', role: 'admin', passwordHash: 'h', mustChangePassword: true } };
    const [event] = decideUser(bootstrap, { status: 'none' }, { actor: { userId: 'system', role: 'system' } });
    expect(event).toEqual({ type: 'UserRegistered', data: { userId: 'admin', displayName: '管理员', role: 'admin', passwordHash: 'h', mustChangePassword: true } });
    expect(given(event!).state).toMatchObject({ status: 'registered', mustChangePassword: true });
    expect(given(event!, { type: 'PasswordChanged', data: { passwordHash: 'h2' } }).state).not.toHaveProperty('mustChangePassword');
    expect(given(registered).state).not.toHaveProperty('mustChangePassword');
  });

  it('a password change keeps a deactivated account deactivated', () => {
    expect(given(registered, deactivated, { type: 'PasswordChanged', data: { passwordHash: 'scrypt$new' } }).state).toMatchObject({
      status: 'deactivated',
      passwordHash: 'scrypt$new',
    });
  });
});

describe('editing accounts after creation', () => {
  const deputyRegistered: AccountEvent = {
    type: 'UserRegistered',
    data: { userId: 'd-li', displayName: '李娜', role: 'deputy', passwordHash: 'scrypt$hash', delegationId: 'dongcheng' },
  };
  const unitUser: AccountEvent = {
    type: 'UserRegistered',
    data: { userId: 'u-clerk', displayName: '王科员', role: 'unit', unitId: 'u-transport', passwordHash: 'scrypt$hash' },
  };
  const deputy: Actor = { userId: 'd-li', role: 'deputy' };
  const otherDeputy: Actor = { userId: 'd-zhang', role: 'deputy' };
  const fold = (...events: AccountEvent[]): UserState => events.reduce<UserState>((state, event) => evolveUser(state, stamped(event)), userDecider.initialState());
  const decide = (command: UserCommand, events: AccountEvent[], actor: Actor = admin) => decideUser(command, fold(...events), { actor });

  it('a unit is renamed by an admin, keeping its id; the same name or an unknown unit is refused', () => {
    const unit: UnitState = { status: 'registered', unitId: 'u-water', name: '市水利局', registeredAt: AT };
    const events = decideUnit({ type: 'RenameUnit', data: { name: ' 市水务局 ' } }, unit, { actor: admin });
    expect(events).toEqual([{ type: 'UnitRenamed', data: { name: '市水务局', previousName: '市水利局' } }]);
    expect(evolveUnit(unit, stamped(events[0]!))).toEqual({ ...unit, name: '市水务局' });
    expect(refusal(() => decideUnit({ type: 'RenameUnit', data: { name: '市水利局' } }, unit, { actor: admin }))).toMatchObject({ code: 'unit.name_unchanged', field: 'name' });
    expect(refusal(() => decideUnit({ type: 'RenameUnit', data: { name: 'x' } }, { status: 'none' }, { actor: admin }))).toMatchObject({ code: 'unit.not_found', kind: 'not_found' });
    expect(refusal(() => decideUnit({ type: 'RenameUnit', data: { name: 'x' } }, unit, { actor: staff }))).toMatchObject({ code: 'unit.only_admin', kind: 'forbidden' });
  });

  it('a deputy moves to another delegation or none; only deputies belong to one, and only an admin moves them', () => {
    expect(decide({ type: 'ChangeUserDelegation', data: { delegationId: 'xicheng' } }, [deputyRegistered])).toEqual([
      { type: 'UserDelegationChanged', data: { delegationId: 'xicheng' } },
    ]);
    expect(fold(deputyRegistered, { type: 'UserDelegationChanged', data: {} })).not.toHaveProperty('delegationId');
    expect(fold(deputyRegistered, { type: 'UserDelegationChanged', data: { delegationId: 'xicheng' } })).toMatchObject({ delegationId: 'xicheng' });
    expect(refusal(() => decide({ type: 'ChangeUserDelegation', data: { delegationId: 'dongcheng' } }, [deputyRegistered]))).toMatchObject({ code: 'user.delegation_unchanged' });
    expect(refusal(() => decide({ type: 'ChangeUserDelegation', data: { delegationId: 'x' } }, [unitUser]))).toMatchObject({ code: 'user.delegation_only_deputy', field: 'delegationId' });
    expect(refusal(() => decide({ type: 'ChangeUserDelegation', data: {} }, [deputyRegistered], deputy))).toMatchObject({ kind: 'forbidden' });
  });

  it('a unit user moves to another unit (their sessions end); other roles have no unit', () => {
    expect(decide({ type: 'MoveUserToUnit', data: { unitId: 'u-water' } }, [unitUser])).toEqual([{ type: 'UserMovedToUnit', data: { unitId: 'u-water' } }]);
    expect(fold(unitUser, { type: 'UserMovedToUnit', data: { unitId: 'u-water' } })).toMatchObject({ role: 'unit', unitId: 'u-water' });
    expect(SESSION_ENDING_EVENTS).toContain('UserMovedToUnit');
    expect(refusal(() => decide({ type: 'MoveUserToUnit', data: { unitId: 'u-transport' } }, [unitUser]))).toMatchObject({ code: 'user.unit_unchanged' });
    expect(refusal(() => decide({ type: 'MoveUserToUnit', data: { unitId: 'u-water' } }, [deputyRegistered]))).toMatchObject({ code: 'user.unit_not_allowed', field: 'unitId' });
  });

  it('a deputy’s phone is set at registration or later by the deputy or an admin, checked, and removed by sending none', () => {
    const withPhone = decideUser(
      { type: 'RegisterUser', data: { userId: 'd-wu', displayName: '吴刚', role: 'deputy', passwordHash: 'h', phone: ' 13800138000 ' } },
      { status: 'none' },
      { actor: admin },
    );
    expect(withPhone[0]).toMatchObject({ data: { phone: '13800138000' } });
    expect(decide({ type: 'ChangeUserPhone', data: { phone: '010-62345678' } }, [deputyRegistered], deputy)).toEqual([
      { type: 'UserPhoneChanged', data: { phone: '010-62345678' } },
    ]);
    const set: AccountEvent = { type: 'UserPhoneChanged', data: { phone: '0571-87654321-123' } };
    expect(fold(deputyRegistered, set)).toMatchObject({ phone: '0571-87654321-123' });
    expect(decide({ type: 'ChangeUserPhone', data: {} }, [deputyRegistered, set])).toEqual([{ type: 'UserPhoneChanged', data: {} }]);
    expect(fold(deputyRegistered, set, { type: 'UserPhoneChanged', data: {} })).not.toHaveProperty('phone');
    for (const bad of ['12345', '1380013800', '23800138000', '+8613800138000', '010 6234 5678', '电话']) {
      expect(refusal(() => decide({ type: 'ChangeUserPhone', data: { phone: bad } }, [deputyRegistered], deputy))).toMatchObject({ code: 'user.phone_invalid', field: 'phone' });
    }
    expect(refusal(() => decide({ type: 'ChangeUserPhone', data: { phone: '13800138000' } }, [deputyRegistered], otherDeputy))).toMatchObject({ kind: 'forbidden' });
    expect(refusal(() => decide({ type: 'ChangeUserPhone', data: { phone: '13800138000' } }, [unitUser]))).toMatchObject({ code: 'user.phone_only_deputy' });
    expect(refusal(() => decide({ type: 'ChangeUserPhone', data: { phone: '0571-87654321-123' } }, [deputyRegistered, set]))).toMatchObject({ code: 'user.phone_unchanged' });
  });
});
