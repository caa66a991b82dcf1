import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { fetchCalendar, uploadCalendarNotice, type CalendarNotice, type CalendarUploadResult, type CalendarYear } from '../../api/calendar-api';
import { ApiError } from '../../api/api-error';
import { LoadState } from '../../components/load-state';
import { PageTitle } from '../../components/page-title';
import { PROVISIONAL_EXPLANATION } from '../../components/provisional-tag';
import { useAsync } from '../../lib/use-async';

const SOURCE_LABELS: Record<CalendarYear['source'], string> = {
  notice: '已载入放假通知',
  package: '日历数据包',
  computed: '按法定节假日推算',
};

const EXAMPLE = `{
  "years": {
    "2027": {
      "holidays": ["2027-01-01", "2027-02-05", "2027-02-08"],
      "workdays": ["2027-02-14"]
    }
  }
}`;

/**
 * 日历 (admin): which years the working calendar knows from the State Council's notice and which are
 * still provisional, and the upload of a notice (the override file's format). Loading it recomputes
 * every provisional deadline; the answer says how many suggestions changed.
 */
export function CalendarPage() {
  const { message } = App.useApp();
  const calendar = useAsync(() => fetchCalendar(), []);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CalendarUploadResult | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async () => {
    setProblems([]);
    let notice: CalendarNotice;
    try {
      notice = JSON.parse(text) as CalendarNotice;
    } catch {
      setProblems(['内容不是有效的 JSON，请对照示例格式检查']);
      return;
    }
    setBusy(true);
    try {
      const answer = await uploadCalendarNotice(notice);
      setResult(answer);
      message.success(`已载入 ${answer.loaded.join('、')} 年放假通知，${answer.changed} 件建议的期限已重新计算`);
      calendar.reload();
    } catch (e) {
      const fields = e instanceof ApiError ? Object.entries(e.fieldErrors).map(([field, text]) => `${field}：${text}`) : [];
      setProblems(fields.length ? fields : [e instanceof Error ? e.message : '载入失败']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="calendar-page">
      <div className="page-head">
        <PageTitle>工作日历</PageTitle>
      </div>
      <Card title="各年度日历来源">
        <LoadState loading={calendar.loading} error={calendar.error} hasData={!!calendar.data} reload={calendar.reload}>
          <Table<CalendarYear>
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={calendar.data?.years ?? []}
            data-testid="calendar-years"
            columns={[
              { title: '年度', dataIndex: 'year', render: (year: number) => `${year} 年` },
              { title: '来源', dataIndex: 'source', render: (source: CalendarYear['source']) => SOURCE_LABELS[source] },
              {
                title: '状态',
                key: 'provisional',
                render: (_: unknown, row) =>
                  row.provisional ? (
                    <Tag color="gold" data-testid={`year-${row.year}-provisional`}>
                      暂定
                    </Tag>
                  ) : (
                    <Tag color="green" data-testid={`year-${row.year}-official`}>
                      正式
                    </Tag>
                  ),
              },
              {
                title: '载入的放假日 / 调休上班日',
                key: 'days',
                render: (_: unknown, row) => (row.source === 'notice' ? `${row.holidayCount} 天 / ${row.workdayCount} 天` : '—'),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" className="calendar-note">
            {PROVISIONAL_EXPLANATION}
          </Typography.Paragraph>
        </LoadState>
      </Card>
      <Card title="载入国务院放假通知">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            按通知填写该年的放假日（holidays）和调休上班的周末（workdays），格式与日历覆盖文件相同。载入后立即生效，并重算按暂定日历计算的未到期期限。
          </Typography.Text>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then(setText);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>选择 JSON 文件</Button>
          </Upload>
          <Input.TextArea rows={10} value={text} placeholder={EXAMPLE} onChange={(e) => setText(e.target.value)} data-testid="notice-json" aria-label="放假通知 JSON" />
          {problems.length > 0 && <Alert type="error" showIcon message="未能载入" description={problems.join('；')} data-testid="notice-errors" />}
          <Button type="primary" loading={busy} disabled={text.trim() === ''} onClick={() => void submit()} data-testid="notice-submit">
            载入并重算期限
          </Button>
          {result && (
            <Descriptions size="small" bordered column={1} data-testid="notice-result">
              <Descriptions.Item label="载入年份">{result.loaded.join('、')}</Descriptions.Item>
              <Descriptions.Item label="由暂定转为正式">{result.nowOfficial.length ? result.nowOfficial.join('、') : '无'}</Descriptions.Item>
              <Descriptions.Item label="检查的建议">{result.checked} 件</Descriptions.Item>
              <Descriptions.Item label="期限已重算">
                {result.changed} 件（{result.deadlinesMoved} 个截止时间）
              </Descriptions.Item>
              {result.failed > 0 && <Descriptions.Item label="重算失败">{result.failed} 件（见服务日志）</Descriptions.Item>}
            </Descriptions>
          )}
        </Space>
      </Card>
    </div>
  );
}
