import { SingleBar } from 'cli-progress';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createEventStore, eventStoreConfigFromEnv, EventStoreConfigError, type EventStoreConfig } from '../config';
import type { EventStore } from '../port/event-store.port';
import type { CommandIo } from '../shared/command-io';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { formatMark, storeFingerprint } from './store-fingerprint';
import { verifyStore } from './verify-store';

export const VERIFY_AUDIT_USAGE = `用法：npm run verify-audit -- [SQLite 事件库文件]

逐个流校验事件的审计哈希链。不给文件时校验服务配置的事件库
（EVENT_STORE、EVENT_STORE_PATH（默认 data/duban.sqlite）、EVENTSTORE_CONNECTION_STRING）。
发现断裂时列出每个断裂的流和修订号，退出码为 1。`;

/** `verify-audit`: 0 every chain holds, 1 a chain is broken or the check failed, 2 usage. */
export async function runVerifyAuditCommand(argv: string[], io: CommandIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let config: EventStoreConfig;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout.write(`${VERIFY_AUDIT_USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error('只能指定一个事件库文件');
    config = positionals[0] !== undefined ? { kind: 'sqlite', path: path.resolve(cwd, positionals[0]) } : eventStoreConfigFromEnv(io.env ?? process.env, cwd);
  } catch (error) {
    if (error instanceof EventStoreConfigError) {
      io.stderr.write(`配置错误：${error.message}\n`);
      return 1;
    }
    io.stderr.write(`参数无效：${error instanceof Error ? error.message : String(error)}\n\n${VERIFY_AUDIT_USAGE}\n`);
    return 2;
  }
  if (config.kind === 'sqlite' && !fs.existsSync(config.path)) {
    io.stderr.write(`事件库文件不存在：${config.path}\n`);
    return 1;
  }

  let store: EventStore | null = null;
  const bar = new SingleBar({
    stream: io.stderr,
    format: config.kind === 'sqlite' ? 'verify-audit [{bar}] {percentage}% | {value}/{total} events | {broken} broken' : 'verify-audit {value} events | {broken} broken',
    hideCursor: true,
  });
  try {
    store = config.kind === 'sqlite' ? new SqliteEventStore({ path: config.path }) : createEventStore(config, {});
    const total = store instanceof SqliteEventStore ? await store.countEvents() : 0;
    bar.start(total, 0, { broken: 0 });
    const report = await verifyStore(store, ({ checked, brokenStreams }) => bar.update(checked, { broken: brokenStreams }), { signal: io.signal });
    bar.stop();
    for (const broken of report.broken) {
      io.stdout.write(`断裂：流 ${broken.streamId} 修订号 ${broken.revision}（${broken.code}）：${broken.reason}\n`);
    }
    const mark = await storeFingerprint(store);
    if (report.ok) {
      io.stdout.write(`审计链校验通过：${report.streams} 个流，${report.events} 个事件，均未被改动。\n`);
    } else {
      io.stdout.write(`审计链校验未通过：${report.broken.length} 个流断裂（共 ${report.streams} 个流，${report.events} 个事件）。\n`);
    }
    if (mark) io.stdout.write(`事件库末尾标记（请另行保存，日后可比对事件库是否被截短或替换）：${formatMark(mark)}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    bar.stop();
    io.stderr.write(`校验失败：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}
