import { Form, Input, Select } from 'antd';
import { createUser, type NewUser } from '../../api/accounts-api';
import type { Role, UnitRow } from '../../api/types';
import { fetchDelegations } from '../../api/sessions-api';
import { ActionModal } from '../../components/action-modal';
import { useAsync } from '../../lib/use-async';
import { PHONE_EXTRA, PHONE_RULES } from '../../lib/phone';
import { PASSWORD_MIN, ROLE_OPTIONS, USERNAME_PATTERN, unitOptions } from './role-options';

/**
 * 新建用户: login name, name, role (a unit user also their unit) and a first password the admin
 * passes on. Deputies are created here too (role 人大代表), with their delegation (代表团) and
 * phone number if known.
 */
export function CreateUserAction({ units, defaultRole, onDone }: { units: readonly UnitRow[]; defaultRole: Role; onDone: () => void }) {
  const delegations = useAsync(fetchDelegations, []);
  return (
    <ActionModal<NewUser>
      buttonText="新建用户"
      buttonProps={{ type: 'primary' }}
      title="新建用户"
      okText="创建"
      successText="用户已创建"
      testId="create-user"
      initialValues={{ role: defaultRole }}
      onSubmit={(v) =>
        createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          role: v.role,
          ...(v.role === 'unit' && v.unitId ? { unitId: v.unitId } : {}),
          ...(v.role === 'deputy' && v.delegationId ? { delegationId: v.delegationId } : {}),
          ...(v.role === 'deputy' && v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        })
      }
      onDone={onDone}
    >
      <Form.Item
        name="username"
        label="用户名（登录名）"
        extra="小写字母、数字、_ . -，2～32 个字符；创建后不能修改"
        rules={[
          { required: true, whitespace: true, message: '请填写用户名' },
          { pattern: USERNAME_PATTERN, message: '用户名只能包含小写字母、数字、_ . -，2～32 个字符' },
        ]}
      >
        <Input autoComplete="off" data-testid="new-username" />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={100} data-testid="new-display-name" />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLE_OPTIONS} data-testid="new-role" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Partial<NewUser>, b: Partial<NewUser>) => a.role !== b.role}>
        {({ getFieldValue }) =>
          getFieldValue('role') === 'unit' ? (
            <Form.Item name="unitId" label="所属承办单位" rules={[{ required: true, message: '请选择所属承办单位' }]}>
              <Select options={unitOptions(units)} showSearch optionFilterProp="label" placeholder="请选择" data-testid="new-unit" />
            </Form.Item>
          ) : (
            getFieldValue('role') === 'deputy' && (
              <>
                <Form.Item name="delegationId" label="所属代表团" extra="可不填；代表团名义提出的建议由团长评价">
                  <Select
                    allowClear
                    options={(delegations.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                    placeholder="无"
                    data-testid="new-delegation"
                  />
                </Form.Item>
                <Form.Item name="phone" label="电话号码" extra={`可不填；${PHONE_EXTRA}`} rules={PHONE_RULES}>
                  <Input inputMode="tel" autoComplete="off" maxLength={20} data-testid="new-phone" />
                </Form.Item>
              </>
            )
          )
        }
      </Form.Item>
      <Form.Item
        name="password"
        label="初始密码"
        extra={`至少 ${PASSWORD_MIN} 个字符；请告知本人，并提醒其登录后在“修改密码”中修改`}
        rules={[
          { required: true, message: '请填写初始密码' },
          { min: PASSWORD_MIN, message: `密码至少 ${PASSWORD_MIN} 个字符` },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
    </ActionModal>
  );
}
