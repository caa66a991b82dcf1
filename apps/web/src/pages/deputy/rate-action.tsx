import { Form, Input, Radio } from 'antd';
import { commands } from '../../api/suggestions-api';
import type { Satisfaction, SuggestionDetail } from '../../api/types';
import { ActionModal } from '../../components/action-modal';
import { SATISFACTION_OPTIONS } from '../../lib/labels';

interface RateForm {
  attitude: Satisfaction;
  result: Satisfaction;
  reason?: string;
}

/** 评价: attitude and result separately; a reason is required when either is dissatisfied. */
export function RateAction({
  detail,
  unitId,
  unitName,
  separate,
  onDone,
}: {
  detail: SuggestionDetail;
  unitId: string;
  unitName: string;
  separate: boolean;
  onDone: () => void;
}) {
  return (
    <ActionModal<RateForm>
      buttonText={separate ? `评价${unitName}` : '评价答复'}
      buttonProps={{ type: 'primary' }}
      testId={`rate-${unitId}`}
      title={`评价${unitName}的答复`}
      successText="评价已提交"
      onSubmit={(v) =>
        commands.rate(
          detail.id,
          {
            attitude: v.attitude,
            result: v.result,
            reason: v.reason?.trim() || undefined,
            unitId: separate ? unitId : undefined,
          },
          detail.revision,
        )
      }
      onDone={onDone}
    >
      <Form.Item name="attitude" label="办理态度" rules={[{ required: true, message: '请评价办理态度' }]}>
        <Radio.Group options={SATISFACTION_OPTIONS} optionType="button" buttonStyle="solid" data-testid="rate-attitude" />
      </Form.Item>
      <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请评价办理结果' }]}>
        <Radio.Group options={SATISFACTION_OPTIONS} optionType="button" buttonStyle="solid" data-testid="rate-result" />
      </Form.Item>
      <Form.Item
        name="reason"
        label="理由"
        dependencies={['attitude', 'result']}
        rules={[
          ({ getFieldValue }) => ({
            validator(_, value?: string) {
              const dissatisfied = getFieldValue('attitude') === 'dissatisfied' || getFieldValue('result') === 'dissatisfied';
              if (dissatisfied && !value?.trim()) return Promise.reject(new Error('选择“不满意”时必须填写理由'));
              return Promise.resolve();
            },
          }),
        ]}
        extra="选择“不满意”时必填，单位将据此重新办理。"
      >
        <Input.TextArea rows={3} data-testid="rate-reason" />
      </Form.Item>
    </ActionModal>
  );
}
