import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { ErrorBoundary } from './error-boundary';

/**
 * Where a lazily loaded page appears: while its code arrives, a spinner takes its place and the
 * frame around it (menu, header) stays. A page that fails to render shows 页面出错了 in its own
 * place, and only until the user goes elsewhere: the next page starts afresh instead of inheriting
 * the failure (a key would do that too, but would also remount the layout on every navigation).
 */
export function PageOutlet() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Suspense
        fallback={
          <div className="center-box">
            <Spin description="加载中…" />
          </div>
        }
      >
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}
