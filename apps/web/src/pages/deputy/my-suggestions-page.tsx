import { Button, Space } from 'antd';
import { PageTitle } from '../../components/page-title';
import { IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { listUpTo } from '../../api/suggestions-api';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';

/** 我的建议: what I proposed or co-signed, where each stands, who handles it, by when. */
export function MySuggestionsPage() {
  const list = useAsync(() => listUpTo({}), []);
  // Newest first: a deputy's latest suggestions are the ones being handled.
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  useLiveRefresh(list.reload);
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
      <LoadState loading={list.loading} error={list.error} hasData={!!list.data} reload={list.reload}>
        <SuggestionList
          items={items}
          loading={list.loading}
          linkTo={(id) => `/deputy/suggestions/${id}`}
          emptyText="您还没有提出建议"
        />
      </LoadState>
    </div>
  );
}
