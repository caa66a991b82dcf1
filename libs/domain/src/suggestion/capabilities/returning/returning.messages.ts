/** The commands returning accepts and the events it records (composed into the suggestion's unions). */

export type ReturningCommand =
  | { type: 'RequestReturn'; data: { reason: string } }
  | { type: 'DecideReturn'; data: { approve: boolean; reason?: string } };

export type ReturningEvent =
  | { type: 'ReturnRequested'; data: { unitId: string; reason: string } }
  /** The assignment ends; staff assign again. */
  | { type: 'ReturnApproved'; data: { unitId: string; reason?: string; assignDueAt: string } }
  | { type: 'ReturnDenied'; data: { unitId: string; reason?: string } };
