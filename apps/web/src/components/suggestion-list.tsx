import { formatSuggestionNumber } from '@duban/domain/labels';
import { Card, Empty, Grid, Pagination, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import type { SuggestionListSort } from '@duban/read-models/read-model.types';
import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';
import { OutsideMeasureRow } from './outside-measure-row';
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
  /** The server pages: the table shows `total` and asks for another page instead of slicing `items`. */
  paging?: ListPaging;
  /** The server sorts: a column header asks for its order. */
  sorting?: ListSorting;
  /**
   * The deputy whose own list this is: each row says 领衔 or 附议, and a co-signed suggestion does
   * not show the rating deadline (rating is the lead deputy's).
   */
  viewerDeputyId?: string;
  /** Rows can be picked (staff's batch actions). */
  selection?: { selectedIds: string[]; onChange: (ids: string[]) => void };
}

export interface ListPaging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

export interface ListSorting {
  sort?: SuggestionListSort;
  order?: 'asc' | 'desc';
  onChange: (sort: SuggestionListSort | undefined, order: 'asc' | 'desc' | undefined) => void;
}

const PAGE_SIZE_OPTIONS = [20, 50, 100];

/** antd's header state for a column: the list's default order is by due time, ascending. */
function sortOrderOf(sorting: ListSorting | undefined, key: SuggestionListSort): SortOrder | undefined {
  if (!sorting) return undefined;
  const sort = sorting.sort ?? 'dueAt';
  if (sort !== key) return null;
  return sorting.order === 'desc' ? 'descend' : 'ascend';
}

/** A table on wide screens, cards on phones (deputies read their suggestions on the go). */
export function SuggestionList({
  items,
  linkTo,
  showDeputy,
  loading,
  emptyText = '暂无建议',
  extraColumns = [],
  paging,
  sorting,
  selection,
  viewerDeputyId,
}: SuggestionListProps) {
  const screens = Grid.useBreakpoint();
  const { unitName, userName } = useDirectory();
  const units = (item: SuggestionListItem) => (item.unitIds.length ? item.unitIds.map(unitName).join('、') : '—');
  const leads = (item: SuggestionListItem) => item.deputyId === viewerDeputyId;
  const roleTag = (item: SuggestionListItem) =>
    viewerDeputyId ? (
      <Tag color={leads(item) ? 'geekblue' : 'default'} data-testid="deputy-role">
        {leads(item) ? '领衔' : '附议'}
      </Tag>
    ) : null;
  // Shown unless it is a co-signer's view of the lead deputy's rating window.
  const dueShown = (item: SuggestionListItem) => !(viewerDeputyId && !leads(item) && item.status === 'answered');

  if (!screens.md) {
    if (items.length === 0 && !loading) return <Empty description={emptyText} />;
    return (
      <div className="card-list" data-testid="suggestion-list">
        {items.map((item) => (
          <Link key={item.id} to={linkTo(item.id)} className="card-link" data-suggestion-id={item.id}>
            <Card size="small" hoverable>
              <div className="card-title">
                {item.number !== undefined && <span className="suggestion-number">{formatSuggestionNumber(item.number)} </span>}
                {item.title}
              </div>
              <Space wrap size={[4, 4]}>
                {roleTag(item)}
                <StatusTag status={item.status} />
                {item.keySupervised && <Tag color="magenta">重点督办</Tag>}
                {/* A card has no column to keep aligned: no deadline, no dash. */}
                {item.dueAt && dueShown(item) && <DueBadge dueAt={item.dueAt} level={item.dueLevel} overdue={item.overdue} prefix={dueKindLabel(item.status)} provisional={item.provisional} />}
              </Space>
              <div className="muted small card-meta">
                承办单位：{units(item)}
                {showDeputy && ` · 领衔代表：${userName(item.deputyId)}`}
              </div>
            </Card>
          </Link>
        ))}
        {paging && paging.total > paging.pageSize && (
          <Pagination
            simple
            align="center"
            current={paging.page}
            pageSize={paging.pageSize}
            total={paging.total}
            onChange={(page, pageSize) => paging.onChange(page, pageSize)}
          />
        )}
      </div>
    );
  }
  const sortable = (key: SuggestionListSort) =>
    sorting ? { sorter: true, sortOrder: sortOrderOf(sorting, key), showSorterTooltip: { title: '点击排序' } } : {};

  // A fixed layout: every column keeps its width and the title takes what is left, so a
  // 180-character title cannot push 状态 and 期限 off a 1366 px screen (it shows two lines, the
  // whole text on hover and on keyboard focus).
  const columns: ColumnsType<SuggestionListItem> = [
    {
      title: '标题',
      key: 'title',
      ...sortable('title'),
      render: (_: unknown, item) => (
        <div className="title-cell">
          <Tooltip title={item.title} trigger={['hover', 'focus']} placement="topLeft">
            <Link to={linkTo(item.id)} data-suggestion-id={item.id} className="title-clamp" title={item.title}>
              {item.number !== undefined && <span className="suggestion-number" data-testid="suggestion-number">{formatSuggestionNumber(item.number)} </span>}
              {item.title}
            </Link>
          </Tooltip>
          {item.keySupervised && <Tag color="magenta">重点督办</Tag>}
        </div>
      ),
    },
    ...(viewerDeputyId ? [{ title: '身份', key: 'role', width: 80, render: (_: unknown, item: SuggestionListItem) => roleTag(item) }] : []),
    { title: '状态', key: 'status', width: 110, ...sortable('status'), render: (_: unknown, item) => <StatusTag status={item.status} /> },
    { title: '承办单位', key: 'units', width: 170, render: (_: unknown, item) => units(item) },
    ...(showDeputy ? [{ title: '领衔代表', key: 'deputyId', width: 100, render: (_: unknown, item: SuggestionListItem) => userName(item.deputyId) }] : []),
    {
      title: '期限',
      key: 'dueAt',
      width: 230,
      ...sortable('dueAt'),
      render: (_: unknown, item) => (
        <DueBadge dueAt={dueShown(item) ? item.dueAt : null} level={item.dueLevel} overdue={item.overdue} prefix={dueKindLabel(item.status)} provisional={item.provisional} />
      ),
    },
    { title: '提出时间', key: 'submittedAt', width: 150, ...sortable('submittedAt'), render: (_: unknown, item) => formatDateTime(item.submittedAt) },
    ...extraColumns,
  ];
  return (
    <Table<SuggestionListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={
        paging
          ? {
              current: paging.page,
              pageSize: paging.pageSize,
              total: paging.total,
              showSizeChanger: { 'aria-label': '每页条数' },
              pageSizeOptions: PAGE_SIZE_OPTIONS,
              showTotal: (total) => `共 ${total} 件`,
              hideOnSinglePage: false,
            }
          : { pageSize: 20, hideOnSinglePage: true }
      }
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'paginate' && paging) paging.onChange(pagination.current ?? 1, pagination.pageSize ?? paging.pageSize);
        if (extra.action === 'sort' && sorting) {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = one?.order ? (one.columnKey as SuggestionListSort) : undefined;
          sorting.onChange(key, one?.order === 'descend' ? 'desc' : one?.order === 'ascend' ? 'asc' : undefined);
        }
      }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.selectedIds,
              onChange: (keys) => selection.onChange(keys.map(String)),
              preserveSelectedRowKeys: true,
              getCheckboxProps: (item) => ({ 'aria-label': `选择：${item.title}` }) as object,
              // antd names it "Select all" whatever the locale.
              getTitleCheckboxProps: () => ({ 'aria-label': '选择本页全部建议' }),
              columnTitle: (checkbox: ReactNode) => <OutsideMeasureRow>{checkbox}</OutsideMeasureRow>,
            }
          : undefined
      }
      locale={{ emptyText }}
      data-testid="suggestion-list"
      tableLayout="fixed"
      // Below this width (a narrow window) the table scrolls instead of squeezing the title to nothing.
      scroll={{ x: 1000 }}
    />
  );
}
