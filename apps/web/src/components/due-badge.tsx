import { Tag, Tooltip } from 'antd';
import { formatDue, workingDaysLeft } from '../lib/time';

export type DueLevel = 'overdue' | 'soon' | 'fine';

/** Red when overdue, amber within three working days, green otherwise. */
export function dueLevel(dueAt: string, overdue?: boolean, now: Date = new Date()): DueLevel {
  if (overdue || new Date(dueAt).getTime() <= now.getTime()) return 'overdue';
  return workingDaysLeft(dueAt, now) <= 3 ? 'soon' : 'fine';
}

const COLORS: Record<DueLevel, string> = { overdue: 'red', soon: 'orange', fine: 'green' };

export function DueBadge({ dueAt, overdue, prefix = '' }: { dueAt: string | null | undefined; overdue?: boolean; prefix?: string }) {
  if (!dueAt) return <span className="muted">—</span>;
  const level = dueLevel(dueAt, overdue);
  const date = formatDue(dueAt);
  const text =
    level === 'overdue' ? `已逾期（${date}）` : level === 'soon' ? `${date}（剩 ${workingDaysLeft(dueAt)} 个工作日）` : date;
  return (
    <Tooltip title={`${prefix}截止日期：${date} 24:00`}>
      <Tag color={COLORS[level]} data-due-level={level}>
        {prefix}
        {text}
      </Tag>
    </Tooltip>
  );
}
