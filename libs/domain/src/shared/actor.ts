/** Roles a person can hold. `system` is the scheduler and other automatic processes. */
export const ROLES = ['deputy', 'staff', 'unit', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type ActorRole = Role | 'system';

/** Who did something. Carried in every event's metadata and every command's context. */
export interface Actor {
  userId: string;
  role: ActorRole;
  /** Set for role `unit`: the handling unit the account belongs to. */
  unitId?: string;
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system' };
