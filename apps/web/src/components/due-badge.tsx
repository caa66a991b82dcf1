import { Tag, Tooltip } from 'antd';
import type { DueLevel, DueView } from '../api/types';
import { formatDue } from '../lib/time';
import { ProvisionalTag } from './provisional-tag';

const COLORS: Record<DueLevel, string> = { overdue: 'red', due_soon: 'orange', fine: 'green' };

/**
 * The server's level for this due time, when the server gave one for it: the detail's `due` is the
 * caller's next deadline, so it colours the badge of the same instant (a unit's answer, a
 * commitment). The browser never counts working days itself: only the server knows the calendar's
 * overrides and the rulebook's reminder window.
 */
export function levelOf(dueAt: string | null | undefined, due: DueView | null | undefined): DueLevel | undefined {
  if (!dueAt || !due) return undefined;
  return new Date(due.at).getTime() === new Date(dueAt).getTime() ? due.level : undefined;
}

/**
 * Red when overdue, amber when due soon, green otherwise, as the server judged it (`level`, or
 * `overdue` where a report only says that); a due time the server did not judge shows plain.
 */
export function DueBadge({
  dueAt,
  level,
  overdue,
  prefix = '',
  provisional = false,
}: {
  dueAt: string | null | undefined;
  level?: DueLevel | null;
  overdue?: boolean;
  prefix?: string;
  /** The server marked this due time provisional (a year without its holiday notice yet). */
  provisional?: boolean;
}) {
  if (!dueAt) return <span className="muted">—</span>;
  const shown = level ?? (overdue ? 'overdue' : undefined);
  const date = formatDue(dueAt);
  const text = shown === 'overdue' ? `已逾期（${date}）` : shown === 'due_soon' ? `${date}（即将到期）` : date;
  const badge = (
    <Tooltip title={`${prefix}截止日期：${date} 24:00`}>
      <Tag color={shown ? COLORS[shown] : 'default'} data-due-level={shown ?? 'unknown'}>
        {prefix}
        {text}
      </Tag>
    </Tooltip>
  );
  if (!provisional) return badge;
  return (
    <span className="due-with-tag">
      {badge}
      <ProvisionalTag />
    </span>
  );
}
