import { App, Badge, Button, Card, Empty, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { fetchInbox, markInboxRead } from '../../api/supervision-api';
import type { InboxItem } from '../../api/supervision-types';
import { useUser } from '../../auth/auth-context';
import { LoadState } from '../../components/load-state';
import { useLiveRefresh } from '../../live/live-context';
import { formatDateTime } from '../../lib/time';
import { useAsync } from '../../lib/use-async';
import { suggestionPathFor } from '../../lib/suggestion-path';

/** 消息: reminders and notices (assigned to you, answer due, urged, rated …). */
export function InboxPage() {
  const user = useUser();
  const { message } = App.useApp();
  const inbox = useAsync(fetchInbox, []);
  useLiveRefresh(inbox.reload);
  const read = async (item: InboxItem) => {
    try {
      await markInboxRead(item.id);
      inbox.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <div className="page narrow-page">
      <Typography.Title level={3}>消息</Typography.Title>
      <LoadState loading={inbox.loading} error={inbox.error} hasData={!!inbox.data} reload={inbox.reload}>
        {inbox.data && inbox.data.items.length === 0 && <Empty description="暂无消息" />}
        <div className="card-list">
          {inbox.data?.items.map((item) => (
            <Card key={item.id} size="small">
              <Badge status={item.read ? 'default' : 'processing'} />
              <Link to={suggestionPathFor(user.role, item.suggestionId)}>{item.message}</Link>
              <div className="muted small">{formatDateTime(item.createdAt)}</div>
              {!item.read && (
                <Button size="small" type="link" onClick={() => read(item)}>
                  标为已读
                </Button>
              )}
            </Card>
          ))}
        </div>
      </LoadState>
    </div>
  );
}
