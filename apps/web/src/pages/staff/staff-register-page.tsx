import { useEffect, useMemo, useState } from 'react';
import { SearchBox } from '../../components/search-box';
import { PageTitle } from '../../components/page-title';
import { Segmented } from 'antd';
import { countStatuses, listStatuses, listUpTo } from '../../api/suggestions-api';
import type { SuggestionStatus } from '../../api/types';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { TruncationNote } from '../../components/truncation-note';
import { useLiveRefresh } from '../../live/live-context';
import { byDueDate } from '../../lib/by-due-date';
import { useAsync } from '../../lib/use-async';
import { PendingRequests } from './pending-requests';
import { SimilarGroups } from './similar-groups';
import { BatchActionBar } from './batch-action-bar';

type View = 'submitted' | 'accepted' | 'pending' | 'handling' | 'answered' | 'all';

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

/** 登记交办: register or reject new suggestions, assign them, decide units' requests. */
export function StaffRegisterPage() {
  const [view, setView] = useState<View>('submitted');
  const [q, setQ] = useState('');
  const query = q || undefined;
  const statuses = VIEW_STATUSES[view];
  const list = useAsync(() => (statuses ? listStatuses(statuses, { q: query }) : listUpTo({ q: query })), [view, query]);
  const counts = useAsync(() => countStatuses(COUNTED, { q: query }), [query]);
  useLiveRefresh(() => {
    list.reload();
    counts.reload();
  });

  const items = useMemo(() => [...(list.data?.items ?? [])].sort(byDueDate), [list.data]);
  // 批量立案/交办 act on the rows ticked in the list; a new view or search starts with none.
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const titles = useMemo(() => Object.fromEntries(items.map((i) => [i.id, i.title])), [items]);
  useEffect(() => setSelectedIds([]), [view, query]);
  const c = counts.data ?? {};
  const n = (s: SuggestionStatus) => c[s] ?? 0;

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>登记交办</PageTitle>
        <SearchBox placeholder="搜索标题或内容" onSearch={setQ} className="search-box" />
      </div>
      <Segmented<View>
        className="gap-bottom"
        aria-label="列表范围"
        value={view}
        onChange={setView}
        data-testid="staff-views"
        options={[
          { value: 'submitted', label: `待立案（${n('submitted')}）` },
          { value: 'accepted', label: `待交办（${n('accepted')}）` },
          { value: 'pending', label: '待审批' },
          { value: 'handling', label: `办理中（${n('assigned') + n('rehandling')}）` },
          { value: 'answered', label: '已答复' },
          { value: 'all', label: '全部' },
        ]}
      />
      {(view === 'submitted' || view === 'accepted') && <SimilarGroups items={items} onChange={list.reload} />}
      <LoadState loading={list.loading} error={list.error} hasData={!!list.data} reload={list.reload}>
        <TruncationNote shown={items.length} total={list.data?.total ?? 0} />
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
          <SuggestionList items={items} loading={list.loading} showDeputy linkTo={(id) => `/staff/suggestions/${id}`} emptyText="暂无建议" />
        )}
      </LoadState>
    </div>
  );
}
