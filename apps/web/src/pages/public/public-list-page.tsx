import { useEffect, useState } from 'react';
import { SearchBox } from '../../components/search-box';
import { PageTitle } from '../../components/page-title';
import { Card, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { fetchPublicSuggestions } from '../../api/supervision-api';
import type { PublishedSuggestion } from '../../api/supervision-types';
import { LoadState } from '../../components/load-state';
import { useAsync } from '../../lib/use-async';
import { formatDateTime } from '../../lib/time';

/** 公开答复: published suggestions and their answers, for everyone. */
export function PublicListPage() {
  const [q, setQ] = useState('');
  const list = useAsync(() => fetchPublicSuggestions(q || undefined), [q]);
  const items: PublishedSuggestion[] = list.data?.items ?? [];
  usePublicRefresh(list.reload);
  return (
    <div className="page narrow-page">
      <div className="page-head">
        <PageTitle>公开答复</PageTitle>
        <SearchBox placeholder="搜索" label="搜索公开答复" onSearch={setQ} className="search-box" />
      </div>
      <Typography.Paragraph type="secondary">
        依法公开的代表建议及承办单位答复。涉及国家秘密、商业秘密、个人隐私或代表要求不公开的不予公开。
      </Typography.Paragraph>
      <LoadState loading={list.loading} error={list.error} hasData={!!list.data} reload={list.reload}>
        {items.length === 0 ? (
          <Empty description="暂无公开的答复" />
        ) : (
          <div className="card-list" data-testid="public-list">
            {items.map((s) => (
              <Link key={s.id} to={`/public/${s.id}`} className="card-link">
                <Card size="small" hoverable>
                  <div className="card-title">{s.title}</div>
                  <Space className="muted small" wrap>
                    {s.deputyNames && <span>代表：{s.deputyNames.join('、')}</span>}
                    {s.unitNames.length > 0 && <span>承办单位：{s.unitNames.join('、')}</span>}
                    <span>公开时间：{formatDateTime(s.publishedAt)}</span>
                  </Space>
                </Card>
              </Link>
            ))}
          </div>
        )}
      </LoadState>
    </div>
  );
}

/** How often an open public page asks for newly published answers. */
const PUBLIC_REFRESH_MS = 20_000;

/**
 * The public has no live stream (it is for signed-in users, scoped to what each may see), so an
 * open public page asks again every 20 s while it is visible, and at once when it becomes visible:
 * a newly published answer appears without a reload, at the cost of one small read per reader.
 */
function usePublicRefresh(reload: () => void): void {
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') reload();
    };
    const timer = setInterval(tick, PUBLIC_REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [reload]);
}
