import { useEffect, useState } from 'react';
import { App, Button, Empty, List, Modal, Space, Tag, Upload, type UploadProps } from 'antd';
import { DownloadOutlined, EyeOutlined, FileImageOutlined, FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentRef, SuggestionAttachment } from '@duban/domain';
import { ACCEPTED_FILES, attachmentObjectUrl, formatSize, saveAttachment, uploadAttachment } from '../api/attachments-api';
import { errorMessage } from '../api/api-error';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const isImage = (type: string) => type === 'image/jpeg' || type === 'image/png';

function FileIcon({ type }: { type: string }) {
  if (type === 'application/pdf') return <FilePdfOutlined aria-label="PDF" />;
  if (type === DOCX) return <FileWordOutlined aria-label="Word 文档" />;
  return <FileImageOutlined aria-label="图片" />;
}

/** A small picture of an image attachment, fetched with the token and shown from memory. */
function Thumbnail({ file, publicCopy, via }: { file: AttachmentRef; publicCopy?: boolean; via?: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    let cancelled = false;
    attachmentObjectUrl(file.attachmentId, publicCopy, via)
      .then((u) => {
        made = u;
        if (!cancelled) setUrl(u);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [file.attachmentId, publicCopy, via]);
  return url ? <img src={url} alt={file.name} className="attachment-thumb" /> : <div className="attachment-thumb" />;
}

/** PDF inline in the page (images open large): the browser's own viewer, from the bytes in memory. */
function Preview({ file, publicCopy, via, onClose }: { file: AttachmentRef; publicCopy?: boolean; via?: string; onClose: () => void }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    attachmentObjectUrl(file.attachmentId, publicCopy, via)
      .then((u) => {
        made = u;
        setUrl(u);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [file.attachmentId, publicCopy, via]);
  return (
    <Modal open title={file.name} onCancel={onClose} footer={null} width="min(960px, 100vw)" className="attachment-preview" destroyOnHidden>
      {error && <div className="error-text">{error}</div>}
      {url && file.contentType === 'application/pdf' && <iframe src={url} title={file.name} className="attachment-pdf" data-testid="pdf-preview" />}
      {url && isImage(file.contentType) && <img src={url} alt={file.name} className="attachment-full" />}
      {url && file.contentType === DOCX && <div>Word 文档无法在浏览器中预览，请下载后查看。</div>}
    </Modal>
  );
}

/** One file: icon or thumbnail, name, size, hash prefix; preview and download. */
export function AttachmentItem({ file, tag, publicCopy, via }: { file: AttachmentRef; tag?: string; publicCopy?: boolean; via?: string }) {
  const { message } = App.useApp();
  const [previewing, setPreviewing] = useState(false);
  const save = () => saveAttachment(file.attachmentId, file.name, publicCopy, via).catch((e: unknown) => void message.error(errorMessage(e)));
  return (
    <List.Item
      data-testid="attachment"
      data-attachment-id={file.attachmentId}
      actions={[
        file.contentType !== DOCX && (
          <Button key="preview" size="small" icon={<EyeOutlined />} onClick={() => setPreviewing(true)}>
            预览
          </Button>
        ),
        <Button key="download" size="small" icon={<DownloadOutlined />} onClick={save} data-testid="attachment-download">
          下载
        </Button>,
      ].filter(Boolean)}
    >
      <List.Item.Meta
        avatar={isImage(file.contentType) ? <Thumbnail file={file} publicCopy={publicCopy} via={via} /> : <FileIcon type={file.contentType} />}
        title={
          <Space wrap size={4}>
            <span className="attachment-name">{file.name}</span>
            {tag && <Tag>{tag}</Tag>}
          </Space>
        }
        description={
          <span className="muted small">
            {formatSize(file.size)} · SHA-256 <code title={file.sha256}>{file.sha256.slice(0, 12)}…</code>
          </span>
        }
      />
      {previewing && <Preview file={file} publicCopy={publicCopy} via={via} onClose={() => setPreviewing(false)} />}
    </List.Item>
  );
}

/** `via`: the suggestion the list is shown on, for letters a group answer carries from another member. */
export function AttachmentList({
  files,
  tagOf,
  publicCopy,
  via,
}: {
  files: AttachmentRef[];
  tagOf?: (f: AttachmentRef) => string | undefined;
  publicCopy?: boolean;
  via?: string;
}) {
  return (
    <List
      size="small"
      className="attachment-list"
      dataSource={files}
      rowKey={(f) => f.attachmentId}
      renderItem={(f) => <AttachmentItem file={f} tag={tagOf?.(f)} publicCopy={publicCopy} via={via} />}
    />
  );
}

/** Upload with progress (button or drag and drop); calls `onUploaded` with each stored file. */
export function AttachmentUpload({
  suggestionId,
  onUploaded,
  dragger,
  testId = 'attachment-upload',
}: {
  suggestionId: string;
  onUploaded: (file: { id: string; name: string; sha256: string; size: number; contentType: string }) => void;
  dragger?: boolean;
  testId?: string;
}) {
  const { message } = App.useApp();
  const props: UploadProps = {
    accept: ACCEPTED_FILES,
    multiple: true,
    showUploadList: { showRemoveIcon: false },
    customRequest: ({ file, onProgress, onSuccess, onError }) => {
      uploadAttachment(suggestionId, file as File, (percent) => onProgress?.({ percent }))
        .then((uploaded) => {
          onSuccess?.(uploaded);
          onUploaded(uploaded);
        })
        .catch((e: unknown) => {
          void message.error(errorMessage(e));
          onError?.(e as Error);
        });
    },
  };
  if (dragger) {
    return (
      <Upload.Dragger {...props} data-testid={testId}>
        <p className="ant-upload-drag-icon">
          <UploadOutlined />
        </p>
        <p>把盖章签发的答复函（PDF）拖到这里，或点击选择文件</p>
        <p className="muted small">可上传 PDF、JPEG、PNG、Word（DOCX）</p>
      </Upload.Dragger>
    );
  }
  return (
    <Upload {...props} data-testid={testId}>
      <Button icon={<UploadOutlined />}>上传附件</Button>
    </Upload>
  );
}

const KIND_TAG = (a: SuggestionAttachment) => (a.kind === 'letter' ? (a.answeredRound !== undefined ? '答复函' : '答复函（未提交）') : undefined);

/**
 * 附件 on a detail page: every file still part of the suggestion, images as thumbnails, PDFs
 * previewed inline; an upload button when the server allows this caller to add one.
 */
export function AttachmentsSection({
  attachments,
  suggestionId,
  canUpload,
  hidePendingLetters,
  onChanged,
}: {
  attachments: SuggestionAttachment[] | undefined;
  suggestionId: string;
  canUpload: boolean;
  /** Deputies see a unit's letter once the answer carries it, not while it is a draft. */
  hidePendingLetters?: boolean;
  onChanged: () => void;
}) {
  const files = (attachments ?? []).filter(
    (a) => a.discardedAt === undefined && !(hidePendingLetters && a.kind === 'letter' && a.answeredRound === undefined),
  );
  return (
    <div data-testid="attachments">
      {files.length > 0 ? <AttachmentList files={files} tagOf={(f) => KIND_TAG(f as SuggestionAttachment)} /> : <Empty description="暂无附件" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {canUpload && <AttachmentUpload suggestionId={suggestionId} onUploaded={onChanged} />}
    </div>
  );
}
