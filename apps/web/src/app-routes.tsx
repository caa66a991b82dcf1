import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useAuth } from './auth/auth-context';
import { homePath } from './auth/home-path';
import { LoginPage } from './auth/login-page';
import { RequireRole } from './auth/require-role';
import { AppLayout } from './layout/app-layout';
import { DeputyArchivePage } from './pages/deputy/archive/deputy-archive-page';
import { DeputyListPage } from './pages/deputies/deputy-list-page';
import { DeputySuggestionPage } from './pages/deputy/deputy-suggestion-page';
import { MySuggestionsPage } from './pages/deputy/my-suggestions-page';
import { SubmitSuggestionPage } from './pages/deputy/submit-suggestion-page';
import { InboxPage } from './pages/inbox/inbox-page';
import { PublicDetailPage } from './pages/public/public-detail-page';
import { PublicLayout } from './pages/public/public-layout';
import { PublicListPage } from './pages/public/public-list-page';
import { StaffRegisterPage } from './pages/staff/staff-register-page';
import { StaffSuggestionPage } from './pages/staff/staff-suggestion-page';
import { UnitSuggestionPage } from './pages/unit/unit-suggestion-page';
import { UnitTodoPage } from './pages/unit/unit-todo-page';

// Supervisor pages carry the charts (ECharts is large); deputies on phones should not download them.
const OverviewPage = lazy(() => import('./pages/supervisor/overview-page').then((m) => ({ default: m.OverviewPage })));
const OverduePage = lazy(() => import('./pages/supervisor/overdue-page').then((m) => ({ default: m.OverduePage })));
const KeySuggestionsPage = lazy(() =>
  import('./pages/supervisor/key-suggestions-page').then((m) => ({ default: m.KeySuggestionsPage })),
);
const AuditPage = lazy(() => import('./pages/supervisor/audit-page').then((m) => ({ default: m.AuditPage })));
const SupervisorSuggestionPage = lazy(() =>
  import('./pages/supervisor/supervisor-suggestion-page').then((m) => ({ default: m.SupervisorSuggestionPage })),
);

function LazyPages() {
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

function Home() {
  const { user } = useAuth();
  return <Navigate to={user ? homePath(user.role) : '/login'} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<PublicLayout />}>
        <Route path="/public" element={<PublicListPage />} />
        <Route path="/public/:id" element={<PublicDetailPage />} />
      </Route>
      <Route element={<RequireRole roles={['deputy', 'unit', 'staff', 'supervisor', 'admin']} />}>
        <Route element={<AppLayout />}>
          <Route path="/inbox" element={<InboxPage />} />
          <Route element={<RequireRole roles={['deputy']} />}>
            <Route path="/deputy" element={<MySuggestionsPage />} />
            <Route path="/deputy/new" element={<SubmitSuggestionPage />} />
            <Route path="/deputy/archive" element={<DeputyArchivePage />} />
            <Route path="/deputy/suggestions/:id" element={<DeputySuggestionPage />} />
          </Route>
          <Route element={<RequireRole roles={['unit']} />}>
            <Route path="/unit" element={<UnitTodoPage />} />
            <Route path="/unit/suggestions/:id" element={<UnitSuggestionPage />} />
          </Route>
          <Route element={<RequireRole roles={['staff', 'admin']} />}>
            <Route path="/staff" element={<StaffRegisterPage />} />
            <Route path="/staff/suggestions/:id" element={<StaffSuggestionPage />} />
          </Route>
          <Route element={<RequireRole roles={['staff', 'supervisor', 'admin']} />}>
            <Route path="/deputies" element={<DeputyListPage />} />
            <Route path="/deputies/:deputyId/archive" element={<DeputyArchivePage />} />
          </Route>
          <Route element={<RequireRole roles={['supervisor', 'admin']} />}>
            <Route element={<LazyPages />}>
              <Route path="/supervisor" element={<OverviewPage />} />
              <Route path="/supervisor/overdue" element={<OverduePage />} />
              <Route path="/supervisor/key" element={<KeySuggestionsPage />} />
              <Route path="/supervisor/audit" element={<AuditPage />} />
              <Route path="/supervisor/suggestions/:id" element={<SupervisorSuggestionPage />} />
            </Route>
          </Route>
          <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从上方菜单进入。" />} />
        </Route>
      </Route>
      <Route path="/" element={<Home />} />
    </Routes>
  );
}
