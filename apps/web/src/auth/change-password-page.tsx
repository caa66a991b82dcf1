import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { changeOwnPassword } from '../api/accounts-api';
import { ApiError, errorMessage } from '../api/api-error';
import { PageTitle } from '../components/page-title';
import { useAuth, useUser } from './auth-context';
import { homePath } from './home-path';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The api's minimum (apps/api's PASSWORD_MIN): said here so nobody waits for a refusal. */
const PASSWORD_MIN = 8;

/**
 * 修改密码, for everyone; the first page an account that must replace its first password sees.
 * The change ends every session of the account, this one too, so the page signs in again with
 * the new password at once.
 */
export function ChangePasswordPage() {
  const user = useUser();
  const { login } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: PasswordForm) => {
    setBusy(true);
    setError(undefined);
    try {
      await changeOwnPassword(values.currentPassword, values.newPassword);
      const signedIn = await login(user.username ?? user.id, values.newPassword);
      message.success('密码已修改，其他设备上的登录已退出');
      navigate(homePath(signedIn.role), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError) {
        form.setFields(
          Object.entries(e.fieldErrors)
            .filter(([name]) => name === 'currentPassword' || name === 'newPassword')
            .map(([name, msg]) => ({ name: name as keyof PasswordForm, errors: [msg] })),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page narrow-page">
      <div className="page-head">
        <PageTitle>修改密码</PageTitle>
      </div>
      <Card>
        {user.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            className="gap-bottom"
            data-testid="password-change-required"
            title="首次登录须修改初始密码"
            description="初始密码曾出现在配置或启动日志中。请设置只有您知道的新密码，之后即可使用系统。"
          />
        )}
        {error && <Alert type="error" showIcon title={error} className="gap-bottom" data-testid="action-error" />}
        <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} name="change-password">
          {/* Lets a password manager file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username ?? user.id} readOnly hidden />
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra={`至少 ${PASSWORD_MIN} 个字符`}
            rules={[
              { required: true, message: '请输入新密码' },
              { min: PASSWORD_MIN, message: `新密码至少 ${PASSWORD_MIN} 个字符` },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_, value?: string) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            修改密码
          </Button>
        </Form>
      </Card>
    </div>
  );
}
