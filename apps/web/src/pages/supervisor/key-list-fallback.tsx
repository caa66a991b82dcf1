import { Alert } from 'antd';
import { listUpTo } from '../../api/suggestions-api';
import type { SuggestionListItem } from '../../api/types';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';
import { UrgeAction } from './supervision-actions';

/** Until the supervision endpoint exists (issue 4), the list's keySupervised filter still finds them. */
export function KeyListFallback() {
  const list = useAsync(() => listUpTo({ keySupervised: true }), []);
  useLiveRefresh(list.reload);
  return (
    <>
      <Alert
        type="info"
        showIcon
        className="gap-bottom"
        data-testid="feature-unavailable"
        title="重点督办统计暂未开放"
        description="服务器尚未提供重点督办接口，督办人、领办领导覆盖率开放后自动显示；下面先列出全部重点督办建议。"
      />
      <LoadState loading={list.loading} error={list.error} hasData={!!list.data} reload={list.reload}>
        <SuggestionList
          items={list.data?.items ?? []}
          showDeputy
          linkTo={(id) => `/supervisor/suggestions/${id}`}
          emptyText="尚无重点督办建议"
          extraColumns={[
            {
              title: '操作',
              key: 'urge',
              render: (_: unknown, item: SuggestionListItem) => <UrgeAction id={item.id} revision={item.revision} onDone={list.reload} small />,
            },
          ]}
        />
      </LoadState>
    </>
  );
}
