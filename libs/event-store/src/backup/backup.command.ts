import * as fs from 'node:fs';
import { attachmentsPathFromEnv, backupAttachmentsDir } from '../attachments/attachments-path';
import { copyAttachments } from '../attachments/copy-attachments';
import { formatMark } from '../audit/store-fingerprint';
import type { CommandIo } from '../shared/command-io';
import { backupSqliteStore } from './backup-sqlite-store';
import { readBackupCommandArgs } from './backup-command-args';
import { phaseProgressBar } from './progress-bar';

export const BACKUP_USAGE = `用法：npm run backup -- <备份文件> [--force]

在服务运行时为嵌入式事件库（EVENT_STORE_PATH，默认 data/duban.sqlite）做一份一致的在线备份，
写完后检查完整性（integrity_check）和审计链。--force：覆盖已存在的备份文件。`;

/** `backup`: 0 written and sound, 1 failed (or written but its audit chain is broken), 2 usage. */
export async function runBackupCommand(argv: string[], io: CommandIo): Promise<number> {
  const args = readBackupCommandArgs(argv, io, BACKUP_USAGE);
  if (typeof args === 'number') return args;

  const bar = phaseProgressBar('backup', io.stderr);
  try {
    const report = await backupSqliteStore(args.storePath, args.file, bar.update, { force: args.force });
    bar.stop();
    io.stdout.write(`备份完成：${report.file}，${report.events} 个事件（${report.pages} 页${report.restarts > 0 ? `，因服务写入重新开始 ${report.restarts} 次` : ''}），完整性检查通过。\n`);
    if (report.mark) io.stdout.write(`备份末尾标记：${formatMark(report.mark)}\n`);
    // Files after events: every file an event of the backup names was stored before its event was appended.
    const attachments = attachmentsPathFromEnv(io.env ?? process.env, io.cwd ?? process.cwd());
    if (fs.existsSync(attachments)) {
      const files = await copyAttachments(attachments, backupAttachmentsDir(report.file));
      io.stdout.write(`附件已备份：${files.files} 个文件（${files.bytes} 字节）到 ${backupAttachmentsDir(report.file)}\n`);
    }
    if (!report.audit.ok) {
      for (const broken of report.audit.broken) io.stdout.write(`断裂：流 ${broken.streamId} 修订号 ${broken.revision}：${broken.reason}\n`);
      io.stdout.write(`警告：事件库本身的审计链有 ${report.audit.broken.length} 个流断裂（备份如实复制了它们），请用 npm run verify-audit 查明。\n`);
      return 1;
    }
    io.stdout.write(`审计链校验通过：${report.audit.streams} 个流。\n`);
    return 0;
  } catch (error) {
    bar.stop();
    io.stderr.write(`备份失败：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
