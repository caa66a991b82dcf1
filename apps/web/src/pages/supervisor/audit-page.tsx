import { useState } from 'react';
import { SearchBox } from '../../components/search-box';
import { PageTitle } from '../../components/page-title';
import { listUpTo } from '../../api/suggestions-api';
import { TruncationNote } from '../../components/truncation-note';
import { LoadState } from '../../components/load-state';
import { SuggestionList } from '../../components/suggestion-list';
import { useAsync } from '../../lib/use-async';

/** 过程审计: find any suggestion and open its full timeline. */
export function AuditPage() {
  const [q, setQ] = useState('');
  const list = useAsync(() => listUpTo({ q: q || undefined }), [q]);
  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>过程审计</PageTitle>
        <SearchBox placeholder="搜索标题或内容" onSearch={setQ} className="search-box" />
      </div>
      <LoadState loading={list.loading} error={list.error} hasData={!!list.data} reload={list.reload}>
        <TruncationNote shown={list.data?.items.length ?? 0} total={list.data?.total ?? 0} />
        <SuggestionList items={list.data?.items ?? []} showDeputy linkTo={(id) => `/supervisor/suggestions/${id}`} />
      </LoadState>
    </div>
  );
}
