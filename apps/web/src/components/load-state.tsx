import type { ReactNode } from 'react';
import { Alert, Button, Spin } from 'antd';
import { errorMessage } from '../api/api-error';

/** What a page shows while its data loads or when it could not be read (with the api's reason). */
export function LoadState({
  loading,
  error,
  hasData,
  reload,
  children,
}: {
  loading: boolean;
  error: unknown;
  hasData: boolean;
  reload?: () => void;
  children: ReactNode;
}) {
  if (error && !hasData) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="load-error"
        title="加载失败"
        description={errorMessage(error)}
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
