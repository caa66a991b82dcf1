import { Form, Input, Select, Space } from 'antd';
import { changeUserDelegation, changeUserPhone, changeUserRole, deactivateUser, moveUserToUnit, reactivateUser, resetPassword } from '../../api/accounts-api';
import type { DelegationRow } from '../../api/sessions-api';
import type { Role, UnitRow, UserListRow } from '../../api/types';
import { PHONE_EXTRA, PHONE_RULES } from '../../lib/phone';
import { ActionModal } from '../../components/action-modal';
import { ConfirmAction } from '../../components/confirm-action';
import { PASSWORD_MIN, ROLE_OPTIONS, unitOptions } from './role-options';

/**
 * What an admin does to one account. Each but reactivation signs the person out everywhere; the
 * api refuses all of them on the admin's own account, so they are not offered there.
 */
export function UserRowActions({
  user,
  units,
  delegations,
  onDone,
}: {
  user: UserListRow;
  units: readonly UnitRow[];
  delegations: readonly DelegationRow[];
  onDone: () => void;
}) {
  const name = user.displayName;
  return (
    <Space size={4} wrap>
      {user.active ? (
        <ConfirmAction
          buttonText="停用"
          buttonProps={{ size: 'small', danger: true }}
          confirm={`停用「${name}」的账号？停用后其立即退出登录且无法再登录。`}
          successText="账号已停用"
          onConfirm={() => deactivateUser(user.id)}
          onDone={onDone}
          testId={`deactivate-${user.id}`}
        />
      ) : (
        <ConfirmAction
          buttonText="启用"
          buttonProps={{ size: 'small' }}
          confirm={`重新启用「${name}」的账号？`}
          successText="账号已启用"
          onConfirm={() => reactivateUser(user.id)}
          onDone={onDone}
          testId={`reactivate-${user.id}`}
        />
      )}
      <ActionModal<{ newPassword: string }>
        buttonText="重置密码"
        buttonProps={{ size: 'small' }}
        title={`重置「${name}」的密码`}
        okText="重置"
        successText="密码已重置，其已登录的设备均已退出"
        testId={`reset-password-${user.id}`}
        onSubmit={(v) => resetPassword(user.id, v.newPassword)}
        onDone={onDone}
      >
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={`至少 ${PASSWORD_MIN} 个字符；请告知本人，并提醒其登录后修改`}
          rules={[
            { required: true, message: '请填写新密码' },
            { min: PASSWORD_MIN, message: `新密码至少 ${PASSWORD_MIN} 个字符` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ role: Role; unitId?: string }>
        buttonText="变更角色"
        buttonProps={{ size: 'small' }}
        title={`变更「${name}」的角色`}
        okText="变更"
        successText="角色已变更，其须重新登录"
        testId={`change-role-${user.id}`}
        initialValues={user.unitId ? { role: user.role, unitId: user.unitId } : { role: user.role }}
        onSubmit={(v) => changeUserRole(user.id, v.role, v.role === 'unit' ? v.unitId : undefined)}
        onDone={onDone}
      >
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: { role?: Role }, b: { role?: Role }) => a.role !== b.role}>
          {({ getFieldValue }) =>
            getFieldValue('role') === 'unit' && (
              <Form.Item name="unitId" label="所属承办单位" rules={[{ required: true, message: '请选择所属承办单位' }]}>
                <Select options={unitOptions(units)} showSearch optionFilterProp="label" placeholder="请选择" />
              </Form.Item>
            )
          }
        </Form.Item>
      </ActionModal>
      {user.role === 'deputy' && (
        <ActionModal<{ phone?: string }>
          buttonText="修改电话"
          buttonProps={{ size: 'small' }}
          title={`修改「${name}」的电话号码`}
          okText="保存"
          successText="电话号码已保存"
          testId={`change-phone-${user.id}`}
          initialValues={{ phone: user.phone ?? '' }}
          onSubmit={(v) => changeUserPhone(user.id, v.phone?.trim() || undefined)}
          onDone={onDone}
        >
          <Form.Item name="phone" label="电话号码" extra={`留空则删除；${PHONE_EXTRA}`} rules={PHONE_RULES}>
            <Input inputMode="tel" autoComplete="off" maxLength={20} />
          </Form.Item>
        </ActionModal>
      )}
      {user.role === 'deputy' && (
        <ActionModal<{ delegationId?: string }>
          buttonText="变更代表团"
          buttonProps={{ size: 'small' }}
          title={`变更「${name}」所属代表团`}
          okText="变更"
          successText="所属代表团已变更"
          testId={`change-delegation-${user.id}`}
          initialValues={user.delegationId ? { delegationId: user.delegationId } : {}}
          onSubmit={(v) => changeUserDelegation(user.id, v.delegationId)}
          onDone={onDone}
        >
          <Form.Item name="delegationId" label="所属代表团" extra="清空则不属于任何代表团">
            <Select allowClear placeholder="无" options={delegations.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </ActionModal>
      )}
      {user.role === 'unit' && (
        <ActionModal<{ unitId: string }>
          buttonText="变更单位"
          buttonProps={{ size: 'small' }}
          title={`变更「${name}」所属承办单位`}
          okText="变更"
          successText="所属单位已变更，其须重新登录"
          testId={`move-unit-${user.id}`}
          initialValues={user.unitId ? { unitId: user.unitId } : {}}
          onSubmit={(v) => moveUserToUnit(user.id, v.unitId)}
          onDone={onDone}
        >
          <Form.Item name="unitId" label="所属承办单位" extra="变更后其已登录的设备均退出，须重新登录" rules={[{ required: true, message: '请选择所属承办单位' }]}>
            <Select options={unitOptions(units)} showSearch optionFilterProp="label" placeholder="请选择" />
          </Form.Item>
        </ActionModal>
      )}
    </Space>
  );
}
