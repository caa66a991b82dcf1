import { Badge, Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined, EllipsisOutlined, LogoutOutlined } from '@ant-design/icons';
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
          aria-label="主菜单"
          // antd names the fold-out button after its icon ("ellipsis"): a Chinese name instead.
          overflowedIndicator={<EllipsisOutlined aria-label="更多菜单" />}
          // The icons are decoration: hidden, so an entry reads "登记交办", not "solution 登记交办".
          // data-path: the menu's items stay findable when a narrow screen folds them into "more".
          items={menu.map((m) => ({ key: m.path, icon: <span aria-hidden="true" className="anticon">{m.icon}</span>, label: m.label, 'data-path': m.path }))}
          onClick={({ key }) => navigate(key)}
        />
        <Space className="user-box" size={8} data-testid="user-box">
          <Tooltip title="未读消息">
            <span data-testid="inbox-count" data-count={inbox?.count ?? ''}>
              {/* The badge's digits would be read one by one ("superscript 2 0"): the button says the
                  count in words and the badge beside it is for the eye only. */}
              <span className="inbox-bell">
                <Button
                  type="text"
                  className="header-icon"
                  icon={<BellOutlined aria-hidden="true" />}
                  onClick={() => navigate('/inbox')}
                  aria-label={inbox?.count ? `消息，${inbox.count} 条未读` : '消息'}
                />
                <Badge count={inbox?.count ?? 0} size="small" showZero={false} aria-hidden="true" className="inbox-bell-count" />
              </span>
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
            <Button type="text" className="header-icon" icon={<LogoutOutlined aria-hidden="true" />} onClick={logout} aria-label="退出登录" />
          </Tooltip>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        <PageOutlet />
      </Layout.Content>
    </Layout>
  );
}
