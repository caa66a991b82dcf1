import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Result } from 'antd';
import { useAuth } from './auth-context';
import type { Role } from '../api/types';

/** Pages for some roles only; admins may open staff and supervisor pages too. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!roles.includes(user.role)) {
    return <Result status="403" title="无权访问" subTitle="您的账号没有打开此页面的权限。" />;
  }
  return <Outlet />;
}
