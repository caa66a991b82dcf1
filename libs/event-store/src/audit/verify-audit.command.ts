import { SingleBar } from 'cli-progress';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { attachmentHashesInStore } from '../attachments/attachment-hashes';
import { attachmentsPathFromEnv, backupAttachmentsDir } from '../attachments/attachments-path';
import { checkAttachmentFiles } from '../attachments/copy-attachments';
import { createEventStore, EventStoreConfigError } from '../config';
import type { EventStore } from '../port/event-store.port';
import type { CommandIo } from '../shared/command-io';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { auditCliContext, type AuditCliContext } from './audit-cli-context';
import { AuditKeyError } from './audit-key';
import { checkSealSignature, type AuditSeal } from './audit-seal';
import { latestSealFile, readSealFile } from './seal-files';
import { formatMark, storeFingerprint } from './store-fingerprint';
import { verifyStore } from './verify-store';

export const VERIFY_AUDIT_USAGE = `用法：npm run verify-audit -- [SQLite 事件库文件] [--seal 封印文件] [--public-key 公钥文件]

逐个流校验事件的审计哈希链，并与最新的封印比对（封印之前被删除的流末尾事件、整个流、
事件库末尾事件，以及被插入、调换顺序的事件都会被发现）。不给文件时校验服务配置的事件库
（EVENT_STORE、EVENT_STORE_PATH（默认 data/duban.sqlite）、EVENTSTORE_CONNECTION_STRING）。
审计密钥取自 AUDIT_KEY 或 AUDIT_KEY_FILE（开发环境默认为数据文件夹旁的 <文件夹名>-audit/audit.key）；
封印取自 AUDIT_SEAL_DIR（默认同一文件夹下的 seals/）中最新的一个，或 --seal 指定的文件。
--public-key：督办人只持有公钥时用它校验封印签名（此时带密钥的事件只能校验链接关系，不能校验内容）。
发现问题时逐条列出，退出码为 1。`;

/** `verify-audit`: 0 every chain holds and the seal matches, 1 a finding or the check failed, 2 usage. */
export async function runVerifyAuditCommand(argv: string[], io: CommandIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let context: AuditCliContext;
  let sealFile: string | undefined;
  let publicKeyFile: string | undefined;
  let positionalStore: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, seal: { type: 'string' }, 'public-key': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${VERIFY_AUDIT_USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error('只能指定一个事件库文件');
    sealFile = values.seal === undefined ? undefined : path.resolve(cwd, values.seal);
    publicKeyFile = values['public-key'] === undefined ? undefined : path.resolve(cwd, values['public-key']);
    positionalStore = positionals[0] === undefined ? undefined : path.resolve(cwd, positionals[0]);
    context = auditCliContext(positionals[0], io.env ?? process.env, cwd);
  } catch (error) {
    if (error instanceof EventStoreConfigError || error instanceof AuditKeyError) {
      io.stderr.write(`配置错误：${error.message}\n`);
      return 1;
    }
    io.stderr.write(`参数无效：${error instanceof Error ? error.message : String(error)}\n\n${VERIFY_AUDIT_USAGE}\n`);
    return 2;
  }
  const config = context.store;
  if (config.kind === 'sqlite' && !fs.existsSync(config.path)) {
    io.stderr.write(`事件库文件不存在：${config.path}\n`);
    return 1;
  }

  const sealed = loadSeal(context, sealFile, publicKeyFile, io);
  if (sealed === 'failed') return 1;

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
    const report = await verifyStore(store, ({ checked, brokenStreams }) => bar.update(checked, { broken: brokenStreams }), {
      signal: io.signal,
      auditKey: context.key,
      ...(sealed.seal ? { seal: sealed.seal } : {}),
    });
    bar.stop();
    for (const broken of report.broken) {
      io.stdout.write(`断裂：流 ${broken.streamId} 修订号 ${broken.revision}（${broken.code}）：${broken.reason}\n`);
    }
    for (const finding of report.sealFindings ?? []) io.stdout.write(`与封印不符（${finding.code}）：${finding.reason}\n`);
    if (sealed.seal) {
      io.stdout.write(`已与封印比对：${sealed.file}（封印时间 ${sealed.seal.sealedAt}，${sealed.seal.head?.events ?? 0} 个事件，${sealed.seal.streams.length} 个流）\n`);
    } else {
      io.stdout.write('没有可比对的封印：流末尾事件被删除、事件库末尾被截短无法被发现（请运行 npm run audit-seal）\n');
    }
    const unchecked = report.keyedUnchecked ?? 0;
    if (unchecked > 0) {
      io.stdout.write(`${unchecked} 个带密钥的事件只校验了链接关系，未能校验内容：${context.keyMissing ?? '未提供审计密钥'}\n`);
    }
    const attachmentsDir = attachmentsFolderFor(positionalStore, io.env ?? process.env, cwd);
    const fileProblems = await checkAttachmentFiles(attachmentsDir, await attachmentHashesInStore(store));
    for (const problem of fileProblems) {
      io.stdout.write(
        problem.problem === 'missing'
          ? `附件文件缺失：${problem.sha256}（${attachmentsDir}）\n`
          : `附件文件已被改动：${problem.sha256} 现在的哈希为 ${problem.actualSha256}\n`,
      );
    }
    if (fileProblems.length === 0) io.stdout.write(`附件文件校验通过（${attachmentsDir}）。\n`);
    const mark = await storeFingerprint(store);
    const findings = report.broken.length + (report.sealFindings?.length ?? 0) + fileProblems.length;
    if (report.ok && fileProblems.length === 0) {
      io.stdout.write(`审计链校验通过：${report.streams} 个流，${report.events} 个事件，均未被改动。\n`);
    } else {
      io.stdout.write(`审计链校验未通过：${report.broken.length} 个流断裂，${report.sealFindings?.length ?? 0} 处与封印不符（共 ${report.streams} 个流，${report.events} 个事件）。\n`);
    }
    if (mark) io.stdout.write(`事件库末尾标记（请另行保存，日后可比对事件库是否被截短或替换）：${formatMark(mark)}\n`);
    // Without the key (and without a supervisor's public key) the content of keyed events is unproven.
    const unprovable = unchecked > 0 && publicKeyFile === undefined;
    return findings === 0 && !unprovable ? 0 : 1;
  } catch (error) {
    bar.stop();
    io.stderr.write(`校验失败：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

type LoadedSeal = { seal: AuditSeal; file: string } | { seal?: undefined };

/** The seal to compare with, its signature checked; 'failed' after saying why. */
function loadSeal(context: AuditCliContext, sealFile: string | undefined, publicKeyFile: string | undefined, io: CommandIo): LoadedSeal | 'failed' {
  const file = sealFile ?? latestSealFile(context.sealDir);
  if (file === null) return {};
  let seal: AuditSeal;
  let publicKey: string | undefined;
  try {
    seal = readSealFile(file);
    publicKey = publicKeyFile !== undefined ? fs.readFileSync(publicKeyFile, 'utf8') : context.key?.publicKeyPem();
  } catch (error) {
    io.stderr.write(`无法读取封印或公钥：${error instanceof Error ? error.message : String(error)}\n`);
    return 'failed';
  }
  if (publicKey === undefined) {
    io.stderr.write(`无法校验封印 ${file} 的签名：既没有审计密钥，也没有用 --public-key 指定公钥\n`);
    return 'failed';
  }
  const check = checkSealSignature(seal, publicKey);
  if (check.status !== 'valid') {
    io.stdout.write(`与封印不符（seal_invalid）：${file}：${check.reason}\n`);
    return 'failed';
  }
  return { seal, file };
}

/**
 * The files that belong to the store being checked: ATTACHMENTS_PATH when set; for a store file
 * named on the command line, a backup's `<file>.attachments/` or else `attachments/` beside it;
 * otherwise the service's own folder.
 */
function attachmentsFolderFor(storeFile: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (storeFile === undefined || env.ATTACHMENTS_PATH?.trim()) return attachmentsPathFromEnv(env, cwd);
  const ofBackup = backupAttachmentsDir(storeFile);
  return fs.existsSync(ofBackup) ? ofBackup : path.join(path.dirname(storeFile), 'attachments');
}
