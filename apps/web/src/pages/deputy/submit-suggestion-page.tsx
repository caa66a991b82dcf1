import { useMemo, useState } from 'react';
import { PageTitle } from '../../components/page-title';
import { SimilarPublishedHint } from './similar-published-hint';
import { Alert, App, Button, Card, Checkbox, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/api-error';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../api/drafts';
import { submitSuggestion } from '../../api/suggestions-api';
import { useUser } from '../../auth/auth-context';
import { useDirectory } from '../../layout/directory-context';

interface SubmitForm {
  title: string;
  content: string;
  coSignerIds?: string[];
  hideDeputyName?: boolean;
}

/** 提出建议: title, content and, for a joint suggestion, the co-signing deputies (附议代表). */
export function SubmitSuggestionPage() {
  const user = useUser();
  const { deputies } = useDirectory();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<SubmitForm>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // What was typed before (a closed tab, an expired session) is back until it is sent.
  const draft = useMemo(() => draftKey(user.id, 'suggestion'), [user.id]);
  const [restored, setRestored] = useState(() => loadDraft<SubmitForm>(draft));

  const onFinish = async (values: SubmitForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await submitSuggestion({
        title: values.title.trim(),
        content: values.content.trim(),
        coSignerIds: values.coSignerIds ?? [],
        // Sent only when asked for: absent reads as "names may be shown".
        ...(values.hideDeputyName ? { hideDeputyName: true } : {}),
      });
      clearDraft(draft);
      // The page stays on screen until the next one has loaded: it must not show the sent text as a draft.
      setRestored(null);
      form.setFieldsValue({ title: '', content: '', coSignerIds: [], hideDeputyName: false });
      message.success('建议已提交');
      navigate(`/deputy/suggestions/${result.id}`);
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError) {
        form.setFields(
          Object.entries(e.fieldErrors)
            .filter(([name]) => ['title', 'content', 'coSignerIds'].includes(name))
            .map(([name, msg]) => ({ name: name as keyof SubmitForm, errors: [msg] })),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page narrow-page">
      <div className="page-head">
        <PageTitle>提出建议</PageTitle>
      </div>
      <Card>
        {error && <Alert type="error" showIcon title={error} className="gap-bottom" data-testid="action-error" />}
        {restored && (
          <Alert type="info" showIcon className="gap-bottom" data-testid="draft-restored" title="已恢复上次未提交的草稿（草稿仅保存在本机浏览器中）" />
        )}
        <Form<SubmitForm>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={restored ?? undefined}
          onValuesChange={(_, all) => saveDraft(draft, all)}
        >
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写建议标题' }]}>
            <Input maxLength={200} showCount placeholder="例如：关于优化公交线路的建议" />
          </Form.Item>
          <Form.Item name="content" label="内容" rules={[{ required: true, whitespace: true, message: '请填写建议内容' }]}>
            <Input.TextArea rows={8} placeholder="问题、原因与具体建议" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.title !== b.title || a.content !== b.content}>
            {({ getFieldValue }) => <SimilarPublishedHint title={getFieldValue('title') ?? ''} content={getFieldValue('content') ?? ''} />}
          </Form.Item>
          <Form.Item name="coSignerIds" label="附议代表" extra="联名提出时选择附议代表；您为领衔代表。">
            <Select
              mode="multiple"
              allowClear
              placeholder="可不选"
              optionFilterProp="label"
              data-testid="co-signers"
              options={deputies.filter((d) => d.id !== user.id).map((d) => ({ value: d.id, label: d.displayName }))}
            />
          </Form.Item>
          <Form.Item name="hideDeputyName" valuePropName="checked">
            <Checkbox>公开答复时隐去代表姓名</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            提交建议
          </Button>
        </Form>
      </Card>
    </div>
  );
}
