import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Result } from 'antd';
import { useAuth } from './auth-context';
import type { Role } from '../api/types';
import { CHANGE_PASSWORD_PATH } from './home-path';

/**
 * Pages for some roles only; admins may open staff and supervisor pages too. An account that must
 * replace its first password sees only the page that does it (the api refuses everything else).
 */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { user } = useAuth();
  const location = useLocation();
  // The whole address (a list's filters too) is kept through the login.
  if (!user) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  if (!roles.includes(user.role)) {
    return <Result status="403" title="无权访问" subTitle="您的账号没有打开此页面的权限。" />;
  }
  return <Outlet />;
}
