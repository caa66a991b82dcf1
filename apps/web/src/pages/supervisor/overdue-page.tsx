import { Card } from 'antd';
import { PageTitle } from '../../components/page-title';
import { listUpTo } from '../../api/suggestions-api';
import type { SuggestionListItem } from '../../api/types';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { useLiveRefresh } from '../../live/live-context';
import { byDueDate } from '../../lib/by-due-date';
import { useAsync } from '../../lib/use-async';
import { OverdueCommitments } from './overdue-commitments';
import { UrgeAction } from './supervision-actions';

/** 逾期清单: suggestions past their due time, oldest first, with an urge button on each. */
export function OverduePage() {
  const list = useAsync(() => listUpTo({ overdue: true }), []);
  useLiveRefresh(list.reload);
  const items = [...(list.data?.items ?? [])].sort(byDueDate);
  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>逾期清单</PageTitle>
      </div>
      <Card title={`逾期未办结的建议（${list.data?.total ?? 0} 件）`} className="gap-bottom">
        <LoadState loading={list.loading} error={list.error} hasData={!!list.data} reload={list.reload}>
          <SuggestionList
            items={items}
            showDeputy
            linkTo={(id) => `/supervisor/suggestions/${id}`}
            emptyText="目前没有逾期的建议"
            extraColumns={[
              {
                title: '操作',
                key: 'urge',
                width: 90,
                render: (_: unknown, item: SuggestionListItem) => (
                  <UrgeAction id={item.id} revision={item.revision} onDone={list.reload} small />
                ),
              },
            ]}
          />
        </LoadState>
      </Card>
      <Card title="逾期未落实的承诺事项">
        <OverdueCommitments />
      </Card>
    </div>
  );
}
