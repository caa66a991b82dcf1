import { App, Button, Card, Empty, Pagination, Space, Tag } from 'antd';
import { PageTitle } from '../../components/page-title';
import { useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import type { InboxItem } from '../../api/supervision-types';
import { useUser } from '../../auth/auth-context';
import { LoadState } from '../../components/load-state';
import { useLiveRefresh } from '../../live/live-context';
import { formatDateTime } from '../../lib/time';
import { useAsync } from '../../lib/use-async';
import { suggestionPathFor } from '../../lib/suggestion-path';
import { announceInboxChanged, fetchInboxPage, INBOX_PAGE_SIZE, markAllRead, markOneRead } from './inbox-api';

/** 消息: what each step of a suggestion means for this person, newest first. */
export function InboxPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [marking, setMarking] = useState(false);
  const inbox = useAsync(() => fetchInboxPage(page), [page]);
  useLiveRefresh(inbox.reload);
  const unread = inbox.data?.unread ?? 0;

  // Opening a message is reading it: the mark is sent before leaving, so the count is right on return.
  const open = async (event: MouseEvent, item: InboxItem) => {
    event.preventDefault();
    if (!item.read) {
      try {
        await markOneRead(item.id);
        announceInboxChanged();
      } catch (e) {
        // The suggestion still opens; the message stays unread and can be marked again.
        message.error(errorMessage(e));
      }
    }
    navigate(suggestionPathFor(user.role, item.suggestionId));
  };

  const readAll = async () => {
    setMarking(true);
    try {
      const { ids } = await markAllRead();
      message.success(ids.length > 0 ? `已将 ${ids.length} 条消息标为已读` : '没有未读消息');
      announceInboxChanged();
      inbox.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setMarking(false);
    }
  };

  return (
    <div className="page narrow-page">
      <Space className="page-heading" align="baseline" wrap>
        <PageTitle>消息</PageTitle>
        {inbox.data && (
          <span className="muted" data-testid="inbox-unread" data-count={unread}>
            {unread > 0 ? `${unread} 条未读` : '没有未读消息'}
          </span>
        )}
        <Button onClick={readAll} loading={marking} disabled={!inbox.data || unread === 0} data-testid="inbox-read-all">
          全部已读
        </Button>
      </Space>
      <LoadState loading={inbox.loading} error={inbox.error} hasData={!!inbox.data} reload={inbox.reload}>
        {inbox.data && inbox.data.items.length === 0 && <Empty description="暂无消息" />}
        <div className="card-list" data-testid="inbox-list">
          {inbox.data?.items.map((item) => (
            <Card key={item.id} size="small" data-testid="inbox-item" data-read={item.read ? 'true' : 'false'}>
              <Space align="start" size={8}>
                {!item.read && <Tag color="blue">未读</Tag>}
                <div>
                  <a
                    href={`#${suggestionPathFor(user.role, item.suggestionId)}`}
                    onClick={(event) => void open(event, item)}
                    style={item.read ? undefined : { fontWeight: 600 }}
                  >
                    {item.message}
                  </a>
                  <div className="muted small">{formatDateTime(item.createdAt)}</div>
                </div>
              </Space>
            </Card>
          ))}
        </div>
        {inbox.data && inbox.data.total > INBOX_PAGE_SIZE && (
          <Pagination
            className="inbox-pagination"
            current={page}
            pageSize={INBOX_PAGE_SIZE}
            total={inbox.data.total}
            onChange={setPage}
            showSizeChanger={false}
            showTotal={(total) => `共 ${total} 条`}
          />
        )}
      </LoadState>
    </div>
  );
}
