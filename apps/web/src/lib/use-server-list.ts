import { useMemo } from 'react';
import { listPage, type ListParams } from '../api/suggestions-api';
import type { ListFilter, SuggestionList, SuggestionStatus } from '../api/types';
import type { ListPaging, ListSorting } from '../components/suggestion-list';
import { toApiFilter, useListQuery, type ListQuery } from './list-query';
import { useAsync, type AsyncState } from './use-async';

export interface ServerList {
  query: ListQuery;
  update: (patch: Partial<ListQuery>) => void;
  /** What was asked of the api (the export sends the same). */
  params: ListParams;
  list: AsyncState<SuggestionList>;
  paging: ListPaging;
  sorting: ListSorting;
}

/**
 * One page of a list the server filters, sorts and pages, its filters in the address bar. `scope`
 * is what the page itself fixes (a unit's id, a tab's statuses); the user's filters narrow it.
 */
export type ListScope = ListFilter & { statuses?: SuggestionStatus[] };

export function useServerList(scope: ListScope | ((query: ListQuery) => ListScope) = {}): ServerList {
  const [query, update] = useListQuery();
  const params = toApiFilter(query, typeof scope === 'function' ? scope(query) : scope);
  const key = JSON.stringify(params);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableParams = useMemo(() => params, [key]);
  const list = useAsync(() => listPage(stableParams), [key]);
  const paging: ListPaging = {
    page: query.page,
    pageSize: query.pageSize,
    total: list.data?.total ?? 0,
    onChange: (page, pageSize) => update(pageSize !== query.pageSize ? { pageSize } : { page }),
  };
  const sorting: ListSorting = { sort: query.sort, order: query.order, onChange: (sort, order) => update({ sort, order }) };
  return { query, update, params: stableParams, list, paging, sorting };
}
