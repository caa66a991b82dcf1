import { request } from './client';
import type { SuggestionStatus } from './types';

/** One unit ranked by 智能交办 (GET /api/suggestions/:id/routing, staff and admins). */
export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  score: number;
  reason: string;
}

/** One similar suggestion (解决一类), as the caller may read it. */
export interface SimilarSuggestion {
  id: string;
  number?: number;
  title: string;
  score: number;
  status: SuggestionStatus;
  answerCategory?: string;
  unitNames: string[];
}

export const fetchRouting = (id: string): Promise<UnitSuggestion[]> => request<UnitSuggestion[]>(`/api/suggestions/${encodeURIComponent(id)}/routing`);

export const fetchSimilar = (id: string): Promise<SimilarSuggestion[]> => request<SimilarSuggestion[]>(`/api/suggestions/${encodeURIComponent(id)}/similar`);

/** Matches the api's limit on the text it compares (title and the start of the content). */
export const SIMILAR_TEXT_MAX = 300;

/** Published suggestions like what a deputy is writing (no token needed). */
export const fetchSimilarPublished = (text: string): Promise<SimilarSuggestion[]> =>
  request<SimilarSuggestion[]>('/api/public/similar-suggestions', { query: { text: text.slice(0, SIMILAR_TEXT_MAX) } });
