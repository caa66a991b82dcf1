import { PageTitle } from '../../components/page-title';
import { ALL_STATUSES, ListFilters } from '../../components/list-filters';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { useLiveRefresh } from '../../live/live-context';
import { useServerList } from '../../lib/use-server-list';


/** 过程审计: find any suggestion (by filters, order and pages the server keeps) and open its full timeline. */
export function AuditPage() {
  const { query, update, params, list, paging, sorting } = useServerList();
  useLiveRefresh(list.reload);
  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>过程审计</PageTitle>
      </div>
      <ListFilters query={query} update={update} statuses={ALL_STATUSES} unit exportParams={params} />
      <LoadState loading={list.loading} error={list.error} hasData={!list.error} reload={list.reload}>
        <SuggestionList
          items={list.data?.items ?? []}
          loading={list.loading}
          showDeputy
          linkTo={(id) => `/supervisor/suggestions/${id}`}
          paging={paging}
          sorting={sorting}
        />
      </LoadState>
    </div>
  );
}
