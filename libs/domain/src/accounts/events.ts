import { Role } from '../shared/actor';

/** Units live in stream `unit-<unitId>`, users in `user-<userId>` (userId = the login name). */
export type AccountEvent =
  | { type: 'UnitRegistered'; data: { unitId: string; name: string } }
  | {
      type: 'UserRegistered';
      data: {
        userId: string;
        displayName: string;
        role: Role;
        unitId?: string;
        /** scrypt hash in the form `scrypt$N$r$p$salt$hash` (base64); never the password. */
        passwordHash: string;
      };
    }
  | { type: 'PasswordChanged'; data: { passwordHash: string } };

export type AccountEventType = AccountEvent['type'];

export const UNIT_STREAM_PREFIX = 'unit-';
export const USER_STREAM_PREFIX = 'user-';
export const unitStreamId = (unitId: string): string => `${UNIT_STREAM_PREFIX}${unitId}`;
export const userStreamId = (userId: string): string => `${USER_STREAM_PREFIX}${userId}`;
