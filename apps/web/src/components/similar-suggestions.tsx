import { Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { SimilarSuggestion } from '../api/routing-api';
import { StatusTag } from './status-tag';

/** 第0123号 once registered; nothing before. */
export function numberLabel(n: number | undefined): string {
  return n === undefined ? '' : `第${String(n).padStart(4, '0')}号`;
}

/**
 * 相似建议 (办理一件、解决一类): number, title, status, the unit's answer category and how alike, each
 * linking to where this reader opens it. The server lists only what the reader may read.
 */
export function SimilarSuggestionList({
  items,
  pathOf,
  testId = 'similar-suggestions',
  empty = '暂无相似建议',
}: {
  items: SimilarSuggestion[];
  pathOf: (id: string) => string;
  testId?: string;
  empty?: string;
}) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={`${testId}-empty`} />;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      renderItem={(item) => (
        <List.Item key={item.id} data-testid="similar-item" data-id={item.id}>
          <Space orientation="vertical" size={2}>
            <Link to={pathOf(item.id)}>
              {numberLabel(item.number)} {item.title}
            </Link>
            <Space size={4} wrap>
              <StatusTag status={item.status} />
              {item.answerCategory && <Tag>答复类别 {item.answerCategory}</Tag>}
              {item.unitNames.length > 0 && <Typography.Text type="secondary">{item.unitNames.join('、')}</Typography.Text>}
              <Typography.Text type="secondary">相似度 {Math.round(item.score * 100)}%</Typography.Text>
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}
