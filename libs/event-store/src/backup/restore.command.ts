import * as fs from 'node:fs';
import { attachmentsPathFromEnv, backupAttachmentsDir } from '../attachments/attachments-path';
import { copyAttachments } from '../attachments/copy-attachments';
import { formatMark } from '../audit/store-fingerprint';
import type { CommandIo } from '../shared/command-io';
import { readBackupCommandArgs } from './backup-command-args';
import { phaseProgressBar } from './progress-bar';
import { restoreSqliteStore } from './restore-sqlite-store';

export const RESTORE_USAGE = `用法：npm run restore -- <备份文件> [--force]

用备份替换嵌入式事件库（EVENT_STORE_PATH，默认 data/duban.sqlite）。先停止服务。
备份须通过完整性检查和审计链校验才会替换；原事件库改名保留在旁边。
--force：事件库已存在时确认替换。恢复后请重建读模型：npm run rebuild`;

/** `restore`: 0 restored, 1 refused or failed (nothing replaced), 2 usage. */
export async function runRestoreCommand(argv: string[], io: CommandIo): Promise<number> {
  const args = readBackupCommandArgs(argv, io, RESTORE_USAGE);
  if (typeof args === 'number') return args;

  const bar = phaseProgressBar('restore', io.stderr);
  try {
    const report = await restoreSqliteStore(args.file, args.storePath, { force: args.force, onProgress: bar.update });
    bar.stop();
    io.stdout.write(`恢复完成：${report.storePath} 现为备份 ${args.file} 的内容，${report.events} 个事件，完整性和审计链校验通过。\n`);
    const backupFiles = backupAttachmentsDir(args.file);
    if (fs.existsSync(backupFiles)) {
      const target = attachmentsPathFromEnv(io.env ?? process.env, io.cwd ?? process.cwd());
      const files = await copyAttachments(backupFiles, target);
      io.stdout.write(`附件已恢复：${files.files} 个文件（${files.bytes} 字节）到 ${target}\n`);
    }
    if (report.previousStoreKeptAt) io.stdout.write(`原事件库已改名保留：${report.previousStoreKeptAt}\n`);
    if (report.mark) io.stdout.write(`事件库末尾标记：${formatMark(report.mark)}\n`);
    io.stdout.write('读模型仍反映恢复前的事件：启动服务前请运行 npm run rebuild 重建读模型。\n');
    return 0;
  } catch (error) {
    bar.stop();
    io.stderr.write(`恢复失败：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
