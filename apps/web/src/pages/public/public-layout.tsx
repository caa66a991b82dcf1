import { Button, Layout } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { homePath } from '../../auth/home-path';
import { PageOutlet } from '../../components/page-outlet';

/** The public pages have no menu and need no login. */
export function PublicLayout() {
  const { user } = useAuth();
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Link to="/public" className="brand">
          代表建议公开答复
        </Link>
        <div className="spacer" />
        <Link to={user ? homePath(user.role) : '/login'}>
          <Button ghost size="small">
            {user ? '返回工作台' : '登录'}
          </Button>
        </Link>
      </Layout.Header>
      <Layout.Content className="app-content">
        <PageOutlet />
      </Layout.Content>
    </Layout>
  );
}
