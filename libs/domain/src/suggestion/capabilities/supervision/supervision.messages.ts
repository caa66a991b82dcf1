/** The commands supervision accepts and the events it records (composed into the suggestion's unions). */

export type SupervisionCommand =
  | { type: 'StartKeySupervision'; data: { supervisorId: string; leaderName?: string } }
  | { type: 'UrgeSuggestion'; data: { note: string } };

export type SupervisionEvent =
  | { type: 'KeySupervisionStarted'; data: { supervisorId: string; leaderName?: string } }
  | { type: 'SuggestionUrged'; data: { note: string } }
  /** A second dissatisfied rating (or worse): staff and supervisors see it flagged (提级督办). */
  | { type: 'SuggestionEscalated'; data: { unitId: string; reason: string } };
