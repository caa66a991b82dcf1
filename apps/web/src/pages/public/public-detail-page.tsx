import { Button, Card, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { fetchPublicSuggestion } from '../../api/supervision-api';
import { AttachmentList } from '../../components/attachment-files';
import { LoadState } from '../../components/load-state';
import { usePageTitle } from '../../components/page-title';
import { useAsync } from '../../lib/use-async';
import { formatDateTime } from '../../lib/time';

// Signed out there is no rulebook to read: the national scheme names the categories.
const CATEGORY_LABELS: Record<string, string> = {
  A: '已经解决或者基本解决',
  B: '正在解决或者列入规划逐步解决',
  C: '因目前条件限制需待以后解决',
  D: '留作参考',
};
const categoryLabel = (code: string) => (CATEGORY_LABELS[code] ? `${code} 类：${CATEGORY_LABELS[code]}` : `${code} 类`);

export function PublicDetailPage() {
  const { id = '' } = useParams();
  const item = useAsync(() => fetchPublicSuggestion(id), [id]);
  const s = item.data;
  usePageTitle(s ? `公开答复：${s.title}` : '公开答复');
  return (
    <div className="page narrow-page">
      <Link to="/public">
        <Button icon={<ArrowLeftOutlined />} className="gap-bottom">
          公开答复
        </Button>
      </Link>
      <LoadState loading={item.loading} error={item.error} hasData={!!s} reload={item.reload}>
        {s && (
          <Card title={<Typography.Title level={1} className="detail-title">{s.title}</Typography.Title>}>
            <Typography.Paragraph type="secondary">
              {s.deputyNames ? `代表：${s.deputyNames.join('、')}` : '代表要求公开时隐去姓名'} · 公开时间 {formatDateTime(s.publishedAt)}
            </Typography.Paragraph>
            <Typography.Title level={2} className="section-title">建议内容</Typography.Title>
            <Typography.Paragraph className="suggestion-content">{s.content}</Typography.Paragraph>
            <Typography.Title level={2} className="section-title">答复</Typography.Title>
            {s.answers.length === 0 && <Typography.Paragraph type="secondary">暂无公开的答复</Typography.Paragraph>}
            {s.answers.map((a) => (
              <div key={`${a.unitId}/${a.round}`} className="answer-block" data-testid="public-answer">
                <Typography.Text strong>{a.unitName}</Typography.Text>
                <span className="muted small">
                  {' '}
                  · 第 {a.round} 次答复 · {categoryLabel(a.category)} · 签发人 {a.signedBy} · {formatDateTime(a.answeredAt)}
                </span>
                <Typography.Paragraph className="answer-text">{a.content}</Typography.Paragraph>
                {a.letters && a.letters.length > 0 && <AttachmentList files={a.letters} tagOf={() => '答复函'} publicCopy via={s.id} />}
              </div>
            ))}
          </Card>
        )}
      </LoadState>
    </div>
  );
}
