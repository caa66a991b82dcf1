import { Empty, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { fetchSuggestion } from '../../api/suggestions-api';
import type { SuggestionDetail, SuggestionListItem } from '../../api/types';
import { LoadState } from '../../components/load-state';
import { useDirectory } from '../../layout/directory-context';
import { useAsync } from '../../lib/use-async';
import { formatDateTime, formatDue } from '../../lib/time';

interface Row {
  id: string;
  title: string;
  kind: 'return' | 'extension';
  unitId: string;
  reason: string;
  until?: string;
  requestedAt: string;
}

function pendingOf(d: SuggestionDetail): Row[] {
  if (!('assignment' in d) || !d.assignment) return [];
  const rows: Row[] = [];
  const { pendingReturn, pendingExtension } = d.assignment;
  if (pendingReturn) rows.push({ id: d.id, title: d.title, kind: 'return', ...pendingReturn });
  if (pendingExtension) rows.push({ id: d.id, title: d.title, kind: 'extension', ...pendingExtension });
  return rows;
}

// The list does not carry pending requests, so the suggestions in handling are read in detail;
// a bounded number keeps this cheap (a session's open requests are few).
const MAX_READ = 60;

/** 待审批: units' return and extension requests waiting for a decision. */
export function PendingRequests({ items }: { items: SuggestionListItem[] }) {
  const { unitName } = useDirectory();
  const candidates = items.filter((i) => i.status === 'assigned' || i.status === 'rehandling').slice(0, MAX_READ);
  const key = candidates.map((c) => `${c.id}@${c.revision}`).join(',');
  const rows = useAsync(async () => {
    const details = await Promise.all(candidates.map((c) => fetchSuggestion(c.id)));
    return details.flatMap(pendingOf);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <LoadState loading={rows.loading} error={rows.error} hasData={!!rows.data}>
      {rows.data && rows.data.length === 0 ? (
        <Empty description="暂无待审批的申请" />
      ) : (
        <Table<Row>
          rowKey={(r) => `${r.id}/${r.kind}`}
          dataSource={rows.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '建议', dataIndex: 'title', render: (t: string, r) => <Link to={`/staff/suggestions/${r.id}`}>{t}</Link> },
            {
              title: '申请',
              dataIndex: 'kind',
              render: (k: Row['kind'], r) =>
                k === 'return' ? <Tag color="orange">退回</Tag> : <Tag color="blue">延期至 {formatDue(r.until)}</Tag>,
            },
            { title: '单位', dataIndex: 'unitId', render: (id: string) => unitName(id) },
            { title: '理由', dataIndex: 'reason' },
            { title: '申请时间', dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </LoadState>
  );
}
