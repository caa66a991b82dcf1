import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { Spin } from 'antd';

/**
 * Where a lazily loaded page appears: while its code arrives, a spinner takes its place and the
 * frame around it (menu, header) stays.
 */
export function PageOutlet() {
  return (
    <Suspense
      fallback={
        <div className="center-box">
          <Spin description="加载中…" />
        </div>
      }
    >
      <Outlet />
    </Suspense>
  );
}
