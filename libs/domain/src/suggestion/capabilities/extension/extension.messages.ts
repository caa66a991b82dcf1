/** The commands extension accepts and the events it records (composed into the suggestion's unions). */

export type ExtensionCommand =
  | { type: 'RequestExtension'; data: { reason: string; until: string } }
  | { type: 'DecideExtension'; data: { approve: boolean; reason?: string } };

export type ExtensionEvent =
  | { type: 'ExtensionRequested'; data: { unitId: string; reason: string; until: string } }
  /**
   * `tellDeputy`: the rulebook in force when granted says the deputy is told (上海 第十九条, 青岛 第二十五条, 河南 第二十条).
   * `lateSince`: the due time that had already passed when the extension was asked for. The new due
   * time is followed up, but the unit's answer of this round counts as late (lateness incurred stays).
   */
  | { type: 'ExtensionGranted'; data: { unitId: string; until: string; reason?: string; tellDeputy?: true; lateSince?: string } }
  | { type: 'ExtensionDenied'; data: { unitId: string; reason?: string } };
