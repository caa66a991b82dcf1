import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth-context';
import { homePath } from './home-path';
import { errorMessage } from '../api/api-error';
import type { User } from '../api/types';
import { usePageTitle } from '../components/page-title';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { user, login, expired, expiredUserId } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  usePageTitle('登录');

  const from = (location.state as { from?: string } | null)?.from;
  // Back to where the session ended (a draft may wait there), unless someone else signs in.
  // Decided here for both ways out: this page re-renders with the new user before navigate() runs.
  const destination = (signedIn: User): string =>
    from && !from.startsWith('/login') && (expiredUserId === null || expiredUserId === signedIn.id) ? from : homePath(signedIn.role);

  if (user) return <Navigate to={destination(user)} replace />;
  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn = await login(values.username.trim(), values.password);
      navigate(destination(signedIn), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    // The page's one landmark: everything on it is its main content (axe: landmark-one-main, region).
    <main className="login-screen">
      <Card className="login-card" title={<h1 className="login-title">代表建议督办系统</h1>}>
        <Typography.Paragraph type="secondary">人大代表建议提出、交办、办理、评价与督办</Typography.Paragraph>
        {expired && !error && <Alert type="warning" showIcon title="登录已失效，请重新登录" className="gap-bottom" />}
        {error && <Alert type="error" showIcon title={error} className="gap-bottom" data-testid="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder="用户名" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <div className="login-footer">
          <Link to="/public">查看公开答复（无需登录）</Link>
        </div>
      </Card>
    </main>
  );
}
