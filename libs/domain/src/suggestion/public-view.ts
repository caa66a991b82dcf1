import { instantMs } from '../calendar/local-date';
import { answeringUnits, currentAssignment } from './assignment-view';
import { SuggestionState } from './state';
import { AttachmentRef, SuggestionStatus } from './values';

export interface PublicAnswer {
  unitId: string;
  round: number;
  /** Answer category code, e.g. `A`. */
  category: string;
  content: string;
  signedBy: string;
  answeredAt: string;
  /** The signed letters (答复函), public with the answer (absent: none). */
  letters?: AttachmentRef[];
}

/** What the public may read of a published suggestion (公开): nothing else leaves through it. */
export interface PublicSuggestionView {
  id: string;
  title: string;
  content: string;
  status: SuggestionStatus;
  /** Lead deputy first, then the co-signers; null when the deputies asked to stay unnamed. */
  deputyIds: string[] | null;
  unitIds: string[];
  /** Oldest first. */
  answers: PublicAnswer[];
  publishedAt: string;
}

/**
 * The public view of a suggestion, or null unless it is published (and not exempted since).
 * Leaves out everything not meant for the public: ratings, commitments, contacts, co-handler
 * opinions, requests, supervision, and the deputies when hidden.
 */
export function publicView(state: SuggestionState): PublicSuggestionView | null {
  if (state.status === 'none') return null;
  const { disclosure } = state;
  if (disclosure?.status !== 'published') return null;
  const assignment = currentAssignment(state);
  const answers = (assignment ? answeringUnits(assignment) : [])
    .flatMap((u) =>
      u.answers.map((a) => ({
        unitId: u.unitId,
        round: a.round,
        category: a.category,
        content: a.content,
        signedBy: a.signedBy,
        answeredAt: a.answeredAt,
        ...(a.letters && a.letters.length > 0 ? { letters: a.letters.map((l) => ({ ...l })) } : {}),
      })),
    )
    .sort((a, b) => instantMs(a.answeredAt) - instantMs(b.answeredAt));
  return {
    id: state.id,
    title: state.title,
    content: state.content,
    status: state.status,
    deputyIds: state.hideDeputyName ? null : [state.leadDeputyId, ...state.coSignerIds],
    unitIds: assignment?.units.map((u) => u.unitId) ?? [],
    answers,
    publishedAt: disclosure.at,
  };
}
