import { Role } from '../shared/actor';

/** Stream `unit-<unitId>`. */
export type UnitCommand = { type: 'RegisterUnit'; data: { unitId: string; name: string } };

/** Stream `user-<userId>`. The api hashes passwords; the domain only ever sees the hash. */
export type UserCommand =
  | {
      type: 'RegisterUser';
      /** `mustChangePassword`: the first production admin, whose password came from the environment or the log. */
      data: { userId: string; displayName: string; role: Role; unitId?: string; passwordHash: string; mustChangePassword?: true; delegationId?: string };
    }
  | { type: 'ChangePassword'; data: { passwordHash: string } }
  | { type: 'DeactivateUser'; data: Record<string, never> }
  | { type: 'ReactivateUser'; data: Record<string, never> }
  | { type: 'ChangeUserRole'; data: { role: Role; unitId?: string } }
  /** Sign-out of one session (token id `jti`, valid until `expiresAt`). */
  | { type: 'EndSession'; data: { jti: string; expiresAt: string } };

export type AccountCommand = UnitCommand | UserCommand;
