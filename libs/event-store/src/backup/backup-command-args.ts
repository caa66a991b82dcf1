import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EventStoreConfigError, eventStoreConfigFromEnv } from '../config';
import { CommandUsageError, type CommandIo } from '../shared/command-io';

export interface BackupCommandArgs {
  /** The backup file named on the command line. */
  file: string;
  /** The embedded store: EVENT_STORE_PATH, default data/duban.sqlite. */
  storePath: string;
  force: boolean;
}

/**
 * `<file> [--force]`, with the store from the service's own configuration. EventStoreConfigError
 * passes through (a configuration problem, not a usage one).
 */
export function parseBackupCommandArgs(argv: string[], env: NodeJS.ProcessEnv, cwd: string): BackupCommandArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CommandUsageError(`参数无效：${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed.values.help) return 'help';
  if (parsed.positionals.length !== 1) throw new CommandUsageError('请指定一个备份文件');
  const config = eventStoreConfigFromEnv(env, cwd);
  if (config.kind !== 'sqlite') {
    throw new CommandUsageError('EVENT_STORE=eventstoredb：本命令只备份和恢复嵌入式事件库（SQLite）；EventStoreDB 请使用其自带的备份方式（停机文件复制或磁盘快照）');
  }
  return { file: path.resolve(cwd, parsed.positionals[0]!), storePath: config.path, force: parsed.values.force === true };
}

/**
 * The arguments of `backup` / `restore`, or the exit code when there is nothing to run: the usage
 * was printed (0 for --help, 2 for a mistake), or the store's configuration is wrong (1).
 */
export function readBackupCommandArgs(argv: string[], io: CommandIo, usage: string): BackupCommandArgs | number {
  let args;
  try {
    args = parseBackupCommandArgs(argv, io.env ?? process.env, io.cwd ?? process.cwd());
  } catch (error) {
    if (error instanceof EventStoreConfigError) {
      io.stderr.write(`配置错误：${error.message}\n`);
      return 1;
    }
    if (!(error instanceof CommandUsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  return args;
}
