import type { SessionTerms } from '../session-assignment/session-assignment.rule';

/** The commands submission accepts and the events it records (composed into the suggestion's unions). */

export type SubmissionCommand =
  /** hideDeputyName: the deputies' names are not shown in public (公开时隐去代表姓名). */
  /**
   * sessionId: resolved by the api (named, or the default session of the day). leadDeputyId: only
   * staff/admin, registering on a deputy's behalf. delegationId: the deputy's 代表团, resolved by the api
   * when the deputy submits on its behalf.
   */
  | {
      type: 'SubmitSuggestion';
      data: {
        suggestionId: string;
        title: string;
        content: string;
        coSignerIds: string[];
        hideDeputyName?: boolean;
        /** Absent: the legacy session (the api always names one; older callers and fixtures do not). */
        sessionId?: string;
        leadDeputyId?: string;
        delegationId?: string;
        delegationHeadId?: string;
      };
    }
  /**
   * number: claimed by the api from the session's numbering before the command runs (see numbering).
   * session: the terms of the suggestion's session that set when the assignment is due (absent: recess).
   */
  | { type: 'AcceptSuggestion'; data: { number?: number; session?: SessionTerms } }
  | { type: 'RejectSuggestion'; data: { reason: string } };

export type SubmissionEvent =
  | {
      type: 'SuggestionSubmitted';
      data: {
        suggestionId: string;
        title: string;
        content: string;
        leadDeputyId: string;
        coSignerIds: string[];
        /** Present (true) only when the deputies asked to stay unnamed in public; absent reads as false. */
        hideDeputyName?: boolean;
        /** The session (届次/会次) it belongs to; events from before sessions read as the legacy session (upcast). */
        sessionId: string;
        /** A suggestion of a delegation (代表团), made by its deputy on its behalf; rated by the delegation's head. */
        delegationId?: string;
        /** The delegation's head (团长) when it was made: they rate it. */
        delegationHeadId?: string;
        /** The staff member who registered it on the lead deputy's behalf (received on paper, imported). */
        registeredBy?: string;
      };
    }
  /** `number`: 第N号 within the session, consecutive, never reused (absent on events from before numbers). */
  | { type: 'SuggestionAccepted'; data: { assignDueAt: string; number?: number } }
  | { type: 'SuggestionRejected'; data: { reason: string } };
