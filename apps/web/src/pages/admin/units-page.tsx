import { Card, Form, Input, Table } from 'antd';
import { createUnit } from '../../api/accounts-api';
import type { UnitRow } from '../../api/types';
import { ActionModal } from '../../components/action-modal';
import { LoadState } from '../../components/load-state';
import { PageTitle } from '../../components/page-title';
import { UNIT_ID_PATTERN } from './role-options';
import { useAccounts } from './use-accounts';

/**
 * 单位管理: the units suggestions are assigned to, and registering a new one (say 市水务局 when a
 * suggestion is returned to be handled there). The api has no renaming: a unit's name is kept as
 * registered, so the dialog says to check it.
 */
export function UnitsPage() {
  const { users, units, error, loading, reload } = useAccounts();
  const members = (unitId: string) => (users ?? []).filter((u) => u.unitId === unitId && u.role === 'unit').length;

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>单位管理</PageTitle>
        <ActionModal<{ id: string; name: string }>
          buttonText="登记单位"
          buttonProps={{ type: 'primary' }}
          title="登记承办单位"
          okText="登记"
          successText="承办单位已登记"
          testId="create-unit"
          onSubmit={(v) => createUnit({ id: v.id.trim(), name: v.name.trim() })}
          onDone={reload}
        >
          <Form.Item
            name="id"
            label="单位编号"
            extra="字母、数字、_ . : -，例如 shuiwu；登记后不能修改"
            rules={[
              { required: true, whitespace: true, message: '请填写单位编号' },
              { pattern: UNIT_ID_PATTERN, message: '单位编号只能包含字母、数字、_ . : -，不超过 64 个字符' },
            ]}
          >
            <Input data-testid="new-unit-id" />
          </Form.Item>
          <Form.Item name="name" label="单位名称" extra="登记后不能修改，请核对全称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
            <Input maxLength={100} data-testid="new-unit-name" />
          </Form.Item>
        </ActionModal>
      </div>
      <Card>
        <LoadState loading={loading} error={error} hasData={units !== null} reload={reload}>
          <Table<UnitRow>
            rowKey="id"
            dataSource={units ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个单位` }}
            data-testid="units-table"
            columns={[
              { title: '单位编号', dataIndex: 'id' },
              { title: '单位名称', dataIndex: 'name' },
              { title: '办理账号数', key: 'members', render: (_: unknown, row) => members(row.id) },
            ]}
          />
        </LoadState>
      </Card>
    </div>
  );
}
