import { useState } from 'react';
import { PageTitle } from '../../components/page-title';
import { Alert, App, Button, Table, Typography } from 'antd';
import { useUser } from '../../auth/auth-context';
import { LoadState } from '../../components/load-state';
import { useAsync } from '../../lib/use-async';
import { listParked, retryParked, type ParkedStream } from './operations-api';

const SUGGESTION_STREAM = 'suggestion-';

/** 数据暂缓: the streams the read model could not project, so staff know which figures are stale. */
export function ParkedStreamsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const list = useAsync(() => listParked(), []);
  const [retrying, setRetrying] = useState(false);

  const retry = async () => {
    setRetrying(true);
    try {
      const report = await retryParked();
      if (report.stillParked.length === 0) message.success(`已重新投影，${report.released.length} 个事件流解除暂缓`);
      else message.warning(`${report.released.length} 个解除暂缓，${report.stillParked.length} 个仍无法投影`);
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : '重新投影失败');
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>数据暂缓</PageTitle>
        {user.role === 'admin' && (
          <Button onClick={retry} loading={retrying} disabled={(list.data?.total ?? 0) === 0}>
            重新投影
          </Button>
        )}
      </div>
      <Alert
        type="info"
        showIcon
        message="以下事件流含有读模型无法处理的事件，已暂缓处理：相关建议的列表、详情和统计停留在该事件之前，其余数据照常更新。修复后由管理员重新投影，或重启服务时自动重试。"
      />
      <LoadState loading={list.loading} error={list.error} hasData={!!list.data} reload={list.reload}>
        <Typography.Paragraph type="secondary">共 {list.data?.total ?? 0} 个事件流</Typography.Paragraph>
        <Table<ParkedStream>
          rowKey="streamId"
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '没有暂缓处理的事件流' }}
          columns={[
            { title: '事件流', dataIndex: 'streamId', render: describeStream },
            { title: '版本', dataIndex: 'revision' },
            { title: '事件类型', dataIndex: 'type' },
            { title: '暂缓事件数', dataIndex: 'events' },
            { title: '尝试次数', dataIndex: 'attempts' },
            { title: '首次失败时间', dataIndex: 'since', render: (since: string) => new Date(since).toLocaleString('zh-CN') },
            { title: '原因', dataIndex: 'error' },
          ]}
        />
      </LoadState>
    </div>
  );
}

function describeStream(streamId: string): string {
  return streamId.startsWith(SUGGESTION_STREAM) ? `建议 ${streamId.slice(SUGGESTION_STREAM.length)}` : streamId;
}
