import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { commands } from '../../api/suggestions-api';
import type { SuggestionDetail } from '../../api/types';
import { ActionModal } from '../../components/action-modal';
import { useUser } from '../../auth/auth-context';
import { dayRefused, latestDayText } from '../../lib/date-limits';
import { endOfDayIso, formatDue } from '../../lib/time';

interface Props {
  detail: SuggestionDetail;
  onDone: () => void;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** 申请退回: the unit believes the suggestion is not its business; staff decide. */
export function RequestReturnAction({ detail, onDone }: Props) {
  return (
    <ActionModal<{ reason: string }>
      buttonText="申请退回"
      testId="request-return"
      title="申请退回"
      successText="退回申请已提交，待代表工委审批"
      onSubmit={(v) => commands.requestReturn(detail.id, v.reason.trim(), detail.revision)}
      onDone={onDone}
    >
      <Form.Item name="reason" label="退回理由" rules={required('请填写退回理由')}>
        <Input.TextArea rows={3} placeholder="例如：不属于本单位职责范围，建议交由……办理" />
      </Form.Item>
    </ActionModal>
  );
}

const CONTACT_METHODS = ['当面沟通', '电话联系', '座谈会', '实地调研', '书面征询'];

/** 联系代表: how the unit talked with the deputy and what was said. */
export function ContactAction({ detail, onDone }: Props) {
  return (
    <ActionModal<{ method: string; summary: string }>
      buttonText="记录联系代表"
      testId="contact"
      title="记录联系代表"
      successText="联系记录已保存"
      initialValues={{ method: '电话联系' }}
      onSubmit={(v) => commands.contact(detail.id, { method: v.method, summary: v.summary.trim() }, detail.revision)}
      onDone={onDone}
    >
      <Form.Item name="method" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}>
        <Select options={CONTACT_METHODS.map((m) => ({ value: m, label: m }))} />
      </Form.Item>
      <Form.Item name="summary" label="沟通情况" rules={required('请填写沟通情况')}>
        <Input.TextArea rows={3} data-testid="contact-summary" />
      </Form.Item>
    </ActionModal>
  );
}

/** 协办意见: a co-handler's written opinion to the lead unit. */
export function CoOpinionAction({ detail, onDone }: Props) {
  return (
    <ActionModal<{ content: string }>
      buttonText="提交协办意见"
      buttonProps={{ type: 'primary' }}
      testId="co-opinion"
      title="提交协办意见"
      successText="协办意见已送主办单位"
      onSubmit={(v) => commands.coOpinion(detail.id, v.content.trim(), detail.revision)}
      onDone={onDone}
    >
      <Form.Item name="content" label="协办意见" rules={required('请填写协办意见')}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </ActionModal>
  );
}

/**
 * 申请延期: never beyond the rulebook maximum; staff decide. The picker offers only the days the
 * rule accepts: after the current due time and now, up to the maximum the server computed for
 * this unit's assignment (a unit that came by 转办 has its own).
 */
export function RequestExtensionAction({ detail, onDone }: Props) {
  const user = useUser();
  const assignment = 'assignment' in detail ? detail.assignment : undefined;
  const unit = assignment?.units.find((u) => u.unitId === user.unitId);
  const latest = assignment && unit ? (unit.deadlines ?? assignment.deadlines).extensionMaxAt : undefined;
  const limits = { after: [new Date().toISOString(), unit?.dueAt], latest };
  const hint = [unit ? `当前答复期限 ${formatDue(unit.dueAt)}` : undefined, latestDayText(latest)].filter(Boolean).join('；');
  return (
    <ActionModal<{ reason: string; until: Dayjs }>
      buttonText="申请延期"
      testId="request-extension"
      title="申请延期答复"
      successText="延期申请已提交，待审批"
      onSubmit={(v) => commands.requestExtension(detail.id, { reason: v.reason.trim(), until: endOfDayIso(v.until) }, detail.revision)}
      onDone={onDone}
    >
      <Form.Item name="until" label="延期至" rules={[{ required: true, message: '请选择延期日期' }]} extra={<span data-testid="extension-limit">{hint}</span>}>
        <DatePicker disabledDate={(day) => dayRefused(day, limits)} data-testid="extension-until" />
      </Form.Item>
      <Form.Item name="reason" label="延期理由" rules={required('请填写延期理由')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </ActionModal>
  );
}

/** 承诺落实: the unit reports a commitment done, with what proves it. */
export function FulfilCommitmentAction({ detail, commitmentId, onDone }: Props & { commitmentId: string }) {
  return (
    <ActionModal<{ evidence: string }>
      buttonText="报告已落实"
      buttonProps={{ size: 'small', type: 'link' }}
      testId={`fulfil-${commitmentId}`}
      title={`报告承诺事项 ${commitmentId} 的落实情况`}
      successText="落实情况已报告"
      onSubmit={(v) => commands.fulfilCommitment(detail.id, { commitmentId, evidence: v.evidence.trim() }, detail.revision)}
      onDone={onDone}
    >
      <Form.Item name="evidence" label="落实情况" rules={required('请说明落实情况')}>
        <Input.TextArea rows={3} placeholder="做了什么、何时完成、有何佐证" data-testid="fulfil-evidence" />
      </Form.Item>
    </ActionModal>
  );
}
