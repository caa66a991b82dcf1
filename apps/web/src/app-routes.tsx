import { lazy, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Result } from 'antd';
import { useAuth } from './auth/auth-context';
import { CHANGE_PASSWORD_PATH, homePath } from './auth/home-path';
import { LoginPage } from './auth/login-page';
import { RequireRole } from './auth/require-role';
import { PageOutlet } from './components/page-outlet';
import { reloadOnceForStaleCode } from './lib/reload-on-stale-chunk';

/**
 * Every page but the login is loaded when first opened: the login page and a deputy's phone pages
 * download only the components they show (the supervisors' charts alone are half a megabyte).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() =>
    load().then(
      (module) => ({ default: module[name] }),
      (error: unknown) => {
        // The page's code is gone (a redeploy while this tab was open): reload once, and keep the
        // spinner meanwhile. A failure right after such a reload goes to the error boundary.
        if (reloadOnceForStaleCode()) return new Promise<never>(() => undefined);
        throw error;
      },
    ),
  );
}

const AppLayout = page(() => import('./layout/app-layout'), 'AppLayout');
const PublicLayout = page(() => import('./pages/public/public-layout'), 'PublicLayout');
const PublicListPage = page(() => import('./pages/public/public-list-page'), 'PublicListPage');
const PublicDetailPage = page(() => import('./pages/public/public-detail-page'), 'PublicDetailPage');
const InboxPage = page(() => import('./pages/inbox/inbox-page'), 'InboxPage');
const MySuggestionsPage = page(() => import('./pages/deputy/my-suggestions-page'), 'MySuggestionsPage');
const SubmitSuggestionPage = page(() => import('./pages/deputy/submit-suggestion-page'), 'SubmitSuggestionPage');
const DeputyArchivePage = page(() => import('./pages/deputy/archive/deputy-archive-page'), 'DeputyArchivePage');
const DeputySuggestionPage = page(() => import('./pages/deputy/deputy-suggestion-page'), 'DeputySuggestionPage');
const UnitTodoPage = page(() => import('./pages/unit/unit-todo-page'), 'UnitTodoPage');
const UnitSuggestionPage = page(() => import('./pages/unit/unit-suggestion-page'), 'UnitSuggestionPage');
const StaffRegisterPage = page(() => import('./pages/staff/staff-register-page'), 'StaffRegisterPage');
const ImportPage = page(() => import('./pages/staff/import-page'), 'ImportPage');
const StaffSuggestionPage = page(() => import('./pages/staff/staff-suggestion-page'), 'StaffSuggestionPage');
const SessionsPage = page(() => import('./pages/sessions/sessions-page'), 'SessionsPage');
const DeputyListPage = page(() => import('./pages/deputies/deputy-list-page'), 'DeputyListPage');
const OverviewPage = page(() => import('./pages/supervisor/overview-page'), 'OverviewPage');
const OverduePage = page(() => import('./pages/supervisor/overdue-page'), 'OverduePage');
const KeySuggestionsPage = page(() => import('./pages/supervisor/key-suggestions-page'), 'KeySuggestionsPage');
const AuditPage = page(() => import('./pages/supervisor/audit-page'), 'AuditPage');
const ParkedStreamsPage = page(() => import('./pages/operations/parked-streams-page'), 'ParkedStreamsPage');
const UsersPage = page(() => import('./pages/admin/users-page'), 'UsersPage');
const UnitsPage = page(() => import('./pages/admin/units-page'), 'UnitsPage');
const DelegationsPage = page(() => import('./pages/admin/delegations-page'), 'DelegationsPage');
const CalendarPage = page(() => import('./pages/admin/calendar-page'), 'CalendarPage');
const ChangePasswordPage = page(() => import('./auth/change-password-page'), 'ChangePasswordPage');
const ProfilePage = page(() => import('./auth/profile-page'), 'ProfilePage');
const RulebookPage = page(() => import('./pages/staff/rulebook-page'), 'RulebookPage');
const SupervisorSuggestionPage = page(() => import('./pages/supervisor/supervisor-suggestion-page'), 'SupervisorSuggestionPage');
const AnswerLetterPage = page(() => import('./pages/shared/answer-letter-page'), 'AnswerLetterPage');

function Home() {
  const { user } = useAuth();
  return <Navigate to={user ? homePath(user.role) : '/login'} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* The layouts load lazily too: a spinner until the frame of the page has arrived. */}
      <Route element={<PageOutlet />}>
        <Route element={<PublicLayout />}>
          <Route path="/public" element={<PublicListPage />} />
          <Route path="/public/:id" element={<PublicDetailPage />} />
        </Route>
        <Route element={<RequireRole roles={['deputy', 'unit', 'staff', 'supervisor', 'admin']} />}>
          <Route element={<AppLayout />}>
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/letters/:id/:unitId/:round" element={<AnswerLetterPage />} />
            <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
            <Route path="/account/profile" element={<ProfilePage />} />
            <Route element={<RequireRole roles={['admin']} />}>
              <Route path="/admin/users" element={<UsersPage />} />
              <Route path="/admin/units" element={<UnitsPage />} />
              <Route path="/admin/delegations" element={<DelegationsPage />} />
              <Route path="/admin/calendar" element={<CalendarPage />} />
            </Route>
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
              <Route path="/staff/sessions" element={<SessionsPage />} />
              <Route path="/staff/import" element={<ImportPage />} />
              <Route path="/operations/parked" element={<ParkedStreamsPage />} />
            </Route>
            <Route element={<RequireRole roles={['staff', 'supervisor', 'admin']} />}>
              <Route path="/deputies" element={<DeputyListPage />} />
              <Route path="/deputies/:deputyId/archive" element={<DeputyArchivePage />} />
            </Route>
            <Route element={<RequireRole roles={['staff', 'supervisor', 'admin']} />}>
              <Route path="/rulebook" element={<RulebookPage />} />
            </Route>
            <Route element={<RequireRole roles={['supervisor', 'admin']} />}>
              <Route path="/supervisor" element={<OverviewPage />} />
              <Route path="/supervisor/overdue" element={<OverduePage />} />
              <Route path="/supervisor/key" element={<KeySuggestionsPage />} />
              <Route path="/supervisor/audit" element={<AuditPage />} />
              <Route path="/supervisor/suggestions/:id" element={<SupervisorSuggestionPage />} />
            </Route>
            <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从上方菜单进入。" />} />
          </Route>
        </Route>
      </Route>
      <Route path="/" element={<Home />} />
    </Routes>
  );
}
