import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ListFilter, SuggestionStatus } from '../api/types';
import type { SuggestionListSort } from '@duban/read-models/read-model.types';

/** A list's filters as the address bar keeps them, so a refresh or a shared link shows the same list. */
export interface ListQuery {
  q?: string;
  status?: SuggestionStatus;
  unitId?: string;
  category?: string;
  /** YYYY-MM-DD, whole Beijing days, both ends included. */
  submittedFrom?: string;
  submittedTo?: string;
  sessionId?: string;
  year?: string;
  delegationId?: string;
  sort?: SuggestionListSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /** The page's own tab (待立案, 办理中, …): in the address too, but not an api filter. */
  view?: string;
}

export const LIST_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;
const TEXT_KEYS = ['q', 'status', 'unitId', 'category', 'submittedFrom', 'submittedTo', 'sessionId', 'year', 'delegationId', 'sort', 'order'] as const;
type TextKey = (typeof TEXT_KEYS)[number];

/** Reads the filters from the address; anything odd there (a hand-edited link) the api answers with a 400 the page shows. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const query: ListQuery = { page: positive(params.get('page')) ?? 1, pageSize: positive(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE };
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value) (query as unknown as Record<TextKey, string>)[key] = value;
  }
  const view = params.get('view');
  if (view) query.view = view;
  return query;
}

function positive(text: string | null): number | undefined {
  const n = text === null ? NaN : Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Whether any filter narrows the list (paging and order do not). */
export function hasFilters(query: ListQuery): boolean {
  return TEXT_KEYS.some((key) => key !== 'sort' && key !== 'order' && query[key] !== undefined);
}

/** The api's query for this list: the page's own scope (`fixed`, e.g. a unit's id or a tab's statuses) over the user's filters. */
export function toApiFilter(query: ListQuery, fixed: ListFilter & { statuses?: SuggestionStatus[] } = {}): Record<string, string | number | boolean | undefined> {
  const { statuses, ...rest } = fixed;
  const { view: _view, ...filters } = query;
  return {
    ...filters,
    ...rest,
    ...(statuses ? { statuses: statuses.join(',') } : {}),
  };
}

/**
 * The list's filters in the URL. Changing a filter (or the page size) goes back to page 1: page 7
 * of another filter means nothing. Changes replace the history entry, so Back leaves the list.
 */
export function useListQuery(): [ListQuery, (patch: Partial<ListQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseListQuery(params), [params]);
  const update = useCallback(
    (patch: Partial<ListQuery>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch) || 'pageSize' in patch) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [query, update];
}
