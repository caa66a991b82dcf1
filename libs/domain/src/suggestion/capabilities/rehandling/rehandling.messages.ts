/** The commands rehandling accepts and the events it records (composed into the suggestion's unions). */

export type RehandlingCommand =
  /**
   * 重新办理 decided by staff, where the rulebook does not start it on a dissatisfied rating: after one
   * (上海 第二十一条, 重庆 第二十七条, 青岛 第三十一条) or on the standing committee's finding (北京 第二十七条).
   * unitId is required in separate mode.
   */
  | { type: 'StartRehandling'; data: { reason: string; unitId?: string } };

export type RehandlingEvent =
  /**
   * Follows a dissatisfied rating in the same append where re-handling is automatic; otherwise it is
   * staff's decision (StartRehandling), with their reason.
   */
  | { type: 'RehandlingStarted'; data: { unitId: string; round: number; dueAt: string; reason?: string } };
