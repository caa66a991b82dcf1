import { useEffect, useRef, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select, Space, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../api/drafts';
import { answerGroup } from '../../api/groups-api';
import { commands } from '../../api/suggestions-api';
import type { SuggestionDetail } from '../../api/types';
import { useUser } from '../../auth/auth-context';
import { ActionModal } from '../../components/action-modal';
import { answerCategories, useDirectory } from '../../layout/directory-context';
import { endOfDayIso } from '../../lib/time';
import { AttachmentUpload } from '../../components/attachment-files';

interface AnswerForm {
  category: string;
  content: string;
  signedBy: string;
  commitments?: { description: string; dueAt: Dayjs }[];
}

/** 答复: category from the rulebook, the text, the head who signed it, and what the unit commits to. */
export function AnswerAction({
  detail,
  round,
  onDone,
  groupId,
}: {
  detail: SuggestionDetail;
  round: number;
  onDone: () => void;
  /** 一并答复: the same answer for every suggestion of this group (并案). */
  groupId?: string;
}) {
  const directory = useDirectory();
  const user = useUser();
  const draft = draftKey(user.id, 'answer', groupId ? `group-${groupId}` : detail.id);
  const categories = answerCategories(directory);
  const needsCommitments = (code: string | undefined) => categories.find((c) => c.code === code)?.requiresCommitments ?? false;
  // The signed letters uploaded in this dialog: stored at once, carried by the answer when it is sent.
  const [letters, setLetters] = useState<{ id: string; name: string }[]>([]);
  // A group's letter is uploaded to the suggestion the dialog was opened on; the api passes it to every member.

  return (
    <ActionModal<AnswerForm>
      buttonText={groupId ? '一并答复' : round > 1 ? '重新答复' : '答复'}
      buttonProps={groupId ? {} : { type: 'primary' }}
      testId={groupId ? 'answer-group' : 'answer'}
      title={
        groupId
          ? `并案组一并答复（共 ${detail.group?.memberIds.length ?? 0} 件）`
          : round > 1
            ? `第 ${round} 次答复（重新办理）`
            : '答复代表建议'
      }
      successText={groupId ? '并案组已一并答复' : '答复已提交'}
      width={640}
      onSubmit={async (v) => {
        const body = {
          category: v.category,
          content: v.content.trim(),
          signedBy: v.signedBy.trim(),
          commitments: (v.commitments ?? []).map((c) => ({ description: c.description.trim(), dueAt: endOfDayIso(c.dueAt) })),
          ...(letters.length > 0 ? { attachmentIds: letters.map((l) => l.id) } : {}),
        };
        const result = await (groupId ? answerGroup(groupId, body) : commands.answer(detail.id, body, detail.revision));
        clearDraft(draft);
        setLetters([]);
        return result;
      }}
      onDone={onDone}
    >
      {(form) => (
        <>
          <AnswerDraft form={form} storageKey={draft} />
          {groupId && (
            <Alert
              type="info"
              showIcon
              className="gap-bottom"
              title="同一答复将送达并案组内每件建议的领衔代表，各件分别评价。"
            />
          )}
          <Form.Item name="category" label="答复类别" rules={[{ required: true, message: '请选择答复类别' }]}>
            <Select
              data-testid="answer-category"
              options={categories.map((c) => ({ value: c.code, label: `${c.code} 类：${c.label}` }))}
              placeholder="请选择"
            />
          </Form.Item>
          <Form.Item name="content" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
            <Input.TextArea rows={5} data-testid="answer-content" />
          </Form.Item>
          <Form.Item
            name="signedBy"
            label="签发人"
            extra="答复须经单位主要负责人签发。"
            rules={[{ required: true, whitespace: true, message: '请填写签发人' }]}
          >
            <Input data-testid="answer-signer" />
          </Form.Item>
          <Form.Item label="答复函" extra="上传单位盖章签发的答复函（PDF 为宜），随答复一并送达代表，文件的 SHA-256 记入答复。">
            <AttachmentUpload
              dragger
              suggestionId={detail.id}
              testId="answer-letter-upload"
              onUploaded={(f) => setLetters((prev) => [...prev, { id: f.id, name: f.name }])}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.category !== b.category}>
            {() => (
              <Form.List
                name="commitments"
                rules={[
                  {
                    validator: async (_, value?: unknown[]) => {
                      if (needsCommitments(form.getFieldValue('category')) && (!value || value.length === 0)) {
                        throw new Error('B、C 类答复须列明承诺事项及完成时限');
                      }
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <div className="commitments-editor">
                    <div className="form-label">
                      承诺事项{needsCommitments(form.getFieldValue('category')) ? '（必填）' : '（可选）'}
                    </div>
                    {fields.map((field) => (
                      <Space key={field.key} align="start" wrap className="commitment-row">
                        <Form.Item
                          name={[field.name, 'description']}
                          rules={[{ required: true, whitespace: true, message: '请填写承诺内容' }]}
                        >
                          <Input placeholder="承诺内容" className="commitment-text" data-testid="commitment-description" />
                        </Form.Item>
                        <Form.Item name={[field.name, 'dueAt']} rules={[{ required: true, message: '请选择完成时限' }]}>
                          <DatePicker placeholder="完成时限" data-testid="commitment-due" />
                        </Form.Item>
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="add-commitment">
                      添加承诺事项
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </div>
                )}
              </Form.List>
            )}
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** A draft as stored: dates as YYYY-MM-DD text. */
interface StoredAnswer {
  category?: string;
  content?: string;
  signedBy?: string;
  commitments?: { description?: string; dueAt?: string }[];
}

function toStored(values: Partial<AnswerForm>): StoredAnswer {
  return {
    category: values.category,
    content: values.content,
    signedBy: values.signedBy,
    commitments: (values.commitments ?? []).map((c) => ({
      description: c?.description,
      dueAt: c?.dueAt && dayjs.isDayjs(c.dueAt) ? c.dueAt.format('YYYY-MM-DD') : undefined,
    })),
  };
}

function fromStored(stored: Partial<StoredAnswer>): Partial<AnswerForm> {
  const values: Partial<AnswerForm> = { category: stored.category, content: stored.content, signedBy: stored.signedBy };
  if (Array.isArray(stored.commitments) && stored.commitments.length > 0) {
    values.commitments = stored.commitments.map((c) => ({
      description: c.description ?? '',
      dueAt: (c.dueAt ? dayjs(c.dueAt) : undefined) as Dayjs,
    }));
  }
  return values;
}

/**
 * Keeps what is typed in the answer dialog in localStorage until it is sent: a 600-character answer
 * must survive an expired session, a reload or a closed tab. The dialog's form is made when the
 * page opens, so the draft is back in it before the dialog is opened.
 */
function AnswerDraft({ form, storageKey }: { form: FormInstance<AnswerForm>; storageKey: string }) {
  const values = Form.useWatch([], { form, preserve: true }) as Partial<AnswerForm> | undefined;
  const firstRun = useRef(true);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const stored = loadDraft<StoredAnswer>(storageKey);
    if (stored) {
      form.setFieldsValue(fromStored(stored));
      setRestored(true);
    }
  }, [form, storageKey]);

  useEffect(() => {
    // The first values are the empty form before the restore: saving them would delete the draft.
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    if (values === undefined) return;
    saveDraft(storageKey, toStored(values));
  }, [values, storageKey]);

  return restored && values?.content ? (
    <Alert type="info" showIcon className="gap-bottom" data-testid="draft-restored" title="已恢复上次未提交的答复草稿（草稿仅保存在本机浏览器中）" />
  ) : null;
}
