import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input } from 'antd';
import { changeUserPhone, fetchProfile, type Profile } from '../api/accounts-api';
import { ApiError, errorMessage } from '../api/api-error';
import { fetchDelegations } from '../api/sessions-api';
import { LoadState } from '../components/load-state';
import { PageTitle } from '../components/page-title';
import { useDirectory } from '../layout/directory-context';
import { roleLabel } from '../lib/labels';
import { PHONE_EXTRA, PHONE_RULES } from '../lib/phone';
import { useAsync } from '../lib/use-async';

/**
 * 个人信息: who one is in the system and, for a deputy, the phone number the units handling their
 * suggestions call before answering. The deputy keeps it current here; an admin can too (用户管理).
 */
export function ProfilePage() {
  const profile = useAsync(fetchProfile, []);
  const delegations = useAsync(() => fetchDelegations().catch(() => []), []);
  const { unitName } = useDirectory();
  const p = profile.data;
  const delegationName = (id: string) => delegations.data?.find((d) => d.id === id)?.name ?? id;

  return (
    <div className="page narrow-page">
      <div className="page-head">
        <PageTitle>个人信息</PageTitle>
      </div>
      <LoadState loading={profile.loading} error={profile.error} hasData={!!p} reload={profile.reload}>
        {p && (
          <Card>
            <Descriptions column={1} size="small" data-testid="profile">
              <Descriptions.Item label="姓名">{p.displayName}</Descriptions.Item>
              <Descriptions.Item label="登录名">{p.id}</Descriptions.Item>
              <Descriptions.Item label="角色">{roleLabel(p.role)}</Descriptions.Item>
              {p.unitId && <Descriptions.Item label="所属单位">{unitName(p.unitId)}</Descriptions.Item>}
              {p.role === 'deputy' && <Descriptions.Item label="所属代表团">{p.delegationId ? delegationName(p.delegationId) : '无'}</Descriptions.Item>}
            </Descriptions>
            {p.role === 'deputy' && <PhoneForm profile={p} onSaved={profile.reload} />}
          </Card>
        )}
      </LoadState>
    </div>
  );
}

function PhoneForm({ profile, onSaved }: { profile: Profile; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ phone }: { phone: string }) => {
    const next = phone.trim() || undefined;
    if (next === profile.phone) {
      message.info('电话号码没有变化');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await changeUserPhone(profile.id, next);
      message.success(next ? '电话号码已保存' : '电话号码已删除');
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.fieldErrors.phone) form.setFields([{ name: 'phone', errors: [e.fieldErrors.phone] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ phone: profile.phone ?? '' }} name="profile-phone" className="gap-top">
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" data-testid="action-error" />}
      <Form.Item name="phone" label="电话号码" extra={PHONE_EXTRA} rules={PHONE_RULES}>
        <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="profile-phone" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="save-phone">
        保存
      </Button>
    </Form>
  );
}
