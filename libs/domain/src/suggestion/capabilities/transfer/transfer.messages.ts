import type { AssignmentDeadlines } from '../../values';

/** The commands transfer accepts and the events it records (composed into the suggestion's unions). */

export type TransferCommand =
  /** 转办 (staff): one unit of the current assignment hands its part to another unit. */
  | { type: 'TransferSuggestion'; data: { fromUnitId: string; toUnitId: string; reason: string } };

export type TransferEvent =
  /**
   * 转办: `toUnitId` takes `fromUnitId`'s place and role in the current assignment, on a clock of its
   * own that starts at the transfer (the due times below, computed when decided); the old unit's
   * obligations end.
   */
  | { type: 'SuggestionTransferred'; data: { fromUnitId: string; toUnitId: string; reason: string } & AssignmentDeadlines };
