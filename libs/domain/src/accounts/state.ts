import { Role } from '../shared/actor';

export type UnitState = { status: 'none' } | { status: 'registered'; unitId: string; name: string; registeredAt: string };

export type UserState =
  | { status: 'none' }
  | {
      status: 'registered';
      userId: string;
      displayName: string;
      role: Role;
      /** Only for role `unit`. */
      unitId?: string;
      passwordHash: string;
      registeredAt: string;
      passwordChangedAt?: string;
    };
