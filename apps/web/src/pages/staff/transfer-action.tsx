import { Form, Input, Select } from 'antd';
import { commands } from '../../api/suggestions-api';
import type { SuggestionDetail } from '../../api/types';
import { ActionModal } from '../../components/action-modal';
import { useDirectory } from '../../layout/directory-context';

interface TransferForm {
  fromUnitId: string;
  toUnitId: string;
  reason: string;
}

/**
 * 转办: one unit of the current assignment hands its part to another unit. Shown when the server
 * allows it; which unit may be handed on is the server's to say (its refusal shows in the dialog).
 */
export function TransferAction({ detail, onDone }: { detail: SuggestionDetail; onDone: () => void }) {
  const { units, unitName } = useDirectory();
  const current = 'assignment' in detail && detail.assignment ? detail.assignment.units.map((u) => u.unitId) : [];
  return (
    <ActionModal<TransferForm>
      buttonText="转办"
      testId="transfer"
      title="转办其他承办单位"
      okText="确认转办"
      successText="已转办"
      initialValues={current.length === 1 ? { fromUnitId: current[0] } : {}}
      width={520}
      onSubmit={(v) =>
        commands.transfer(detail.id, { fromUnitId: v.fromUnitId, toUnitId: v.toUnitId, reason: v.reason.trim() }, detail.revision)
      }
      onDone={onDone}
    >
      <Form.Item name="fromUnitId" label="原承办单位" rules={[{ required: true, message: '请选择原承办单位' }]}>
        <Select options={current.map((id) => ({ value: id, label: unitName(id) }))} placeholder="选择原承办单位" data-testid="transfer-from" />
      </Form.Item>
      <Form.Item name="toUnitId" label="新承办单位" rules={[{ required: true, message: '请选择新承办单位' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={units.filter((u) => !current.includes(u.id)).map((u) => ({ value: u.id, label: u.name }))}
          placeholder="选择新承办单位"
          data-testid="transfer-to"
        />
      </Form.Item>
      <Form.Item name="reason" label="转办理由" rules={[{ required: true, whitespace: true, message: '请填写转办理由' }]}>
        <Input.TextArea rows={3} placeholder="例如：该事项属于住房保障部门职责" data-testid="transfer-reason" />
      </Form.Item>
    </ActionModal>
  );
}
