import { useEffect, useMemo, useState } from 'react';
import { PageTitle } from '../../components/page-title';
import { Segmented } from 'antd';
import { countStatuses, listSuggestions } from '../../api/suggestions-api';
import type { SuggestionStatus } from '../../api/types';
import { ALL_STATUSES, ListFilters } from '../../components/list-filters';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';
import type { ListQuery } from '../../lib/list-query';
import { useServerList, type ListScope } from '../../lib/use-server-list';
import { SelectionBar } from './selection-bar';
import { PendingRequests } from './pending-requests';
import { SimilarGroups } from './similar-groups';
import { BatchActionBar } from './batch-action-bar';

type View = 'submitted' | 'accepted' | 'pending' | 'handling' | 'answered' | 'all';
const VIEWS: readonly View[] = ['submitted', 'accepted', 'pending', 'handling', 'answered', 'all'];

const VIEW_STATUSES: Record<View, SuggestionStatus[] | null> = {
  submitted: ['submitted'],
  accepted: ['accepted'],
  // Requests wait on suggestions in handling; their details say which.
  pending: ['assigned', 'rehandling'],
  handling: ['assigned', 'rehandling'],
  answered: ['answered', 'rated', 'closed'],
  all: null,
};

const COUNTED: SuggestionStatus[] = ['submitted', 'accepted', 'assigned', 'rehandling'];

function viewOf(query: ListQuery): View {
  return (VIEWS as readonly string[]).includes(query.view ?? '') ? (query.view as View) : 'submitted';
}

/** The tab fixes the statuses (and 待审批 the waiting requests); the filters narrow them. */
function scopeOf(query: ListQuery): ListScope {
  const view = viewOf(query);
  const statuses = VIEW_STATUSES[view];
  return { ...(statuses ? { statuses } : {}), ...(view === 'pending' ? { pendingRequest: true } : {}) };
}

/** 登记交办: register or reject new suggestions, assign them, decide units' requests. */
export function StaffRegisterPage() {
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const { query, update, params, list, paging, sorting } = useServerList(scopeOf);
  const view = viewOf(query);
  const statuses = VIEW_STATUSES[view];
  const scopeFilters = { q: query.q, unitId: query.unitId, category: query.category, submittedFrom: query.submittedFrom, submittedTo: query.submittedTo };
  const counts = useAsync(async () => {
    const [byStatus, pending] = await Promise.all([
      countStatuses(COUNTED, scopeFilters),
      listSuggestions({ ...scopeFilters, pendingRequest: true, pageSize: 1 }).then((p) => p.total),
    ]);
    return { byStatus, pending };
  }, [JSON.stringify(scopeFilters)]);
  useLiveRefresh(() => {
    list.reload();
    counts.reload();
  });
  // Another tab or filter shows other rows: what was picked stays picked only while it is in view.
  useEffect(() => setSelectedIds([]), [view]);

  // A failed count says nothing rather than "（0）" beside the error.
  const count = (n: number | undefined) => (counts.data && n !== undefined ? `（${n}）` : '');
  const n = (s: SuggestionStatus) => counts.data?.byStatus[s] ?? 0;
  const items = list.data?.items ?? [];
  const titles = useMemo(() => Object.fromEntries(items.map((i) => [i.id, i.title])), [items]);

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>登记交办</PageTitle>
      </div>
      <Segmented<View>
        className="gap-bottom"
        aria-label="列表范围"
        value={view}
        onChange={(v) => update({ view: v })}
        data-testid="staff-views"
        options={[
          { value: 'submitted', label: `待立案${count(n('submitted'))}` },
          { value: 'accepted', label: `待交办${count(n('accepted'))}` },
          { value: 'pending', label: `待审批${count(counts.data?.pending)}` },
          { value: 'handling', label: `办理中${count(n('assigned') + n('rehandling'))}` },
          { value: 'answered', label: '已答复' },
          { value: 'all', label: '全部' },
        ]}
      />
      <ListFilters
        query={query}
        update={update}
        statuses={statuses && statuses.length > 1 ? statuses : statuses ? undefined : ALL_STATUSES}
        unit
        exportParams={params}
      />
      <SelectionBar selectedIds={selectedIds} onClear={() => setSelectedIds([])} />
      {(view === 'submitted' || view === 'accepted') && <SimilarGroups items={items} onChange={list.reload} />}
      <LoadState loading={list.loading} error={list.error} hasData={!list.error} reload={list.reload}>
        {view !== 'pending' && (
          <BatchActionBar
            selectedIds={selectedIds}
            titles={titles}
            onDone={() => {
              setSelectedIds([]);
              list.reload();
              counts.reload();
            }}
          />
        )}
        {view === 'pending' ? (
          <PendingRequests items={items} />
        ) : (
          <SuggestionList
            items={items}
            loading={list.loading}
            showDeputy
            linkTo={(id) => `/staff/suggestions/${id}`}
            emptyText="暂无建议"
            paging={paging}
            sorting={sorting}
            selection={{ selectedIds, onChange: setSelectedIds }}
          />
        )}
      </LoadState>
    </div>
  );
}
