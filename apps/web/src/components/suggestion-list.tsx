import { Card, Empty, Grid, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { SuggestionListItem } from '../api/types';
import { useDirectory } from '../layout/directory-context';
import { dueKindLabel } from '../lib/labels';
import { formatDateTime } from '../lib/time';
import { DueBadge } from './due-badge';
import { StatusTag } from './status-tag';

interface SuggestionListProps {
  items: SuggestionListItem[];
  linkTo: (id: string) => string;
  showDeputy?: boolean;
  loading?: boolean;
  emptyText?: string;
  extraColumns?: ColumnsType<SuggestionListItem>;
}

/** A table on wide screens, cards on phones (deputies read their suggestions on the go). */
export function SuggestionList({ items, linkTo, showDeputy, loading, emptyText = '暂无建议', extraColumns = [] }: SuggestionListProps) {
  const screens = Grid.useBreakpoint();
  const { unitName, userName } = useDirectory();
  const units = (item: SuggestionListItem) => (item.unitIds.length ? item.unitIds.map(unitName).join('、') : '—');

  if (!screens.md) {
    if (items.length === 0 && !loading) return <Empty description={emptyText} />;
    return (
      <div className="card-list" data-testid="suggestion-list">
        {items.map((item) => (
          <Link key={item.id} to={linkTo(item.id)} className="card-link" data-suggestion-id={item.id}>
            <Card size="small" hoverable>
              <div className="card-title">{item.title}</div>
              <Space wrap size={[4, 4]}>
                <StatusTag status={item.status} />
                {item.keySupervised && <Tag color="magenta">重点督办</Tag>}
                {/* A card has no column to keep aligned: no deadline, no dash. */}
                {item.dueAt && <DueBadge dueAt={item.dueAt} level={item.dueLevel} overdue={item.overdue} prefix={dueKindLabel(item.status)} provisional={item.provisional} />}
              </Space>
              <div className="muted small card-meta">
                承办单位：{units(item)}
                {showDeputy && ` · 领衔代表：${userName(item.deputyId)}`}
              </div>
            </Card>
          </Link>
        ))}
      </div>
    );
  }

  // A fixed layout: every column keeps its width and the title takes what is left, so a
  // 180-character title cannot push 状态 and 期限 off a 1366 px screen (it shows two lines, the
  // whole text on hover and on keyboard focus).
  const columns: ColumnsType<SuggestionListItem> = [
    {
      title: '标题',
      key: 'title',
      render: (_: unknown, item) => (
        <div className="title-cell">
          <Tooltip title={item.title} trigger={['hover', 'focus']} placement="topLeft">
            <Link to={linkTo(item.id)} data-suggestion-id={item.id} className="title-clamp" title={item.title}>
              {item.title}
            </Link>
          </Tooltip>
          {item.keySupervised && <Tag color="magenta">重点督办</Tag>}
        </div>
      ),
    },
    { title: '状态', key: 'status', width: 110, render: (_: unknown, item) => <StatusTag status={item.status} /> },
    { title: '承办单位', key: 'units', width: 170, render: (_: unknown, item) => units(item) },
    ...(showDeputy ? [{ title: '领衔代表', key: 'deputyId', width: 100, render: (_: unknown, item: SuggestionListItem) => userName(item.deputyId) }] : []),
    {
      title: '期限',
      key: 'due',
      width: 230,
      render: (_: unknown, item) => (
        <DueBadge dueAt={item.dueAt} level={item.dueLevel} overdue={item.overdue} prefix={dueKindLabel(item.status)} provisional={item.provisional} />
      ),
    },
    { title: '提出时间', key: 'submittedAt', width: 150, render: (_: unknown, item) => formatDateTime(item.submittedAt) },
    ...extraColumns,
  ];
  return (
    <Table<SuggestionListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText }}
      data-testid="suggestion-list"
      tableLayout="fixed"
      // Below this width (a narrow window) the table scrolls instead of squeezing the title to nothing.
      scroll={{ x: 1000 }}
    />
  );
}
