import type { ReactNode } from 'react';
import { Alert, Button, Spin } from 'antd';
import { ApiError, errorMessage } from '../api/api-error';

/**
 * What a page shows while its data loads or when it could not be read. `feature` names a
 * supervision feature whose endpoint may not exist yet: a 404 then says so instead of "not found".
 */
export function LoadState({
  loading,
  error,
  hasData,
  reload,
  feature,
  children,
}: {
  loading: boolean;
  error: unknown;
  hasData: boolean;
  reload?: () => void;
  feature?: string;
  children: ReactNode;
}) {
  if (error && !hasData) {
    const unavailable = feature && error instanceof ApiError && error.status === 404;
    return (
      <Alert
        type={unavailable ? 'info' : 'error'}
        showIcon
        data-testid={unavailable ? 'feature-unavailable' : 'load-error'}
        title={unavailable ? `${feature}暂未开放` : '加载失败'}
        description={unavailable ? `服务器尚未提供“${feature}”的数据接口，请稍后再来查看。` : errorMessage(error)}
        action={
          reload && (
            <Button size="small" onClick={reload}>
              重试
            </Button>
          )
        }
      />
    );
  }
  if (loading && !hasData) {
    return (
      <div className="center-box">
        <Spin description="加载中…" />
      </div>
    );
  }
  return <>{children}</>;
}
