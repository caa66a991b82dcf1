import { request } from './client';
import type { SimilarSuggestion, UnitSuggestion } from '@duban/read-models/routing/routing.types';

// The read model's own types (type-only, erased from the bundle): a change there breaks the web's build.
export type { SimilarSuggestion, UnitSuggestion };

export const fetchRouting = (id: string): Promise<UnitSuggestion[]> => request<UnitSuggestion[]>(`/api/suggestions/${encodeURIComponent(id)}/routing`);

export const fetchSimilar = (id: string): Promise<SimilarSuggestion[]> => request<SimilarSuggestion[]>(`/api/suggestions/${encodeURIComponent(id)}/similar`);

/** Matches the api's limit on the text it compares (title and the start of the content). */
export const SIMILAR_TEXT_MAX = 300;

/** Published suggestions like what a deputy is writing (no token needed). */
export const fetchSimilarPublished = (text: string): Promise<SimilarSuggestion[]> =>
  request<SimilarSuggestion[]>('/api/public/similar-suggestions', { query: { text: text.slice(0, SIMILAR_TEXT_MAX) } });
