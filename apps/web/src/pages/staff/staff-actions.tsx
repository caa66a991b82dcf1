import { Form, Input, Radio, Select } from 'antd';
import { commands } from '../../api/suggestions-api';
import type { SuggestionDetail } from '../../api/types';
import { EXEMPTION_REASONS, type ExemptionReason } from '../../api/supervision-types';
import { ActionModal } from '../../components/action-modal';
import { ConfirmAction } from '../../components/confirm-action';
import { useDirectory } from '../../layout/directory-context';
import { exemptionLabel } from '../../lib/labels';
import { formatDue } from '../../lib/time';

interface Props {
  detail: SuggestionDetail;
  onDone: () => void;
}

export function AcceptAction({ detail, onDone }: Props) {
  return (
    <ConfirmAction
      buttonText="立案"
      buttonProps={{ type: 'primary' }}
      testId="accept"
      confirm="确认立案？立案后即可交办。"
      successText="已立案"
      onConfirm={() => commands.accept(detail.id, detail.revision)}
      onDone={onDone}
    />
  );
}

export function RejectAction({ detail, onDone }: Props) {
  return (
    <ActionModal<{ reason: string }>
      buttonText="不予立案"
      buttonProps={{ danger: true }}
      testId="reject"
      title="不予立案"
      okText="确认不予立案"
      successText="已作不予立案处理"
      onSubmit={(v) => commands.reject(detail.id, v.reason.trim(), detail.revision)}
      onDone={onDone}
    >
      <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写不予立案的理由' }]}>
        <Input.TextArea rows={3} placeholder="例如：属于个人诉求，已转为来信办理" />
      </Form.Item>
    </ActionModal>
  );
}

interface DecideForm {
  approve: boolean;
  reason?: string;
}

/** 审批退回 / 审批延期: approve or deny a unit's request, with a reason when denying. */
export function DecideRequestAction({ detail, kind, onDone }: Props & { kind: 'return' | 'extension' }) {
  const { unitName } = useDirectory();
  const assignment = 'assignment' in detail ? detail.assignment : undefined;
  const request = kind === 'return' ? assignment?.pendingReturn : assignment?.pendingExtension;
  if (!request) return null;
  const what = kind === 'return' ? '退回' : `延期至 ${formatDue(request.until)}`;
  return (
    <ActionModal<DecideForm>
      buttonText={kind === 'return' ? '审批退回申请' : '审批延期申请'}
      buttonProps={{ type: 'primary' }}
      testId={`decide-${kind}`}
      title={`${unitName(request.unitId)} 申请${what}`}
      successText="审批意见已提交"
      initialValues={{ approve: true }}
      onSubmit={(v) =>
        kind === 'return'
          ? commands.decideReturn(detail.id, v.approve, v.reason?.trim() || undefined, detail.revision)
          : commands.decideExtension(detail.id, v.approve, v.reason?.trim() || undefined, detail.revision)
      }
      onDone={onDone}
    >
      <p>申请理由：{request.reason}</p>
      <Form.Item name="approve" label="审批意见">
        <Radio.Group
          options={[
            { value: true, label: '同意' },
            { value: false, label: '不同意' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label="说明"
        dependencies={['approve']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              if (getFieldValue('approve') === false && !value?.trim()) throw new Error('不同意时请说明理由');
            },
          }),
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </ActionModal>
  );
}

export function CloseAction({ detail, onDone }: Props) {
  return (
    <ConfirmAction
      buttonText="办结"
      testId="close"
      confirm="确认办结？承诺事项仍将继续跟踪至落实。"
      successText="已办结"
      onConfirm={() => commands.close(detail.id, detail.revision)}
      onDone={onDone}
    />
  );
}

export function PublishAction({ detail, onDone }: Props) {
  return (
    <ConfirmAction
      buttonText="公开答复"
      testId="publish"
      confirm="确认向社会公开该建议及答复？"
      successText="已公开"
      onConfirm={() => commands.publish(detail.id, detail.revision)}
      onDone={onDone}
    />
  );
}

export function ExemptAction({ detail, onDone }: Props) {
  return (
    <ActionModal<{ reason: ExemptionReason; note?: string }>
      buttonText="不予公开"
      testId="exempt"
      title="不予公开"
      successText="已标记为不予公开"
      onSubmit={(v) => commands.exempt(detail.id, { reason: v.reason, note: v.note?.trim() || undefined }, detail.revision)}
      onDone={onDone}
    >
      <Form.Item name="reason" label="不公开原因" rules={[{ required: true, message: '请选择不公开的原因' }]}>
        <Select options={EXEMPTION_REASONS.map((r) => ({ value: r, label: exemptionLabel(r) }))} />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} />
      </Form.Item>
    </ActionModal>
  );
}

/**
 * 决定重新办理: where the rulebook leaves it to staff (after a dissatisfied rating, or on the standing
 * committee's finding), with the reason the unit will read; in separate mode, which unit.
 */
export function RehandleAction({ detail, onDone }: Props) {
  const { unitName } = useDirectory();
  const assignment = 'assignment' in detail ? detail.assignment : undefined;
  const separate = assignment?.mode === 'separate';
  const units = (assignment?.units ?? []).filter((u) => u.role !== 'co');
  return (
    <ActionModal<{ reason: string; unitId?: string }>
      buttonText="决定重新办理"
      testId="rehandle"
      title="决定重新办理"
      okText="交承办单位重新办理"
      successText="已交承办单位重新办理"
      onSubmit={(v) => commands.rehandle(detail.id, { reason: v.reason.trim(), ...(v.unitId ? { unitId: v.unitId } : {}) }, detail.revision)}
      onDone={onDone}
    >
      {separate && (
        <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: '请选择重新办理的承办单位' }]}>
          <Select options={units.map((u) => ({ value: u.unitId, label: unitName(u.unitId) }))} />
        </Form.Item>
      )}
      <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写重新办理的理由' }]}>
        <Input.TextArea rows={3} placeholder="例如：研究代表意见后需再作办理；常委会认为办理敷衍塞责" />
      </Form.Item>
    </ActionModal>
  );
}
