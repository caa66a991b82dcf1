import { useMemo, useState } from 'react';
import { Alert, App, Button, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/api-error';
import { batchAccept, batchAssign, type AssignPlan, type BatchItemResult, type BatchResult } from '../../api/imports-api';
import { fetchRouting, type UnitSuggestion } from '../../api/routing-api';
import type { AssignmentMode } from '../../api/types';
import { useDirectory } from '../../layout/directory-context';
import { modeLabel } from '../../lib/labels';

const MODES: AssignmentMode[] = ['sole', 'lead', 'separate'];

interface Props {
  selectedIds: string[];
  /** Titles of the selected suggestions, to name them in the outcome table (id shown when missing). */
  titles?: Record<string, string>;
  /** After a batch ran: reload the list, clear the selection. */
  onDone: () => void;
}

/** Checks a plan as the api would, so the dialog says what is missing before sending. */
function planProblem(plan: AssignPlan): string | null {
  if (plan.unitIds.length === 0) return '请选择承办单位';
  if (plan.mode === 'sole' && plan.unitIds.length !== 1) return '单独办理只能选择一个承办单位';
  if (plan.mode === 'separate' && plan.unitIds.length < 2) return '分别办理请至少选择两个单位';
  if (plan.mode === 'lead' && (plan.leadUnitId === undefined || plan.unitIds.length < 2 || !plan.unitIds.includes(plan.leadUnitId))) {
    return '主办+协办须选择主办单位和至少一个协办单位';
  }
  return null;
}

function PlanEditor({ plan, onChange, compact }: { plan: AssignPlan; onChange: (plan: AssignPlan) => void; compact?: boolean }) {
  const { units } = useDirectory();
  const options = units.map((u) => ({ value: u.id, label: u.name }));
  return (
    <Space direction={compact ? 'horizontal' : 'vertical'} wrap style={{ width: '100%' }}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        size={compact ? 'small' : 'middle'}
        value={plan.mode}
        onChange={(e) => onChange({ mode: e.target.value as AssignmentMode, unitIds: [], leadUnitId: undefined })}
        options={MODES.map((m) => ({ value: m, label: modeLabel(m) }))}
        aria-label="交办方式"
      />
      <Select
        mode={plan.mode === 'sole' ? undefined : 'multiple'}
        style={{ minWidth: compact ? 220 : 420 }}
        size={compact ? 'small' : 'middle'}
        showSearch
        optionFilterProp="label"
        options={options}
        placeholder={plan.mode === 'lead' ? '承办单位（含主办单位）' : '承办单位'}
        aria-label="承办单位"
        value={plan.mode === 'sole' ? plan.unitIds[0] : plan.unitIds}
        onChange={(value: string | string[]) => {
          const unitIds = Array.isArray(value) ? value : value ? [value] : [];
          onChange({ ...plan, unitIds, leadUnitId: plan.leadUnitId && unitIds.includes(plan.leadUnitId) ? plan.leadUnitId : undefined });
        }}
      />
      {plan.mode === 'lead' && (
        <Select
          style={{ minWidth: 180 }}
          size={compact ? 'small' : 'middle'}
          placeholder="主办单位"
          aria-label="主办单位"
          options={options.filter((o) => plan.unitIds.includes(o.value))}
          value={plan.leadUnitId}
          onChange={(leadUnitId: string) => onChange({ ...plan, leadUnitId })}
        />
      )}
    </Space>
  );
}

function Outcomes({ result, titles }: { result: BatchResult; titles: Record<string, string> }) {
  const ok = result.results.filter((r) => r.status === 200).length;
  const failed = result.results.length - ok;
  return (
    <>
      <Alert
        type={failed === 0 ? 'success' : ok === 0 ? 'error' : 'warning'}
        showIcon
        className="gap-bottom"
        message={`共 ${result.results.length} 件：成功 ${ok} 件${failed > 0 ? `，未成功 ${failed} 件（见下表原因）` : ''}`}
      />
      <Table<BatchItemResult>
        size="small"
        rowKey="id"
        data-testid="batch-outcomes"
        pagination={result.results.length > 10 ? { pageSize: 10 } : false}
        dataSource={result.results}
        columns={[
          { title: '建议', key: 'title', render: (_, r) => titles[r.id] ?? r.id },
          {
            title: '结果',
            key: 'status',
            width: 96,
            render: (_, r) => (r.status === 200 ? <Tag color="green">成功</Tag> : <Tag color="red">未成功</Tag>),
          },
          { title: '原因', key: 'message', render: (_, r) => (r.status === 200 ? '—' : r.message ?? `状态码 ${r.status}`) },
        ]}
      />
    </>
  );
}

/**
 * 批量立案 and 批量交办 for the rows selected in the staff list. Each suggestion is its own command:
 * the outcome table lists every one, with the reason where it did not go through.
 */
export function BatchActionBar({ selectedIds, titles = {}, onDone }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'accept' | 'assign' | null>(null);
  const [assignOpen, setAssignOpen] = useState(false);
  const [perItem, setPerItem] = useState(false);
  const [shared, setShared] = useState<AssignPlan>({ mode: 'sole', unitIds: [] });
  const [plans, setPlans] = useState<Record<string, AssignPlan>>({});
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<string>();
  /** 智能交办参考 per suggestion once pre-filled: its top unit, or null when there is none (or it failed). */
  const [hints, setHints] = useState<Record<string, UnitSuggestion | null>>({});
  const [prefilling, setPrefilling] = useState(false);
  const count = selectedIds.length;

  const planOf = (id: string): AssignPlan => plans[id] ?? { mode: 'sole', unitIds: [] };
  const problem = useMemo(() => {
    if (!perItem) return planProblem(shared);
    for (const id of selectedIds) {
      const p = planProblem(planOf(id));
      if (p) return `「${titles[id] ?? id}」：${p}`;
    }
    return null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [perItem, shared, plans, selectedIds]);

  const finish = (outcome: BatchResult) => {
    setResult(outcome);
    const ok = outcome.results.filter((r) => r.status === 200).length;
    if (ok === outcome.results.length) message.success(`已处理 ${ok} 件`);
    else message.warning(`成功 ${ok} 件，未成功 ${outcome.results.length - ok} 件`);
    onDone();
  };

  const accept = async () => {
    setBusy('accept');
    try {
      finish(await batchAccept(selectedIds));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  /** Fills each item with its top-ranked unit (单独办理); sends nothing, staff still press 交办. */
  const prefill = async () => {
    setPrefilling(true);
    const ranked = await Promise.all(selectedIds.map((id) => fetchRouting(id).then((units) => units[0] ?? null, () => null)));
    const tops = Object.fromEntries(selectedIds.map((id, i) => [id, ranked[i]]));
    setHints(tops);
    setPlans((all) => {
      const next = { ...all };
      for (const [id, top] of Object.entries(tops)) if (top) next[id] = { mode: 'sole', unitIds: [top.unitId] };
      return next;
    });
    setPrefilling(false);
    const filled = ranked.filter(Boolean).length;
    message.info(`已预填 ${filled} 件${filled < ranked.length ? `，${ranked.length - filled} 件暂无参考` : ''}，请核对后点击“交办”`);
  };

  const assign = async () => {
    if (problem) {
      setError(problem);
      return;
    }
    setBusy('assign');
    setError(undefined);
    try {
      const outcome = perItem ? await batchAssign({ items: selectedIds.map((id) => ({ id, ...planOf(id) })) }) : await batchAssign({ ids: selectedIds, ...shared });
      setAssignOpen(false);
      finish(outcome);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="batch-action-bar gap-bottom" data-testid="batch-action-bar" role="region" aria-label="批量操作">
      <Space wrap>
        <Typography.Text>已选 {count} 件</Typography.Text>
        <Button type="primary" disabled={count === 0} loading={busy === 'accept'} onClick={accept} data-testid="batch-accept">
          批量立案
        </Button>
        <Button disabled={count === 0} onClick={() => setAssignOpen(true)} data-testid="batch-assign">
          批量交办
        </Button>
      </Space>
      <Modal
        open={assignOpen}
        title={`批量交办（${count} 件）`}
        width={perItem ? 960 : 600}
        okText="交办"
        confirmLoading={busy === 'assign'}
        onOk={assign}
        onCancel={() => setAssignOpen(false)}
        data-testid="batch-assign-dialog"
      >
        <Radio.Group
          className="gap-bottom"
          value={perItem ? 'each' : 'one'}
          onChange={(e) => setPerItem(e.target.value === 'each')}
          options={[
            { value: 'one', label: '统一方案：全部交给相同单位' },
            { value: 'each', label: '逐件设置' },
          ]}
        />
        {perItem && (
          <div className="gap-bottom">
            <Button loading={prefilling} onClick={prefill} data-testid="batch-prefill">
              按智能交办参考预填
            </Button>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              每件填入排名第一的单位（单独办理），仅供参考，核对后点击“交办”才会交办
            </Typography.Text>
          </div>
        )}
        {perItem ? (
          <Table
            size="small"
            rowKey="id"
            pagination={selectedIds.length > 8 ? { pageSize: 8 } : false}
            dataSource={selectedIds.map((id) => ({ id }))}
            columns={[
              { title: '建议', key: 'title', width: 260, render: (_, r) => titles[r.id] ?? r.id },
              { title: '交办方案', key: 'plan', render: (_, r) => <PlanEditor compact plan={planOf(r.id)} onChange={(p) => setPlans((all) => ({ ...all, [r.id]: p }))} /> },
              {
                title: '智能交办参考',
                key: 'hint',
                width: 240,
                render: (_, r) => {
                  const top = hints[r.id];
                  if (top === undefined) return '—';
                  return (
                    <Typography.Text type="secondary" data-testid="batch-prefill-reason">
                      {top ? `${top.unitName}：${top.reason}` : '暂无可参考的既往交办记录'}
                    </Typography.Text>
                  );
                },
              },
            ]}
          />
        ) : (
          <PlanEditor plan={shared} onChange={setShared} />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      </Modal>
      <Modal open={result !== null} title="批量处理结果" width={720} footer={<Button onClick={() => setResult(null)}>关闭</Button>} onCancel={() => setResult(null)}>
        {result && <Outcomes result={result} titles={titles} />}
      </Modal>
    </div>
  );
}
