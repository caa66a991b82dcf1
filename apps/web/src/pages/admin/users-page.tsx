import { useMemo, useState } from 'react';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { Role, UserListRow } from '../../api/types';
import { fetchDelegations } from '../../api/sessions-api';
import { useUser } from '../../auth/auth-context';
import { useAsync } from '../../lib/use-async';
import { LoadState } from '../../components/load-state';
import { PageTitle } from '../../components/page-title';
import { roleLabel } from '../../lib/labels';
import { CreateUserAction } from './create-user-action';
import { ROLE_OPTIONS } from './role-options';
import { useAccounts } from './use-accounts';
import { UserRowActions } from './user-row-actions';

/**
 * 用户管理: every account, deactivated ones too; create, switch off and on, reset, change role, and
 * after creation a deputy's phone and delegation or a unit user's unit.
 */
export function UsersPage() {
  const me = useUser();
  const { users, units, error, loading, reload } = useAccounts();
  const [role, setRole] = useState<Role | 'all'>('all');
  const unitName = useMemo(() => new Map((units ?? []).map((u) => [u.id, u.name])), [units]);
  // A deputy's 代表团 by name; the table still shows the rest when the delegations cannot be read.
  const delegations = useAsync(() => fetchDelegations().catch(() => []), [users]);
  const delegationName = useMemo(() => new Map((delegations.data ?? []).map((d) => [d.id, d.name])), [delegations.data]);
  const shown = (users ?? []).filter((u) => role === 'all' || u.role === role);

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>用户管理</PageTitle>
        <Space wrap>
          <Select
            aria-label="按角色筛选"
            value={role}
            onChange={setRole}
            options={[{ value: 'all', label: '全部角色' }, ...ROLE_OPTIONS]}
            style={{ minWidth: 140 }}
            data-testid="role-filter"
          />
          <CreateUserAction units={units ?? []} defaultRole={role === 'all' ? 'deputy' : role} onDone={reload} />
        </Space>
      </div>
      <Card>
        <LoadState loading={loading} error={error} hasData={users !== null} reload={reload}>
          <Table<UserListRow>
            rowKey="id"
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个账号` }}
            scroll={{ x: 'max-content' }}
            data-testid="users-table"
            columns={[
              { title: '用户名', dataIndex: 'id' },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '角色', dataIndex: 'role', render: (r: Role) => roleLabel(r) },
              { title: '所属单位', dataIndex: 'unitId', render: (id?: string) => (id ? (unitName.get(id) ?? id) : '—') },
              { title: '代表团', dataIndex: 'delegationId', render: (id?: string) => (id ? (delegationName.get(id) ?? id) : '—') },
              { title: '电话', dataIndex: 'phone', render: (phone?: string) => phone ?? '—' },
              {
                title: '状态',
                dataIndex: 'active',
                render: (active: boolean) => (active ? <Tag color="green">正常</Tag> : <Tag color="default">已停用</Tag>),
              },
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, row) =>
                  row.id === me.id ? (
                    <Typography.Text type="secondary">本人（请用“修改密码”）</Typography.Text>
                  ) : (
                    <UserRowActions user={row} units={units ?? []} delegations={delegations.data ?? []} onDone={reload} />
                  ),
              },
            ]}
          />
        </LoadState>
      </Card>
    </div>
  );
}
