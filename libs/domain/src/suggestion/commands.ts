import { AssignmentMode, CommitmentInput, Satisfaction } from './values';

/** What people ask of a suggestion. Imperative; the decider answers with events or a DomainError. */
export type SuggestionCommand =
  | { type: 'SubmitSuggestion'; data: { suggestionId: string; title: string; content: string; coSignerIds: string[] } }
  | { type: 'AcceptSuggestion'; data: Record<string, never> }
  | { type: 'RejectSuggestion'; data: { reason: string } }
  /** lead mode: unitIds holds the lead and the co-handlers, leadUnitId names the lead. */
  | { type: 'AssignSuggestion'; data: { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string } }
  | { type: 'RequestReturn'; data: { reason: string } }
  | { type: 'DecideReturn'; data: { approve: boolean; reason?: string } }
  | { type: 'ContactDeputy'; data: { method: string; summary: string } }
  | { type: 'SubmitCoHandlerOpinion'; data: { content: string } }
  | { type: 'RequestExtension'; data: { reason: string; until: string } }
  | { type: 'DecideExtension'; data: { approve: boolean; reason?: string } }
  | { type: 'StartKeySupervision'; data: { supervisorId: string; leaderName?: string } }
  | { type: 'UrgeSuggestion'; data: { note: string } }
  | {
      type: 'AnswerSuggestion';
      data: { category: string; content: string; signedBy: string; commitments: CommitmentInput[] };
    }
  /** unitId is required in separate mode, where each unit is rated on its own. */
  | { type: 'RateSuggestion'; data: { attitude: Satisfaction; result: Satisfaction; reason?: string; unitId?: string } }
  | { type: 'FulfilCommitment'; data: { commitmentId: string; evidence: string } }
  | { type: 'WithdrawSuggestion'; data: { reason: string } }
  | { type: 'CloseSuggestion'; data: Record<string, never> };

export type SuggestionCommandType = SuggestionCommand['type'];
