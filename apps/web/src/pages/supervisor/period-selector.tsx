import { useMemo } from 'react';
import { DatePicker, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { fetchSessionOptions } from '../../api/supervision-api';
import type { SupervisionPeriodFilter } from '../../api/supervision-period';
import { useAsync } from '../../lib/use-async';

const KINDS: { value: SupervisionPeriodFilter['kind']; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'session', label: '按届次' },
  { value: 'year', label: '按年度' },
  { value: 'range', label: '按日期' },
];

/**
 * The one period of the 大督办 page: cards, charts, the unit table and the export all follow it.
 * Choosing a kind keeps what makes sense (this year, the newest session) so a figure is always shown.
 */
export function PeriodSelector({ value, onChange }: { value: SupervisionPeriodFilter; onChange: (next: SupervisionPeriodFilter) => void }) {
  const sessions = useAsync(fetchSessionOptions, []);
  const options = useMemo(
    () =>
      [...(sessions.data ?? [])]
        .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
        .map((s) => ({ value: s.id, label: s.name })),
    [sessions.data],
  );

  const switchKind = (kind: SupervisionPeriodFilter['kind']) => {
    if (kind === 'all') onChange({ kind: 'all' });
    else if (kind === 'year') onChange({ kind: 'year', year: dayjs().year() });
    else if (kind === 'range') onChange({ kind: 'range' });
    else {
      const newest = options[0];
      onChange(newest ? { kind: 'session', sessionId: newest.value, sessionName: newest.label } : { kind: 'session', sessionId: '', sessionName: '' });
    }
  };

  return (
    <div role="group" aria-label="统计期间" data-testid="period-selector">
      <Space wrap>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={KINDS}
          value={value.kind}
          onChange={(e) => switchKind(e.target.value as SupervisionPeriodFilter['kind'])}
        />
        {value.kind === 'session' && (
          <Select
            style={{ minWidth: 220 }}
            aria-label="届次"
            placeholder={sessions.error ? '届次加载失败' : '选择届次'}
            loading={sessions.loading}
            options={options}
            value={value.sessionId || undefined}
            onChange={(id: string) => onChange({ kind: 'session', sessionId: id, sessionName: options.find((o) => o.value === id)?.label ?? id })}
            data-testid="period-session"
          />
        )}
        {value.kind === 'year' && (
          <DatePicker
            picker="year"
            aria-label="年度"
            allowClear={false}
            value={dayjs(`${value.year}-01-01`)}
            onChange={(d) => d && onChange({ kind: 'year', year: d.year() })}
            data-testid="period-year"
          />
        )}
        {value.kind === 'range' && (
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
            onChange={(v) => onChange({ kind: 'range', from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            placeholder={['开始日期', '结束日期']}
            data-testid="period-range"
          />
        )}
      </Space>
    </div>
  );
}
