import { Card, Form, Input, Table } from 'antd';
import { createUnit, renameUnit } from '../../api/accounts-api';
import type { UnitRow } from '../../api/types';
import { ActionModal } from '../../components/action-modal';
import { LoadState } from '../../components/load-state';
import { PageTitle } from '../../components/page-title';
import { UNIT_ID_PATTERN } from './role-options';
import { useDirectory } from '../../layout/directory-context';
import { useAccounts } from './use-accounts';

/**
 * 单位管理: the units suggestions are assigned to, registering a new one (say 市水务局 when a
 * suggestion is returned to be handled there) and renaming one (机构改革). The id stays, so every
 * list and suggestion that names the unit shows the new name.
 */
export function UnitsPage() {
  const accounts = useAccounts();
  const { users, units, error, loading } = accounts;
  const directory = useDirectory();
  // The header and every page of this tab name units from the directory: it learns the change too.
  const reload = () => {
    accounts.reload();
    directory.reload();
  };
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
          <Form.Item name="name" label="单位名称" extra="请填写全称；以后可以修改" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
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
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, row) => (
                  <ActionModal<{ name: string }>
                    buttonText="修改名称"
                    buttonProps={{ size: 'small' }}
                    title={`修改「${row.name}」的名称`}
                    okText="保存"
                    successText="单位名称已修改"
                    testId={`rename-unit-${row.id}`}
                    initialValues={{ name: row.name }}
                    onSubmit={(v) => renameUnit(row.id, v.name.trim())}
                    onDone={reload}
                  >
                    <Form.Item name="name" label="单位名称" extra="单位编号不变；列表与建议中随即显示新名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </ActionModal>
                ),
              },
            ]}
          />
        </LoadState>
      </Card>
    </div>
  );
}
