import { Alert } from 'antd';

/** Said when a view shows fewer items than match, so nobody mistakes a capped list for all of them. */
export function TruncationNote({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return <Alert type="info" showIcon className="gap-bottom" title={`共 ${total} 件，此处显示 ${shown} 件；请用搜索或筛选缩小范围。`} />;
}
