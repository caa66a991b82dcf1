import { Form, Input } from 'antd';
import { commands } from '../../api/suggestions-api';
import type { SuggestionDetail } from '../../api/types';
import { ActionModal } from '../../components/action-modal';

export function WithdrawAction({ detail, onDone }: { detail: SuggestionDetail; onDone: () => void }) {
  return (
    <ActionModal<{ reason: string }>
      buttonText="撤回建议"
      buttonProps={{ danger: true }}
      testId="withdraw"
      title="撤回建议"
      okText="确认撤回"
      successText="建议已撤回"
      onSubmit={(v) => commands.withdraw(detail.id, v.reason.trim(), detail.revision)}
      onDone={onDone}
    >
      <Form.Item name="reason" label="撤回理由" rules={[{ required: true, whitespace: true, message: '请填写撤回理由' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </ActionModal>
  );
}
