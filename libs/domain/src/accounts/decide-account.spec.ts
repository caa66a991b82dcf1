import { DomainError } from '../shared/errors';
import { SYSTEM_ACTOR, Actor } from '../shared/actor';
import { Stamped } from '../suggestion/state';
import { UnitCommand, UserCommand } from './commands';
import { decideUnit, decideUser, unitDecider, userDecider } from './decide-account';
import { evolveUnit, evolveUser } from './evolve-account';
import { AccountEvent } from './events';
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
