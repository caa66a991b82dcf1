import { useCallback, useEffect, useMemo, useState } from 'react';
import { Card, Form, Input, Select, Table } from 'antd';
import { createDelegation, fetchDelegations, type DelegationRow } from '../../api/sessions-api';
import { ActionModal } from '../../components/action-modal';
import { LoadState } from '../../components/load-state';
import { PageTitle } from '../../components/page-title';
import { useAccounts } from './use-accounts';

/**
 * 代表团管理: the delegations (代表团) with their head (团长) and how many deputies' accounts name
 * them, and registering a new one; the head is chosen among the deputies. The api has no renaming.
 */
export function DelegationsPage() {
  const accounts = useAccounts();
  const [delegations, setDelegations] = useState<DelegationRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const loadDelegations = useCallback(() => {
    setLoading(true);
    fetchDelegations().then(
      (rows) => {
        setDelegations(rows);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        setError(e);
        setLoading(false);
      },
    );
  }, []);
  useEffect(loadDelegations, [loadDelegations]);
  const reload = () => {
    loadDelegations();
    accounts.reload();
  };

  const deputies = useMemo(() => (accounts.users ?? []).filter((u) => u.role === 'deputy'), [accounts.users]);
  const nameOf = useMemo(() => new Map(deputies.map((u) => [u.id, u.displayName])), [deputies]);
  const members = (id: string) => deputies.filter((u) => u.delegationId === id).length;

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>代表团管理</PageTitle>
        <ActionModal<{ name: string; headDeputyId?: string }>
          buttonText="登记代表团"
          buttonProps={{ type: 'primary' }}
          title="登记代表团"
          okText="登记"
          successText="代表团已登记"
          testId="create-delegation"
          onSubmit={(v) => createDelegation({ name: v.name.trim(), ...(v.headDeputyId ? { headDeputyId: v.headDeputyId } : {}) })}
          onDone={reload}
        >
          <Form.Item name="name" label="代表团名称" extra="例如 东城区代表团；登记后不能修改，请核对全称" rules={[{ required: true, whitespace: true, message: '请填写代表团名称' }]}>
            <Input maxLength={100} data-testid="new-delegation-name" />
          </Form.Item>
          <Form.Item name="headDeputyId" label="团长" extra="在人大代表中选择；以代表团名义提出的建议由团长评价">
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择人大代表"
              options={deputies.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName}（${u.id}）` }))}
              data-testid="new-delegation-head"
            />
          </Form.Item>
        </ActionModal>
      </div>
      <Card>
        <LoadState loading={loading} error={error} hasData={delegations !== null} reload={reload}>
          <Table<DelegationRow>
            rowKey="id"
            dataSource={delegations ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个代表团` }}
            data-testid="delegations-table"
            columns={[
              { title: '代表团名称', dataIndex: 'name' },
              { title: '团长', dataIndex: 'headDeputyId', render: (id?: string) => (id ? (nameOf.get(id) ?? id) : '—') },
              { title: '代表人数', key: 'members', render: (_: unknown, row) => (accounts.users ? members(row.id) : '—') },
            ]}
          />
        </LoadState>
      </Card>
    </div>
  );
}
