import { Form, Input, Radio } from 'antd';
import { commands } from '../../api/suggestions-api';
import type { SuggestionDetail } from '../../api/types';
import { ActionModal } from '../../components/action-modal';
import { SATISFACTION_OPTIONS } from '../../lib/labels';

interface RateCommitmentsForm {
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  reason?: string;
}

/** 承诺事项落实评价 (重庆 第二十八条): offered when the server allows it, per answering unit in separate mode. */
export function RateCommitmentsAction({ detail, unitId, unitName, separate, onDone }: { detail: SuggestionDetail; unitId: string; unitName: string; separate: boolean; onDone: () => void }) {
  return (
    <ActionModal<RateCommitmentsForm>
      buttonText={separate ? `评价${unitName}承诺落实` : '评价承诺落实'}
      testId={`rate-commitments-${unitId}`}
      title={`评价${unitName}的承诺事项落实情况`}
      successText="评价已提交"
      onSubmit={(v) =>
        commands.rateCommitments(detail.id, { rating: v.rating, reason: v.reason?.trim() || undefined, unitId: separate ? unitId : undefined }, detail.revision)
      }
      onDone={onDone}
    >
      <Form.Item name="rating" label="落实情况" rules={[{ required: true, message: '请评价承诺事项落实情况' }]}>
        <Radio.Group options={SATISFACTION_OPTIONS} optionType="button" buttonStyle="solid" />
      </Form.Item>
      <Form.Item
        name="reason"
        label="具体意见"
        dependencies={['rating']}
        rules={[
          ({ getFieldValue }) => ({
            validator(_, value?: string) {
              if (getFieldValue('rating') === 'dissatisfied' && !value?.trim()) return Promise.reject(new Error('选择“不满意”时必须填写具体意见'));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </ActionModal>
  );
}
