import { Select, type SelectProps } from 'antd';
import { SESSION_KIND_LABELS } from '@duban/domain/labels';
import { fetchSessions, type SessionRow } from '../api/sessions-api';
import { useAsync } from '../lib/use-async';

/** How a session is named in pickers: 十六届人大三次会议（大会期间，已结束）. */
export function sessionLabel(s: SessionRow): string {
  return `${s.name}（${SESSION_KIND_LABELS[s.kind]}${s.closed ? '，已结束' : ''}）`;
}

/**
 * 会次 picker: every session, the latest first. For the list filters (全部会次 when cleared) and the
 * forms that name a session; `openOnly` leaves out the closed ones (a closed session takes no
 * suggestions).
 */
export function SessionSelect({
  value,
  onChange,
  openOnly = false,
  placeholder = '全部会次',
  ...rest
}: { value?: string; onChange?: (sessionId: string | undefined) => void; openOnly?: boolean; placeholder?: string } & Omit<
  SelectProps<string>,
  'value' | 'onChange' | 'options'
>) {
  const sessions = useAsync(fetchSessions, []);
  const options = (sessions.data ?? []).filter((s) => !openOnly || !s.closed).map((s) => ({ value: s.id, label: sessionLabel(s) }));
  return (
    <Select<string>
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      aria-label="会次"
      loading={sessions.loading}
      style={{ minWidth: 240 }}
      data-testid="session-select"
      {...rest}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
    />
  );
}
