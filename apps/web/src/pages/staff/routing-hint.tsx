import { Alert, Button, List, Space, Typography, type FormInstance } from 'antd';
import { fetchRouting, type UnitSuggestion } from '../../api/routing-api';
import type { AssignmentMode } from '../../api/types';
import { useAsync } from '../../lib/use-async';

interface UnitFields {
  mode: AssignmentMode;
  soleUnitId?: string;
  leadUnitId?: string;
  coUnitIds?: string[];
  separateUnitIds?: string[];
}

/**
 * 智能交办 beside the assignment form: units ranked from this installation's past assignments and
 * returns, each with why. 填入 only fills the form for the chosen mode; staff still submit it.
 */
export function RoutingHint<V extends UnitFields>({ suggestionId, form }: { suggestionId: string; form: FormInstance<V> }) {
  const ranked = useAsync(() => fetchRouting(suggestionId), [suggestionId]);
  const fill = (unit: UnitSuggestion) => {
    const f = form as unknown as FormInstance<UnitFields>;
    const mode = f.getFieldValue('mode') as AssignmentMode;
    if (mode === 'lead') f.setFieldsValue({ leadUnitId: unit.unitId, coUnitIds: (f.getFieldValue('coUnitIds') ?? []).filter((u: string) => u !== unit.unitId) });
    else if (mode === 'separate') f.setFieldsValue({ separateUnitIds: [...new Set([...(f.getFieldValue('separateUnitIds') ?? []), unit.unitId])] });
    else f.setFieldsValue({ soleUnitId: unit.unitId });
  };
  if (ranked.error) return <Alert type="warning" showIcon title="智能交办建议暂不可用，请直接选择承办单位" className="gap-bottom" />;
  const items = ranked.data ?? [];
  return (
    <div className="gap-bottom" data-testid="routing-hint">
      <Typography.Text strong>智能交办参考</Typography.Text>
      <Typography.Text type="secondary">（依据本系统既往交办和退回记录，仅供参考，不会自动交办）</Typography.Text>
      {ranked.loading && !ranked.data ? (
        <div>正在分析…</div>
      ) : items.length === 0 ? (
        <div data-testid="routing-empty">暂无可参考的既往交办记录</div>
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 5)}
          renderItem={(unit, i) => (
            <List.Item
              key={unit.unitId}
              data-testid="routing-item"
              data-unit={unit.unitId}
              actions={[
                <Button key="fill" size="small" onClick={() => fill(unit)} data-testid={`routing-fill-${unit.unitId}`}>
                  填入
                </Button>,
              ]}
            >
              <Space orientation="vertical" size={0}>
                <span>
                  {i + 1}. {unit.unitName} <Typography.Text type="secondary">（匹配度 {Math.round(unit.score * 100)}%）</Typography.Text>
                </span>
                <Typography.Text type="secondary">{unit.reason}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
