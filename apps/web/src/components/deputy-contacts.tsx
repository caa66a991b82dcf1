import { Card, List, Tag, Typography } from 'antd';
import { fetchDeputyContacts } from '../api/accounts-api';
import { useAsync } from '../lib/use-async';
import { LoadState } from './load-state';

/**
 * 代表联系电话: units must contact the deputies before answering (staff, too, when they follow up),
 * so the numbers are beside the suggestion. Only those roles ask; the api decides who may read them.
 */
export function DeputyContactsCard({ suggestionId }: { suggestionId: string }) {
  const contacts = useAsync(() => fetchDeputyContacts(suggestionId), [suggestionId]);
  return (
    <Card title="代表联系电话" data-testid="deputy-contacts">
      <LoadState loading={contacts.loading} error={contacts.error} hasData={!!contacts.data} reload={contacts.reload}>
        <List
          size="small"
          dataSource={contacts.data ?? []}
          locale={{ emptyText: '没有可联系的代表' }}
          renderItem={(c) => (
            <List.Item data-deputy-id={c.userId}>
              <span>
                {c.displayName} <Tag>{c.role === 'lead' ? '领衔' : '附议'}</Tag>
              </span>
              {c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : <Typography.Text type="secondary">未登记电话</Typography.Text>}
            </List.Item>
          )}
        />
      </LoadState>
    </Card>
  );
}
