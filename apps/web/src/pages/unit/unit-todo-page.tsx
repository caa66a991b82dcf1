import { useMemo, useState } from 'react';
import { PageTitle } from '../../components/page-title';
import { Segmented, Space, Tag } from 'antd';
import { listStatuses, listUpTo } from '../../api/suggestions-api';
import type { SuggestionStatus } from '../../api/types';
import { TruncationNote } from '../../components/truncation-note';
import { byDueDate } from '../../lib/by-due-date';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';
import { UnitCommitments } from './unit-commitments';
import { useUser } from '../../auth/auth-context';

type View = 'todo' | 'answered' | 'all' | 'commitments';

const VIEW_STATUSES: Record<Exclude<View, 'commitments'>, SuggestionStatus[] | null> = {
  todo: ['assigned', 'rehandling'],
  answered: ['answered', 'rated', 'closed'],
  all: null,
};

/** 待办: what is assigned to my unit, most urgent first, coloured red / amber / green. */
export function UnitTodoPage() {
  const user = useUser();
  const [view, setView] = useState<View>('todo');
  const listView = view === 'commitments' ? 'todo' : view;
  const statuses = VIEW_STATUSES[listView];
  const list = useAsync(
    () => (statuses ? listStatuses(statuses, { unitId: user.unitId }) : listUpTo({ unitId: user.unitId })),
    [listView, user.unitId],
  );
  const todo = useAsync(() => listStatuses(VIEW_STATUSES.todo ?? [], { unitId: user.unitId }), [user.unitId]);
  useLiveRefresh(() => {
    list.reload();
    todo.reload();
  });

  const items = useMemo(() => [...(list.data?.items ?? [])].sort(byDueDate), [list.data]);
  const todoCount = todo.data?.total ?? 0;

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>待办</PageTitle>
        <Space wrap size={4} className="legend">
          <Tag color="red">已逾期</Tag>
          <Tag color="orange">三个工作日内到期</Tag>
          <Tag color="green">期限充足</Tag>
        </Space>
      </div>
      <Segmented<View>
        className="gap-bottom"
        aria-label="列表范围"
        value={view}
        onChange={setView}
        options={[
          { value: 'todo', label: `待办理（${todoCount}）` },
          { value: 'answered', label: '已答复' },
          { value: 'all', label: '全部' },
          { value: 'commitments', label: '承诺事项' },
        ]}
      />
      {view === 'commitments' ? (
        <UnitCommitments unitId={user.unitId} />
      ) : (
        <LoadState loading={list.loading} error={list.error} hasData={!!list.data} reload={list.reload}>
          <TruncationNote shown={items.length} total={list.data?.total ?? 0} />
          <SuggestionList
            items={items}
            loading={list.loading}
            showDeputy
            linkTo={(id) => `/unit/suggestions/${id}`}
            emptyText={view === 'todo' ? '暂无待办理的建议' : '暂无建议'}
          />
        </LoadState>
      )}
    </div>
  );
}
