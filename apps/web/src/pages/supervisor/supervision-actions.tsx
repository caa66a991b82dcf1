import { Form, Input, Select } from 'antd';
import { commands } from '../../api/suggestions-api';
import { ActionModal } from '../../components/action-modal';
import { useDirectory } from '../../layout/directory-context';

/** 催办: a note to the handling units, recorded on the suggestion's timeline. */
export function UrgeAction({
  id,
  revision,
  onDone,
  small,
}: {
  id: string;
  revision?: number;
  onDone: () => void;
  small?: boolean;
}) {
  return (
    <ActionModal<{ note: string }>
      buttonText="催办"
      buttonProps={{ danger: true, size: small ? 'small' : undefined }}
      testId={`urge-${id}`}
      title="催办"
      successText="已催办"
      onSubmit={(v) => commands.urge(id, v.note.trim(), revision)}
      onDone={onDone}
    >
      <Form.Item name="note" label="催办意见" rules={[{ required: true, whitespace: true, message: '请填写催办意见' }]}>
        <Input.TextArea rows={3} placeholder="例如：请于本周内联系代表并报告办理进展" />
      </Form.Item>
    </ActionModal>
  );
}

/** 列为重点督办: names the supervising member and, for government units, the leading official. */
export function SuperviseAction({ id, revision, onDone }: { id: string; revision?: number; onDone: () => void }) {
  const { supervisors } = useDirectory();
  return (
    <ActionModal<{ supervisorId: string; leaderName?: string }>
      buttonText="列为重点督办"
      buttonProps={{ type: 'primary' }}
      testId="supervise"
      title="列为重点督办"
      successText="已列为重点督办"
      onSubmit={(v) => commands.supervise(id, { supervisorId: v.supervisorId, leaderName: v.leaderName?.trim() || undefined }, revision)}
      onDone={onDone}
    >
      <Form.Item name="supervisorId" label="督办人" rules={[{ required: true, message: '请选择督办人' }]}>
        <Select options={supervisors.map((s) => ({ value: s.id, label: s.displayName }))} placeholder="主任会议成员或专委会" />
      </Form.Item>
      <Form.Item name="leaderName" label="领办领导" extra="政府部门承办的，应明确一名政府领导领办。">
        <Input placeholder="例如：副市长 某某" />
      </Form.Item>
    </ActionModal>
  );
}
