import { Role } from '../shared/actor';

export type UnitState = { status: 'none' } | { status: 'registered'; unitId: string; name: string; registeredAt: string };

/** What a user account holds, active (`registered`) or not (`deactivated`). */
export interface UserAccount {
  userId: string;
  displayName: string;
  role: Role;
  /** Only for role `unit`. */
  unitId?: string;
  /** A deputy's delegation (代表团). */
  delegationId?: string;
  /** A deputy's phone number, for the units handling their suggestions. */
  phone?: string;
  passwordHash: string;
  registeredAt: string;
  passwordChangedAt?: string;
  /** Set at registration for the bootstrap admin in production; the next password change clears it. */
  mustChangePassword?: true;
}

export type UserState =
  | { status: 'none' }
  | ({ status: 'registered' } & UserAccount)
  | ({ status: 'deactivated'; deactivatedAt: string } & UserAccount);
