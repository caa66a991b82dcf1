import type { AttachmentRef, Commitment, CommitmentInput } from '../../values';

/** The commands answering accepts and the events it records (composed into the suggestion's unions). */

export type AnsweringCommand =
  | {
      type: 'AnswerSuggestion';
      /** attachmentIds: letters this unit uploaded to the suggestion; groupLetters: see capabilities/attachments/attachments.rule.ts. */
      data: { category: string; content: string; signedBy: string; commitments: CommitmentInput[]; attachmentIds?: string[]; groupLetters?: AttachmentRef[] };
    };

export type AnsweringEvent =
  | {
      type: 'SuggestionAnswered';
      data: {
        unitId: string;
        /** 1 for the first answer, 2 after the first re-handling, … */
        round: number;
        category: string;
        content: string;
        signedBy: string;
        commitments: Omit<Commitment, 'fulfilledAt' | 'evidence'>[];
        /** Whether the answer came by the due time in force (answer, extension or re-handling). */
        onTime: boolean;
        /** Set when this answer completes the suggestion's answers: the deputy's feedback window. */
        feedbackDueAt?: string;
        /** The signed letters (答复函), each with its sha256: the audit chain covers the files. Absent = none. */
        letters?: AttachmentRef[];
      };
    };
