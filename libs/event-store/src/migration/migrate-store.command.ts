import { copyAttachments } from '../attachments/copy-attachments';
import { SingleBar } from 'cli-progress';
import * as fs from 'node:fs';
import { assertNever } from '@duban/domain';
import type { EventStore } from '../port/event-store.port';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import { auditCliContext } from '../audit/audit-cli-context';
import type { AuditKey } from '../audit/audit-key';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { isValidStreamNamespace } from '../eventstoredb/stream-namespace-name';
import { describeTarget, parseMigrateStoreArgs, UsageError, USAGE, type MigrationTarget } from './migrate-store-args';
import { MigrationInterrupted, migrateStore } from './migrate-store';
import { FileMigrationProgress } from './migration-progress';

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal?: AbortSignal;
  cwd?: string;
  /** Where EVENTSTORE_STREAM_NAMESPACE is read; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** `migrate-store`: returns the process exit code (0 done, 1 failed, 2 usage, 130 interrupted). */
export async function runMigrateStoreCommand(argv: string[], io: CommandIo): Promise<number> {
  let args;
  try {
    args = parseMigrateStoreArgs(argv, io.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!fs.existsSync(args.from)) {
    io.stderr.write(`源事件库文件不存在：${args.from}\n`);
    return 1;
  }

  // The namespace the api will run with: copied streams must be where it looks for them, or it
  // sees an empty store and creates a second bootstrap admin.
  const namespace = (io.env ?? process.env).EVENTSTORE_STREAM_NAMESPACE?.trim() || undefined;
  if (namespace !== undefined && !isValidStreamNamespace(namespace)) {
    io.stderr.write(`EVENTSTORE_STREAM_NAMESPACE：「${namespace}」无效，只能由字母、数字、下划线、点和连字符组成（1–64 个字符，以字母或数字开头）\n`);
    return 2;
  }

  // Keyed (HMAC) events can only be re-linked and checked on the target with the key they were written with.
  let auditKey: AuditKey | undefined;
  try {
    auditKey = auditCliContext(args.from, io.env ?? process.env, io.cwd ?? process.cwd()).key ?? undefined;
  } catch (error) {
    io.stderr.write(`配置错误：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const source = new SqliteEventStore({ path: args.from });
  let target: EventStore | null = null;
  const bar = new SingleBar({
    stream: io.stderr,
    format: 'migrate-store [{bar}] {percentage}% | {value}/{total} events | ETA {eta_formatted}',
    hideCursor: true,
  });
  try {
    target = openTarget(args.to, namespace, auditKey);
    const total = await source.countEvents();
    bar.start(total, 0);
    const report = await migrateStore(source, target, {
      progress: new FileMigrationProgress(args.progressFile, args.from, describeTarget(args.to) + (namespace && args.to.kind === 'eventstoredb' ? ` (namespace ${namespace})` : '')),
      pageSize: args.pageSize,
      total,
      signal: io.signal,
      onProgress: ({ copied }) => bar.update(copied),
    });
    bar.stop();
    if (args.attachmentsTo !== null && fs.existsSync(args.attachmentsFrom)) {
      const files = await copyAttachments(args.attachmentsFrom, args.attachmentsTo);
      io.stdout.write(`附件已复制：${files.files} 个文件（${files.bytes} 字节），逐个核对了哈希：${args.attachmentsTo}\n`);
    }
    io.stdout.write(
      `迁移完成：本次复制 ${report.copiedThisRun} 个事件（此前已完成 ${report.resumedAfter} 个）。\n` +
        `核对通过：${report.check.streams} 个流，源库 ${report.check.sourceEvents} 个事件，目标库 ${report.check.targetEvents} 个事件，审计链与源库一致。\n`,
    );
    return 0;
  } catch (error) {
    bar.stop();
    if (error instanceof MigrationInterrupted) {
      io.stderr.write(`${error.message}\n`);
      return 130;
    }
    io.stderr.write(`迁移失败：${error instanceof Error ? error.message : String(error)}\n进度已保存在 ${args.progressFile}，问题解决后再次运行同一命令即可继续。\n`);
    return 1;
  } finally {
    await source.close();
    await target?.close();
  }
}

function openTarget(target: MigrationTarget, streamNamespace: string | undefined, auditKey: AuditKey | undefined): EventStore {
  switch (target.kind) {
    case 'sqlite':
      return new SqliteEventStore({ path: target.path, auditKey });
    case 'eventstoredb':
      return new EventStoreDbEventStore({ connectionString: target.connectionString, streamNamespace, auditKey });
    default:
      return assertNever(target, 'migration target');
  }
}
