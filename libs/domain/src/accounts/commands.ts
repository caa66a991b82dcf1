import { Role } from '../shared/actor';

/** Stream `unit-<unitId>`. The id never changes (suggestions and accounts name it); the name may. */
export type UnitCommand = { type: 'RegisterUnit'; data: { unitId: string; name: string } } | { type: 'RenameUnit'; data: { name: string } };

/** Stream `user-<userId>`. The api hashes passwords; the domain only ever sees the hash. */
export type UserCommand =
  | {
      type: 'RegisterUser';
      /** `mustChangePassword`: the first production admin, whose password came from the environment or the log. */
      data: {
        userId: string;
        displayName: string;
        role: Role;
        unitId?: string;
        passwordHash: string;
        mustChangePassword?: true;
        delegationId?: string;
        /** Only deputies: the number units call before answering. */
        phone?: string;
      };
    }
  | { type: 'ChangePassword'; data: { passwordHash: string } }
  | { type: 'DeactivateUser'; data: Record<string, never> }
  | { type: 'ReactivateUser'; data: Record<string, never> }
  | { type: 'ChangeUserRole'; data: { role: Role; unitId?: string } }
  /** A deputy joins another delegation (代表团), or none (`delegationId` absent). */
  | { type: 'ChangeUserDelegation'; data: { delegationId?: string } }
  /** A unit user moves to another handling unit (承办单位). */
  | { type: 'MoveUserToUnit'; data: { unitId: string } }
  /** A deputy's phone number, set or removed (`phone` absent); by an admin or the deputy. */
  | { type: 'ChangeUserPhone'; data: { phone?: string } }
  /** Sign-out of one session (token id `jti`, valid until `expiresAt`). */
  | { type: 'EndSession'; data: { jti: string; expiresAt: string } };

export type AccountCommand = UnitCommand | UserCommand;
