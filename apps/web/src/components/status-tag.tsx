import { Tag } from 'antd';
import { statusColor, statusLabel } from '../lib/labels';
import type { SuggestionStatus } from '../api/types';

export function StatusTag({ status }: { status: SuggestionStatus }) {
  return (
    <Tag color={statusColor(status)} data-status={status}>
      {statusLabel(status)}
    </Tag>
  );
}
