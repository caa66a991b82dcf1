import * as path from 'node:path';
import { parseArgs } from 'node:util';

export type MigrationTarget = { kind: 'sqlite'; path: string } | { kind: 'eventstoredb'; connectionString: string };

export interface MigrateStoreArgs {
  from: string;
  to: MigrationTarget;
  progressFile: string;
  pageSize: number;
  /** The attachment files: copied from beside the source to beside a SQLite target, or to --attachments-to. */
  attachmentsFrom: string;
  attachmentsTo: string | null;
}

export const USAGE = `用法：npm run migrate-store -- --from <SQLite 事件库文件> --to <SQLite 文件 或 esdb:// 连接串> [--progress <进度文件>] [--page-size <每页事件数>]

  --from       源：嵌入式事件库（SQLite 文件），例如 data/duban.sqlite
  --to         目标：另一个 SQLite 文件，或 EventStoreDB 连接串，例如 esdb://localhost:2113?tls=false
  --progress   进度文件，中断后再次运行同一命令会从这里继续（默认：<源文件>.migrate-progress.json）
  --page-size  每次读取并记录进度的事件数（默认 500）
  --attachments-from  源附件文件夹（默认：源文件旁的 attachments/）
  --attachments-to    目标附件文件夹（默认：SQLite 目标文件旁的 attachments/；EventStoreDB 目标时不复制，附件留在原处）`;

/** Usage problems, reported with the usage text and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const ESDB_SCHEME = /^esdb(\+discover)?:\/\//i;

export function parseMigrateStoreArgs(argv: string[], cwd: string = process.cwd()): MigrateStoreArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        progress: { type: 'string' },
        'page-size': { type: 'string' },
        'attachments-from': { type: 'string' },
        'attachments-to': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`参数无效：${error instanceof Error ? error.message : String(error)}`);
  }
  if (values.help) return 'help';
  if (!values.from) throw new UsageError('缺少 --from：请指定源 SQLite 事件库文件');
  if (!values.to) throw new UsageError('缺少 --to：请指定目标 SQLite 文件或 esdb:// 连接串');

  const from = path.resolve(cwd, values.from);
  const to: MigrationTarget = ESDB_SCHEME.test(values.to)
    ? { kind: 'eventstoredb', connectionString: values.to }
    : { kind: 'sqlite', path: path.resolve(cwd, values.to) };
  if (to.kind === 'sqlite' && to.path === from) throw new UsageError('--from 与 --to 是同一个文件');

  const pageSize = values['page-size'] === undefined ? 500 : Number(values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100_000) {
    throw new UsageError(`--page-size：「${values['page-size']}」无效，应为 1 到 100000 之间的整数`);
  }
  const progressFile = path.resolve(cwd, values.progress ?? `${values.from}.migrate-progress.json`);
  const attachmentsFrom = path.resolve(cwd, values['attachments-from'] ?? path.join(path.dirname(from), 'attachments'));
  const attachmentsTo =
    values['attachments-to'] !== undefined
      ? path.resolve(cwd, values['attachments-to'])
      : to.kind === 'sqlite'
        ? path.join(path.dirname(to.path), 'attachments')
        : null;
  return { from, to, progressFile, pageSize, attachmentsFrom, attachmentsTo: attachmentsTo === attachmentsFrom ? null : attachmentsTo };
}

/** How the target is named in the progress file: never with a password in it. */
export function describeTarget(target: MigrationTarget): string {
  if (target.kind === 'sqlite') return target.path;
  return target.connectionString.replace(/\/\/[^@/]*@/, '//');
}
