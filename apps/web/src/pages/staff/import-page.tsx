import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Progress, Select, Space, Statistic, Table, Tabs, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/api-error';
import {
  downloadTemplate,
  fetchImportProgress,
  fetchSessions,
  uploadImport,
  type ImportKind,
  type ImportProgress,
  type ImportReport,
  type ImportRowError,
} from '../../api/imports-api';
import { PageTitle } from '../../components/page-title';
import { useAsync } from '../../lib/use-async';

const PHASES: Record<ImportProgress['phase'], string> = {
  reading: '正在读取文件',
  checking: '正在逐行检查',
  writing: '正在写入',
  done: '已完成',
  failed: '未完成',
};

const KINDS: Record<ImportKind, { label: string; hint: string }> = {
  suggestions: {
    label: '代表建议',
    hint: '每行一件建议：标题、内容、领衔代表（登录名或姓名）、附议代表（用 、 或 ， 分隔）、代表团。有问题的行不会导入；同一文件再次上传时，已导入的行自动跳过。',
  },
  assignments: {
    label: '交办方案',
    hint: '每行一件已立案的建议：编号、承办单位（名称，用 、 分隔）、办理方式（单独办理、主办协办、分别办理）、主办单位。每行单独交办，单独报告结果。',
  },
};

function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Polls the job while the upload runs, so a large file shows how far it has come. */
function useProgress(jobId: string | null): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return;
    let stopped = false;
    const tick = async () => {
      try {
        const p = await fetchImportProgress(jobId);
        if (!stopped) setProgress(p);
      } catch {
        // Not started yet (the upload is still on its way): try again at the next tick.
      }
    };
    const timer = setInterval(tick, 700);
    void tick();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId]);
  return progress;
}

function ImportPanel({ kind, sessionId }: { kind: ImportKind; sessionId?: string }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null);
  const progress = useProgress(jobId);
  const lastJob = useRef<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    const id = newJobId();
    lastJob.current = id;
    setBusy(dryRun ? 'dry' : 'real');
    setError(undefined);
    setReport(null);
    setJobId(id);
    try {
      const result = await uploadImport(kind, file, { sessionId, dryRun, jobId: id });
      setReport(result);
      if (!dryRun) message.success(`已导入 ${result.created} 条，跳过 ${result.skipped} 条，未导入 ${new Set(result.errors.map((e) => e.row)).size} 行`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
      setJobId(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  const refusedRows = report ? new Set(report.errors.map((e) => e.row)).size : 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{KINDS[kind].hint}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => downloadTemplate(kind).catch((e) => message.error(errorMessage(e)))} data-testid={`template-${kind}`}>
          下载模板
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setReport(null);
          }}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid={`choose-${kind}`}>
            选择 Excel 文件
          </Button>
        </Upload>
        <Button disabled={!file || busy !== null} loading={busy === 'dry'} onClick={() => run(true)} data-testid={`dry-run-${kind}`}>
          试导入（只检查）
        </Button>
        <Button type="primary" disabled={!file || busy !== null} loading={busy === 'real'} onClick={() => run(false)} data-testid={`import-${kind}`}>
          导入
        </Button>
      </Space>
      {busy && (
        <Card size="small" data-testid="import-progress">
          <Typography.Text>{progress ? `${PHASES[progress.phase]}：${progress.done} / ${progress.total} 行` : '正在上传文件…'}</Typography.Text>
          <Progress percent={percent} status="active" />
        </Card>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      {report && (
        <Card size="small" title={report.dryRun ? '试导入结果（未写入任何数据）' : '导入结果'} data-testid="import-report">
          <Space size="large" wrap className="gap-bottom">
            <Statistic title={report.dryRun ? '将新建' : '新建'} value={report.created} />
            <Statistic title="已导入过（跳过）" value={report.skipped} />
            <Statistic title="未导入的行" value={refusedRows} valueStyle={refusedRows > 0 ? { color: '#cf1322' } : undefined} />
            <Statistic title="读取行数" value={report.rows} />
          </Space>
          {report.errors.length === 0 ? (
            <Alert type="success" showIcon message="所有行均通过检查" />
          ) : (
            <Table<ImportRowError>
              size="small"
              rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
              dataSource={report.errors}
              pagination={report.errors.length > 20 ? { pageSize: 20 } : false}
              data-testid="import-errors"
              columns={[
                { title: '行号', dataIndex: 'row', width: 80 },
                { title: '列', dataIndex: 'column', width: 140, render: (c?: string) => c ?? '—' },
                { title: '原因', dataIndex: 'message' },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}

/** 批量导入: the suggestions of a congress session, and the 交办会's assignment plan, from Excel. */
export function ImportPage() {
  const sessions = useAsync(() => fetchSessions(), []);
  const [sessionId, setSessionId] = useState<string>();
  // The open congress session by default: what staff import right after the meeting.
  useEffect(() => {
    const open = (sessions.data ?? []).filter((s) => !s.closed);
    if (sessionId === undefined && open.length > 0) setSessionId((open.find((s) => s.kind === 'congress') ?? open[0])!.id);
  }, [sessions.data, sessionId]);

  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>批量导入</PageTitle>
      </div>
      <Space className="gap-bottom" wrap>
        <Typography.Text>导入到会次：</Typography.Text>
        <Select
          style={{ minWidth: 280 }}
          loading={sessions.loading}
          value={sessionId}
          onChange={setSessionId}
          placeholder="选择会次"
          aria-label="会次"
          data-testid="import-session"
          options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.name}${s.kind === 'congress' ? '（大会期间）' : '（闭会期间）'}${s.closed ? '（已结束）' : ''}` }))}
        />
      </Space>
      {sessions.error !== undefined && <Alert type="warning" showIcon className="gap-bottom" message="会次列表暂时无法读取；不选择会次时按默认会次导入。" />}
      <Tabs
        items={(Object.keys(KINDS) as ImportKind[]).map((kind) => ({
          key: kind,
          label: KINDS[kind].label,
          children: <ImportPanel kind={kind} sessionId={sessionId} />,
        }))}
      />
    </div>
  );
}
