import { Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { SESSION_KIND_LABELS } from '@duban/domain/labels';
import { closeSession, fetchSessions, openSession, setAssignmentDate, type SessionRow } from '../../api/sessions-api';
import { ActionModal } from '../../components/action-modal';
import { ConfirmAction } from '../../components/confirm-action';
import { LoadState } from '../../components/load-state';
import { PageTitle } from '../../components/page-title';
import { useAsync } from '../../lib/use-async';

const day = (d: Dayjs | undefined | null): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * 会次管理 (staff, admins): the sessions of the congress (大会期间) and the recesses after them. Every
 * suggestion belongs to one; a congress session's suggestions are handed over together on its 交办
 * date, which staff set here (registered suggestions of the session are then due on that day).
 */
export function SessionsPage() {
  const sessions = useAsync(fetchSessions, []);
  const rows = (sessions.data ?? []).filter((s) => s.id !== 'legacy');

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>会次管理</PageTitle>
        <ActionModal<{ name: string; kind: 'congress' | 'recess'; startsOn: Dayjs; endsOn?: Dayjs }>
          buttonText="新建会次"
          buttonProps={{ type: 'primary' }}
          title="新建会次"
          okText="新建"
          successText="会次已新建"
          testId="open-session"
          initialValues={{ kind: 'congress' }}
          onSubmit={(v) => {
            const endsOn = day(v.endsOn);
            return openSession({ name: v.name.trim(), kind: v.kind, startsOn: day(v.startsOn)!, ...(endsOn ? { endsOn } : {}) });
          }}
          onDone={sessions.reload}
        >
          <Form.Item name="name" label="会次名称" extra="例如 十六届人大三次会议" rules={[{ required: true, whitespace: true, message: '请填写会次名称' }]}>
            <Input maxLength={100} data-testid="new-session-name" />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select
              data-testid="new-session-kind"
              options={[
                { value: 'congress', label: SESSION_KIND_LABELS.congress },
                { value: 'recess', label: SESSION_KIND_LABELS.recess },
              ]}
            />
          </Form.Item>
          <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker data-testid="new-session-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label="结束日期" extra="闭会期间可不填">
            <DatePicker data-testid="new-session-ends" />
          </Form.Item>
        </ActionModal>
      </div>
      <Card>
        <LoadState loading={sessions.loading} error={sessions.error} hasData={sessions.data !== undefined} reload={sessions.reload}>
          <Table<SessionRow>
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个会次` }}
            data-testid="sessions-table"
            columns={[
              { title: '会次', dataIndex: 'name' },
              { title: '类型', key: 'kind', width: 100, render: (_: unknown, s) => SESSION_KIND_LABELS[s.kind] },
              { title: '日期', key: 'dates', width: 210, render: (_: unknown, s) => `${s.startsOn} 至 ${s.endsOn ?? '—'}` },
              { title: '交办日期', key: 'assignOn', width: 120, render: (_: unknown, s) => (s.kind === 'congress' ? s.assignOn ?? '未设定' : '逐件交办') },
              { title: '状态', key: 'closed', width: 90, render: (_: unknown, s) => (s.closed ? <Tag>已结束</Tag> : <Tag color="green">进行中</Tag>) },
              {
                title: '操作',
                key: 'actions',
                width: 220,
                render: (_: unknown, s) => (
                  <Space>
                    {s.kind === 'congress' && (
                      <ActionModal<{ assignOn: Dayjs }>
                        buttonText="设定交办日期"
                        title={`设定交办日期：${s.name}`}
                        okText="设定"
                        successText="交办日期已设定，本会次已立案待交办的建议按此日期计算交办期限"
                        testId={`assign-date-${s.id}`}
                        onSubmit={(v) => setAssignmentDate(s.id, day(v.assignOn)!)}
                        onDone={sessions.reload}
                      >
                        <Form.Item name="assignOn" label="交办日期" rules={[{ required: true, message: '请选择交办日期' }]}>
                          <DatePicker />
                        </Form.Item>
                      </ActionModal>
                    )}
                    {!s.closed && (
                      <ConfirmAction
                        buttonText="结束"
                        confirm={`结束“${s.name}”后不能再向该会次提出建议，确定吗？`}
                        successText="会次已结束"
                        onConfirm={() => closeSession(s.id)}
                        onDone={sessions.reload}
                        testId={`close-session-${s.id}`}
                      />
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </LoadState>
      </Card>
    </div>
  );
}
