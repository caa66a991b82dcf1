import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createEventStore, EventStoreConfigError } from '../config';
import type { EventStore } from '../port/event-store.port';
import type { CommandIo } from '../shared/command-io';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { auditCliContext, type AuditCliContext } from './audit-cli-context';
import { AuditKeyError } from './audit-key';
import { sealNow } from './seal-now';
import { AuditSealRefusedError } from './take-seal';

export const AUDIT_SEAL_USAGE = `用法：npm run audit-seal -- [SQLite 事件库文件]

校验事件库后，为每个流的末尾事件和事件库的末尾（含全局顺序摘要）生成一个签名封印，
写入 AUDIT_SEAL_DIR（默认为数据文件夹旁的 <文件夹名>-audit/seals/）。需要审计密钥
（AUDIT_KEY 或 AUDIT_KEY_FILE；开发环境默认 <文件夹名>-audit/audit.key）。事件库校验不通过时不生成封印，退出码为 1。
封印用 Ed25519 签名；公钥随封印一起写出，请交给督办人另行保存，用于 verify-audit --public-key。`;

/** `audit-seal`: 0 sealed (or nothing new to seal), 1 refused or failed, 2 usage. */
export async function runAuditSealCommand(argv: string[], io: CommandIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let context: AuditCliContext;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout.write(`${AUDIT_SEAL_USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error('只能指定一个事件库文件');
    context = auditCliContext(positionals[0], io.env ?? process.env, cwd);
  } catch (error) {
    if (error instanceof EventStoreConfigError || error instanceof AuditKeyError) {
      io.stderr.write(`配置错误：${error.message}\n`);
      return 1;
    }
    io.stderr.write(`参数无效：${error instanceof Error ? error.message : String(error)}\n\n${AUDIT_SEAL_USAGE}\n`);
    return 2;
  }
  if (context.key === null) {
    io.stderr.write(`配置错误：${context.keyMissing ?? '缺少审计密钥'}\n`);
    return 1;
  }
  const config = context.store;
  if (config.kind === 'sqlite' && !fs.existsSync(config.path)) {
    io.stderr.write(`事件库文件不存在：${config.path}\n`);
    return 1;
  }
  let store: EventStore | null = null;
  try {
    store = config.kind === 'sqlite' ? new SqliteEventStore({ path: config.path, auditKey: context.key }) : createEventStore(config, {});
    const result = await sealNow(store, context.key, context.sealDir, { signal: io.signal });
    if (result.status === 'unchanged') {
      io.stdout.write(`事件库自上一个封印以来没有新事件，未生成新封印：${result.file}\n`);
      return 0;
    }
    const { seal } = result.taken;
    io.stdout.write(
      `已生成封印：${result.file}\n` +
        `  ${seal.head?.events ?? 0} 个事件，${seal.streams.length} 个流，末尾 ${seal.head ? `${seal.head.streamId} 修订号 ${seal.head.revision}` : '（空库）'}` +
        `（${result.taken.mode === 'incremental' ? `增量：读取了上一个封印之后的 ${result.taken.read} 个事件` : `完整校验：读取了 ${result.taken.read} 个事件`}）\n` +
        `  签名公钥（交给督办人保存）：\n${seal.signature.publicKey}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AuditSealRefusedError) {
      io.stdout.write(`事件库校验未通过，拒绝生成封印：\n${[...error.breaks.map((b) => `  断裂：流 ${b.streamId} 修订号 ${b.revision}（${b.code}）：${b.reason}`), ...error.findings.map((f) => `  与上一个封印不符（${f.code}）：${f.reason}`)].join('\n')}\n`);
      return 1;
    }
    io.stderr.write(`封印失败：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}
