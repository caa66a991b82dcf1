import { useMemo, useState } from 'react';
import { SearchBox } from '../../components/search-box';
import { PageTitle } from '../../components/page-title';
import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { fetchUsers } from '../../api/directory-api';
import type { UserRow } from '../../api/types';
import { LoadState } from '../../components/load-state';
import { useAsync } from '../../lib/use-async';
import { deputyArchivePath } from './archive-paths';

/** 代表名录: staff and supervisors find a deputy and open their 履职档案. */
export function DeputyListPage() {
  const deputies = useAsync(() => fetchUsers('deputy'), []);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    const q = query.trim();
    const all = [...(deputies.data ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
    return q ? all.filter((d) => d.displayName.includes(q) || d.id.includes(q)) : all;
  }, [deputies.data, query]);

  return (
    <div className="page" data-testid="deputy-list">
      <div className="page-head">
        <PageTitle>代表名录</PageTitle>
        <SearchBox placeholder="按姓名或账号查找" label="查找代表" onChange={(e) => setQuery(e.target.value)} className="deputy-search" />
      </div>
      <LoadState loading={deputies.loading} error={deputies.error} hasData={!!deputies.data} reload={deputies.reload}>
        <Table<UserRow>
          rowKey="id"
          size="small"
          loading={deputies.loading}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: '没有找到代表' }}
          columns={[
            {
              title: '代表',
              key: 'displayName',
              render: (_: unknown, deputy) => (
                <Link to={deputyArchivePath(deputy.id)} data-deputy-id={deputy.id}>
                  {deputy.displayName}
                </Link>
              ),
            },
            { title: '账号', key: 'id', render: (_: unknown, deputy) => <span className="muted">{deputy.id}</span> },
            {
              // A column needs a header a screen reader can announce (axe: empty-table-header).
              title: '履职档案',
              key: 'archive',
              render: (_: unknown, deputy) => <Link to={deputyArchivePath(deputy.id)}>查看履职档案</Link>,
            },
          ]}
        />
      </LoadState>
    </div>
  );
}
