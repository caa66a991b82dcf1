import { Badge, Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../auth/auth-context';
import { homePath } from '../auth/home-path';
import { roleLabel } from '../lib/labels';
import { useDirectory } from './directory-context';
import { menuFor } from './menus';
import { useInboxCount } from './use-inbox-count';
import { PageOutlet } from '../components/page-outlet';

/** The frame of every signed-in page: who I am (role, unit), what waits for me, where I can go. */
export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const { unitName } = useDirectory();
  const navigate = useNavigate();
  const location = useLocation();
  const inbox = useInboxCount(user);
  const menu = menuFor(user.role);
  // A supervisor opens single suggestions from the audit list.
  const pathname = location.pathname.startsWith('/supervisor/suggestions/') ? '/supervisor/audit' : location.pathname;
  // The longest menu path that prefixes the location is the current page.
  const selected = menu
    .map((m) => m.path)
    .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <div className="brand" onClick={() => navigate(homePath(user.role))}>
          代表建议督办
        </div>
        <Menu
          theme="dark"
          mode="horizontal"
          className="app-menu"
          selectedKeys={selected ? [selected] : []}
          items={menu.map((m) => ({ key: m.path, icon: m.icon, label: m.label }))}
          onClick={({ key }) => navigate(key)}
        />
        <Space className="user-box" size={8} data-testid="user-box">
          <Tooltip title="未读消息">
            <span data-testid="inbox-count" data-count={inbox?.count ?? ''}>
              <Badge count={inbox?.count ?? 0} size="small" showZero={false}>
                <Button
                  type="text"
                  className="header-icon"
                  icon={<BellOutlined />}
                  onClick={() => navigate('/inbox')}
                  aria-label="消息"
                />
              </Badge>
            </span>
          </Tooltip>
          <span className="user-name">{user.displayName ?? user.username ?? user.id}</span>
          <Tag color="gold" className="role-tag" data-testid="role-tag">
            {roleLabel(user.role)}
          </Tag>
          {user.unitId && (
            <Typography.Text className="unit-name" data-testid="unit-name">
              {unitName(user.unitId)}
            </Typography.Text>
          )}
          <Tooltip title="退出登录">
            <Button type="text" className="header-icon" icon={<LogoutOutlined />} onClick={logout} aria-label="退出登录" />
          </Tooltip>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        <PageOutlet />
      </Layout.Content>
    </Layout>
  );
}
