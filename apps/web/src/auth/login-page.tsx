import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth-context';
import { homePath } from './home-path';
import { errorMessage } from '../api/api-error';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { user, login, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={homePath(user.role)} replace />;

  const from = (location.state as { from?: string } | null)?.from;
  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn = await login(values.username.trim(), values.password);
      navigate(from && from !== '/login' ? from : homePath(signedIn.role), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <Card className="login-card" title={<span className="login-title">代表建议督办系统</span>}>
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
    </div>
  );
}
