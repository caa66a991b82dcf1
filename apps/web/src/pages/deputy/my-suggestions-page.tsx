import { Button, Space } from 'antd';
import { PageTitle } from '../../components/page-title';
import { IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth/auth-context';
import { ALL_STATUSES, ListFilters } from '../../components/list-filters';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { useLiveRefresh } from '../../live/live-context';
import { useServerList } from '../../lib/use-server-list';
import { hasFilters, type ListQuery } from '../../lib/list-query';


// Newest first unless the deputy picks another order: a deputy's latest suggestions are the ones being handled.
const newestFirst = (query: ListQuery) => (query.sort ? {} : { sort: 'submittedAt' as const, order: 'desc' as const });

/** 我的建议: what I proposed or co-signed, where each stands, who handles it, by when. */
export function MySuggestionsPage() {
  const user = useUser();
  const { query, update, params, list, paging, sorting } = useServerList(newestFirst);
  const items = list.data?.items ?? [];
  useLiveRefresh(list.reload);
  const shownSorting = query.sort ? sorting : { ...sorting, sort: 'submittedAt' as const, order: 'desc' as const };
  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>我的建议</PageTitle>
        <Space>
          {/* On a phone the menu folds away: the archive stays one tap from the home page. */}
          <Link to="/deputy/archive">
            <Button icon={<IdcardOutlined />} data-testid="open-archive">
              履职档案
            </Button>
          </Link>
          <Link to="/deputy/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-suggestion">
              提出建议
            </Button>
          </Link>
        </Space>
      </div>
      <ListFilters query={query} update={update} statuses={ALL_STATUSES} exportParams={params} />
      <LoadState loading={list.loading} error={list.error} hasData={!list.error} reload={list.reload}>
        <SuggestionList
          items={items}
          loading={list.loading}
          linkTo={(id) => `/deputy/suggestions/${id}`}
          emptyText={hasFilters(query) ? '没有符合条件的建议' : '您还没有提出建议'}
          paging={paging}
          sorting={shownSorting}
          viewerDeputyId={user.id}
        />
      </LoadState>
    </div>
  );
}
