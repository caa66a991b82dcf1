import { Role } from '../shared/actor';

/** Units live in stream `unit-<unitId>`, users in `user-<userId>` (userId = the login name). */
export type AccountEvent =
  | { type: 'UnitRegistered'; data: { unitId: string; name: string } }
  /** Lists and views show the new name from now on, also for what was done under the old one. */
  | { type: 'UnitRenamed'; data: { name: string; previousName: string } }
  | {
      type: 'UserRegistered';
      data: {
        userId: string;
        displayName: string;
        role: Role;
        unitId?: string;
        /** scrypt hash in the form `scrypt$N$r$p$salt$hash` (base64); never the password. */
        passwordHash: string;
        /** Every route but a password change is refused until the owner picks their own password. */
        mustChangePassword?: true;
        /** A deputy's delegation (代表团). */
        delegationId?: string;
        /** A deputy's phone number (PHONE_PATTERN). */
        phone?: string;
      };
    }
  /** Ends every session that signed in before it; a required change is done. */
  | { type: 'PasswordChanged'; data: { passwordHash: string } }
  /** The account can no longer sign in; every session ends. */
  | { type: 'UserDeactivated'; data: Record<string, never> }
  | { type: 'UserReactivated'; data: Record<string, never> }
  /** Ends every session that signed in before it (their tokens carry the old role). */
  | { type: 'UserRoleChanged'; data: { role: Role; unitId?: string } }
  /** A deputy's delegation; absent: none. Sessions go on (a token does not carry it). */
  | { type: 'UserDelegationChanged'; data: { delegationId?: string } }
  /** Ends every session that signed in before it (their tokens carry the old unit). */
  | { type: 'UserMovedToUnit'; data: { unitId: string } }
  /** A deputy's phone number; absent: removed. */
  | { type: 'UserPhoneChanged'; data: { phone?: string } }
  /** One session signed out: the token with this id is refused until it expires anyway. */
  | { type: 'SessionEnded'; data: { jti: string; expiresAt: string } };

export type AccountEventType = AccountEvent['type'];

/**
 * Events after which no token issued before them is honoured. A token names the user stream's
 * revision its login read, so "issued before" is "names a lower revision than this event's".
 */
export const SESSION_ENDING_EVENTS: readonly AccountEventType[] = ['PasswordChanged', 'UserDeactivated', 'UserRoleChanged', 'UserMovedToUnit'];

export const UNIT_STREAM_PREFIX = 'unit-';
export const USER_STREAM_PREFIX = 'user-';
export const unitStreamId = (unitId: string): string => `${UNIT_STREAM_PREFIX}${unitId}`;
export const userStreamId = (userId: string): string => `${USER_STREAM_PREFIX}${userId}`;
