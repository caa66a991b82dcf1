import { useState, type ReactNode } from 'react';
import { App, Button, DatePicker, Select, Space } from 'antd';
import { ClearOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { STATUS_LABELS } from '@duban/domain/labels';
import { downloadSuggestions, type ListParams } from '../api/suggestions-api';
import { errorMessage } from '../api/api-error';
import type { SuggestionStatus } from '../api/types';
import { answerCategories, useDirectory } from '../layout/directory-context';
import { fetchSessionOptions } from '../api/supervision-api';
import { fetchDelegations } from '../api/sessions-api';
import { useAsync } from '../lib/use-async';
import { hasFilters, type ListQuery } from '../lib/list-query';
import { SearchBox } from './search-box';

/** Every status, in the order a suggestion moves through them (the label module keeps that order). */
export const ALL_STATUSES = Object.keys(STATUS_LABELS) as SuggestionStatus[];

export interface ListFiltersProps {
  query: ListQuery;
  update: (patch: Partial<ListQuery>) => void;
  /** The statuses worth offering here (a unit never sees 待立案); omitted: no status filter. */
  statuses?: readonly SuggestionStatus[];
  /** Offer the unit and 代表团 filters (staff and supervisors; a unit's list is its own already). */
  unit?: boolean;
  /** The query the export sends: the page's scope and the filters, as the list shows them. */
  exportParams?: ListParams;
  /** More filters (the session, the year, the delegation) placed before the others. */
  before?: ReactNode;
}

/**
 * The filters above a list. Each one writes the address bar (useListQuery), so what is filtered
 * survives a refresh and travels in a shared link; the export downloads the same filters.
 */
export function ListFilters({ query, update, statuses, unit, exportParams, before }: ListFiltersProps) {
  const directory = useDirectory();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const range =
    query.submittedFrom || query.submittedTo
      ? ([query.submittedFrom ? dayjs(query.submittedFrom) : null, query.submittedTo ? dayjs(query.submittedTo) : null] as [Dayjs | null, Dayjs | null])
      : null;

  const exportExcel = async () => {
    if (!exportParams) return;
    setExporting(true);
    try {
      await downloadSuggestions(exportParams);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space wrap className="list-filters gap-bottom" data-testid="list-filters">
      {before}
      <SessionAndYear query={query} update={update} />
      {statuses && (
        <Select<SuggestionStatus>
          allowClear
          aria-label="按状态筛选"
          placeholder="全部状态"
          className="filter-select"
          value={query.status}
          onChange={(status) => update({ status })}
          options={statuses.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          data-testid="filter-status"
        />
      )}
      {unit && (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="按承办单位筛选"
          placeholder="全部承办单位"
          className="filter-select wide"
          value={query.unitId}
          onChange={(unitId) => update({ unitId })}
          options={directory.units.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="filter-unit"
        />
      )}
      {unit && <DelegationFilter query={query} update={update} />}
      <Select<string>
        allowClear
        aria-label="按答复类别筛选"
        placeholder="全部答复类别"
        className="filter-select wide"
        value={query.category}
        onChange={(category) => update({ category })}
        options={answerCategories(directory).map((c) => ({ value: c.code, label: `${c.code} 类：${c.label}` }))}
        data-testid="filter-category"
      />
      <DatePicker.RangePicker
        aria-label="按提出日期筛选"
        allowEmpty={[true, true]}
        placeholder={['提出日期起', '提出日期止']}
        value={range}
        onChange={(v) => update({ submittedFrom: v?.[0]?.format('YYYY-MM-DD'), submittedTo: v?.[1]?.format('YYYY-MM-DD') })}
        data-testid="filter-submitted"
      />
      <SearchBox
        placeholder="搜索标题或内容"
        className="search-box"
        defaultValue={query.q}
        key={query.q ?? ''}
        onSearch={(q) => update({ q: q.trim() || undefined })}
      />
      {hasFilters(query) && (
        <Button
          icon={<ClearOutlined aria-hidden="true" />}
          onClick={() =>
            update({ q: undefined, status: undefined, unitId: undefined, category: undefined, submittedFrom: undefined, submittedTo: undefined, sessionId: undefined, year: undefined, delegationId: undefined })
          }
          data-testid="clear-filters"
        >
          清除筛选
        </Button>
      )}
      {exportParams && (
        <Button icon={<DownloadOutlined aria-hidden="true" />} onClick={exportExcel} loading={exporting} data-testid="export-excel">
          导出 Excel
        </Button>
      )}
    </Space>
  );
}

/** 代表团: the suggestions made in a delegation's name; not offered while there is none (or they cannot be read). */
function DelegationFilter({ query, update }: { query: ListQuery; update: (patch: Partial<ListQuery>) => void }) {
  const delegations = useAsync(() => fetchDelegations().catch(() => []), []);
  if ((delegations.data?.length ?? 0) === 0 && !query.delegationId) return null;
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label="按代表团筛选"
      placeholder="全部代表团"
      className="filter-select wide"
      value={query.delegationId}
      onChange={(delegationId) => update({ delegationId })}
      options={(delegations.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
      data-testid="filter-delegation"
    />
  );
}

/** Years offered: this one and the four before it (older ones by address: `?year=2019`). */
function recentYears(): number[] {
  const now = new Date().getFullYear();
  return [now, now - 1, now - 2, now - 3, now - 4];
}

/** 会次 and 年度: a session's work, or a year's; a list that cannot read the sessions offers the year only. */
function SessionAndYear({ query, update }: { query: ListQuery; update: (patch: Partial<ListQuery>) => void }) {
  const sessions = useAsync(() => fetchSessionOptions().catch(() => []), []);
  const years = recentYears();
  const year = query.year ? Number(query.year) : undefined;
  return (
    <>
      {(sessions.data?.length ?? 0) > 0 && (
        <Select<string>
          allowClear
          aria-label="按会次筛选"
          placeholder="全部会次"
          className="filter-select wide"
          value={query.sessionId}
          onChange={(sessionId) => update({ sessionId })}
          options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.closed ? `${s.name}（已结束）` : s.name }))}
          data-testid="filter-session"
        />
      )}
      <Select<number>
        allowClear
        aria-label="按年度筛选"
        placeholder="全部年度"
        className="filter-select"
        value={year}
        onChange={(y) => update({ year: y === undefined ? undefined : String(y) })}
        options={(year !== undefined && !years.includes(year) ? [year, ...years] : years).map((y) => ({ value: y, label: `${y} 年` }))}
        data-testid="filter-year"
      />
    </>
  );
}
