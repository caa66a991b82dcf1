import { useMemo } from 'react';
import { Alert, Collapse, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { SuggestionListItem } from '../../api/types';
import { createGroup } from '../../api/groups-api';
import { ConfirmAction } from '../../components/confirm-action';
import { StatusTag } from '../../components/status-tag';
import { groupSimilar } from '../../lib/similarity';

/** 相似建议: titles that share most of their wording, shown together before assigning. */
export function SimilarGroups({ items, onChange }: { items: SuggestionListItem[]; onChange: () => void }) {
  const groups = useMemo(() => groupSimilar(items), [items]);
  if (groups.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="gap-bottom"
      data-testid="similar-groups"
      title={`发现 ${groups.length} 组内容相近的建议，可并案办理（办理一件、解决一类）`}
      description={
        <Collapse
          ghost
          size="small"
          items={groups.map((group, i) => ({
            key: i,
            label: `第 ${i + 1} 组：${group.length} 件`,
            children: (
              <Space orientation="vertical" size={2}>
                {group.map((s) => (
                  <Space key={s.id} size={6}>
                    <StatusTag status={s.status} />
                    <Link to={`/staff/suggestions/${s.id}`}>{s.title}</Link>
                  </Space>
                ))}
                <ConfirmAction
                  buttonText="并案办理"
                  buttonProps={{ size: 'small', type: 'primary' }}
                  testId={`group-${i + 1}`}
                  confirm={`将这 ${group.length} 件建议并案，以第一件为主件？此后可一并交办。`}
                  successText="已并案"
                  onConfirm={() => createGroup(group.map((s) => s.id), Object.fromEntries(group.map((s) => [s.id, s.title])))}
                  onDone={onChange}
                />
              </Space>
            ),
          }))}
        />
      }
    />
  );
}
