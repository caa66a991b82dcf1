import { Tag, Tooltip } from 'antd';
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { fetchAuditChain } from '../api/suggestions-api';
import { useAsync } from '../lib/use-async';

/**
 * Whether the suggestion's stored history is intact: the api checks every event's hash against
 * the one before it. Shown to those who audit.
 */
export function AuditChainBadge({ id, revision }: { id: string; revision: number }) {
  const audit = useAsync(() => fetchAuditChain(id), [id, revision]);
  if (!audit.data) {
    if (audit.error) return <Tag>审计链校验失败</Tag>;
    return null;
  }
  const { verdict, events, brokenAt } = audit.data;
  if (verdict === 'intact') {
    return (
      <Tooltip title="每个事件的哈希都与前一事件相连，记录未被改动">
        <Tag color="green" icon={<SafetyCertificateOutlined />} data-testid="audit-chain" data-verdict={verdict}>
          记录完整（{events.length} 个事件校验通过）
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag color="red" icon={<WarningOutlined />} data-testid="audit-chain" data-verdict={verdict}>
      记录校验不通过{brokenAt ? `：第 ${brokenAt.revision + 1} 个事件（${brokenAt.reason}）` : ''}
    </Tag>
  );
}
