import type { PublicAnswer, PublicSuggestionView } from '@duban/domain';

/** The domain's public view with the names a reader needs; deputy names stay null where hidden. */
export interface PublishedSuggestion extends Omit<PublicSuggestionView, 'answers'> {
  deputyNames: string[] | null;
  unitNames: string[];
  answers: (PublicAnswer & { unitName: string })[];
}

export interface PublishedSuggestionQuery {
  page: number;
  pageSize: number;
  /** Matched against title and content. */
  q?: string;
}

export interface PublishedSuggestionList {
  /** Newest publication first. */
  items: PublishedSuggestion[];
  total: number;
}
