import { PageTitle } from '../../components/page-title';
import { Segmented, Space, Tag } from 'antd';
import { listPage } from '../../api/suggestions-api';
import type { SuggestionStatus } from '../../api/types';
import { ListFilters } from '../../components/list-filters';
import { LoadState } from '../../components/load-state';
import type { ListQuery } from '../../lib/list-query';
import { useServerList, type ListScope } from '../../lib/use-server-list';
import { SuggestionList } from '../../components/suggestion-list';
import { useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';
import { UnitCommitments } from './unit-commitments';
import { useUser } from '../../auth/auth-context';

type View = 'todo' | 'answered' | 'all' | 'commitments';
const VIEWS: readonly View[] = ['todo', 'answered', 'all', 'commitments'];
const UNIT_STATUSES: readonly SuggestionStatus[] = ['assigned', 'answered', 'rehandling', 'rated', 'closed', 'withdrawn'];

function viewOf(query: ListQuery): View {
  return (VIEWS as readonly string[]).includes(query.view ?? '') ? (query.view as View) : 'todo';
}

const VIEW_STATUSES: Record<Exclude<View, 'commitments'>, SuggestionStatus[] | null> = {
  todo: ['assigned', 'rehandling'],
  answered: ['answered', 'rated', 'closed'],
  all: null,
};

/** 待办: what is assigned to my unit, most urgent first, coloured red / amber / green. */
export function UnitTodoPage() {
  const user = useUser();
  // The api scopes a unit's list to its own suggestions; the tab picks the statuses.
  const scope = (query: ListQuery): ListScope => {
    const view = viewOf(query);
    const statuses = VIEW_STATUSES[view === 'commitments' ? 'todo' : view];
    return statuses ? { statuses } : {};
  };
  const { query, update, params, list, paging, sorting } = useServerList(scope);
  const view = viewOf(query);
  const todo = useAsync(
    () => listPage({ unitId: user.unitId, statuses: (VIEW_STATUSES.todo ?? []).join(','), pageSize: 1 }).then((p) => p.total),
    [user.unitId],
  );
  useLiveRefresh(() => {
    list.reload();
    todo.reload();
  });
  const items = list.data?.items ?? [];
  const statusChoices = view === 'all' ? UNIT_STATUSES : VIEW_STATUSES[view === 'commitments' ? 'todo' : view];

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
        onChange={(v) => update({ view: v })}
        options={[
          { value: 'todo', label: todo.data === undefined ? '待办理' : `待办理（${todo.data}）` },
          { value: 'answered', label: '已答复' },
          { value: 'all', label: '全部' },
          { value: 'commitments', label: '承诺事项' },
        ]}
      />
      {view === 'commitments' ? (
        <UnitCommitments unitId={user.unitId} />
      ) : (
        <>
          <ListFilters query={query} update={update} statuses={statusChoices ?? undefined} exportParams={params} />
          <LoadState loading={list.loading} error={list.error} hasData={!list.error} reload={list.reload}>
            <SuggestionList
              items={items}
              loading={list.loading}
              showDeputy
              linkTo={(id) => `/unit/suggestions/${id}`}
              emptyText={view === 'todo' ? '暂无待办理的建议' : '暂无建议'}
              paging={paging}
              sorting={sorting}
            />
          </LoadState>
        </>
      )}
    </div>
  );
}
