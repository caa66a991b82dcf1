import { Form, Radio, Select } from 'antd';
import { assignGroup } from '../../api/groups-api';
import { commands } from '../../api/suggestions-api';
import type { AssignmentMode, SuggestionDetail } from '../../api/types';
import { ActionModal } from '../../components/action-modal';
import { useDirectory } from '../../layout/directory-context';
import { assertNever } from '../../lib/assert-never';
import { modeLabel } from '../../lib/labels';
import { RoutingHint } from './routing-hint';

interface AssignForm {
  mode: AssignmentMode;
  soleUnitId?: string;
  leadUnitId?: string;
  coUnitIds?: string[];
  separateUnitIds?: string[];
}

function toBody(v: AssignForm): { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string } {
  switch (v.mode) {
    case 'sole':
      return { mode: 'sole', unitIds: [v.soleUnitId ?? ''] };
    case 'lead':
      return { mode: 'lead', unitIds: [v.leadUnitId ?? '', ...(v.coUnitIds ?? [])], leadUnitId: v.leadUnitId };
    case 'separate':
      return { mode: 'separate', unitIds: v.separateUnitIds ?? [] };
    default:
      return assertNever(v.mode, 'mode');
  }
}

/** 交办: one unit, a lead with co-handlers, or several units each answering for its part. */
export function AssignAction({
  detail,
  onDone,
  again,
  groupId,
}: {
  detail: SuggestionDetail;
  onDone: () => void;
  again?: boolean;
  /** 一并交办: the same assignment for every suggestion of this group. */
  groupId?: string;
}) {
  const { units } = useDirectory();
  const options = units.map((u) => ({ value: u.id, label: u.name }));
  return (
    <ActionModal<AssignForm>
      buttonText={groupId ? '一并交办' : again ? '重新交办' : '交办'}
      buttonProps={groupId ? {} : { type: 'primary' }}
      testId={groupId ? 'assign-group' : 'assign'}
      title={groupId ? '并案组一并交办' : again ? '重新交办' : '交办承办单位'}
      successText={groupId ? '并案组已一并交办' : '已交办'}
      initialValues={{ mode: 'sole' }}
      width={560}
      onSubmit={(v) => (groupId ? assignGroup(groupId, toBody(v)) : commands.assign(detail.id, toBody(v), detail.revision))}
      onDone={onDone}
    >
      {(form) => (
        <>
      {!groupId && <RoutingHint suggestionId={detail.id} form={form} />}
      <Form.Item name="mode" label="交办方式">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="assign-mode"
          options={(['sole', 'lead', 'separate'] as const).map((m) => ({ value: m, label: modeLabel(m) }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode || a.leadUnitId !== b.leadUnitId}>
        {({ getFieldValue }) => {
          const mode = getFieldValue('mode') as AssignmentMode;
          if (mode === 'sole') {
            return (
              <Form.Item name="soleUnitId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
                <Select showSearch optionFilterProp="label" options={options} placeholder="选择单位" data-testid="sole-unit" />
              </Form.Item>
            );
          }
          if (mode === 'lead') {
            const lead = getFieldValue('leadUnitId') as string | undefined;
            return (
              <>
                <Form.Item name="leadUnitId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
                  <Select showSearch optionFilterProp="label" options={options} placeholder="选择主办单位" data-testid="lead-unit" />
                </Form.Item>
                <Form.Item name="coUnitIds" label="协办单位" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个协办单位' }]}>
                  <Select
                    mode="multiple"
                    optionFilterProp="label"
                    options={options.filter((o) => o.value !== lead)}
                    placeholder="选择协办单位"
                    data-testid="co-units"
                  />
                </Form.Item>
              </>
            );
          }
          return (
            <Form.Item
              name="separateUnitIds"
              label="分办单位"
              extra="各单位分别答复各自负责的部分，代表分别评价。"
              rules={[{ required: true, type: 'array', min: 2, message: '分别办理请至少选择两个单位' }]}
            >
              <Select mode="multiple" optionFilterProp="label" options={options} placeholder="选择单位" data-testid="separate-units" />
            </Form.Item>
          );
        }}
      </Form.Item>
        </>
      )}
    </ActionModal>
  );
}
