import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { CitationView, PeriodValueView, RulebookValueView } from '@duban/domain';
import { fetchRulebook } from '../../api/directory-api';
import { LoadState } from '../../components/load-state';
import { PageTitle } from '../../components/page-title';
import { useAsync } from '../../lib/use-async';

/**
 * 办理规则: every value of the rulebook in force with the article it comes from, so staff can check
 * it against the text — or see that it is a default no text sets, and say so to whoever asks.
 */
export function RulebookPage() {
  const rulebook = useAsync(() => fetchRulebook(), []);
  const r = rulebook.data;
  return (
    <div className="page" data-testid="rulebook-page">
      <div className="page-head">
        <PageTitle>办理规则</PageTitle>
      </div>
      <LoadState loading={rulebook.loading} error={rulebook.error} hasData={!!r} reload={rulebook.reload}>
        {r && (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="现行规则">{r.name}</Descriptions.Item>
            </Descriptions>
            {r.unsourced && (
              <Alert
                type="warning"
                showIcon
                data-testid="rulebook-unsourced"
                message="本预设的数值尚未找到法规文本依据：除注明条文的以外，均为全国默认值或未经核实的数值，请以本地规定为准。"
              />
            )}
            <Table<PeriodValueView>
              data-testid="rulebook-periods"
              rowKey="key"
              pagination={false}
              title={() => <Typography.Text strong>期限</Typography.Text>}
              dataSource={r.periods}
              columns={[
                { title: '事项', dataIndex: 'name', width: '28%' },
                { title: '规定', dataIndex: 'label', width: '18%' },
                { title: '出处', dataIndex: 'citations', render: (c: CitationView[]) => <Citations citations={c} /> },
              ]}
            />
            <Table<RulebookValueView>
              data-testid="rulebook-rules"
              rowKey="key"
              pagination={false}
              title={() => <Typography.Text strong>办理规则</Typography.Text>}
              dataSource={r.rules}
              columns={[
                { title: '事项', dataIndex: 'name', width: '18%' },
                { title: '规定', dataIndex: 'label', width: '40%' },
                { title: '出处', dataIndex: 'citations', render: (c: CitationView[]) => <Citations citations={c} /> },
              ]}
            />
          </Space>
        )}
      </LoadState>
    </div>
  );
}

function Citations({ citations }: { citations: CitationView[] }) {
  return (
    <Space direction="vertical" size={2}>
      {citations.map((c, i) =>
        'file' in c ? (
          <span key={i} data-citation="article" title={c.file}>
            《{c.title}》{c.article}
            {c.note ? <Typography.Text type="secondary">：{c.note}</Typography.Text> : null}
          </span>
        ) : (
          <span key={i} data-citation="default">
            <Tag color="orange">默认值</Tag>
            <Typography.Text type="secondary">{c.note}</Typography.Text>
          </span>
        ),
      )}
    </Space>
  );
}
