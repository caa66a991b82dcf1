import type { EventStore, RecordedEvent } from '../port/event-store.port';
import { AuditHashMismatchError } from '../audit/audit-errors';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../port/errors';
import { InMemoryMigrationProgress, type MigrationProgressStore } from './migration-progress';
import { verifyCopy, type CopyCheck } from './verify-copy';

export interface MigrationOptions {
  /** Where progress is kept between runs; without it a rerun starts from the beginning. */
  progress?: MigrationProgressStore;
  /** Source events read per page, and the checkpoint interval. Default 500. */
  pageSize?: number;
  /** Number of events in the source, for progress reporting. */
  total?: number;
  onProgress?: (progress: { copied: number; total?: number }) => void;
  /** Stops between two appends; the checkpoint is saved so the next run continues from there. */
  signal?: AbortSignal;
  /** Data + metadata bytes sent in one append at most; default MAX_APPEND_BYTES. */
  maxAppendBytes?: number;
}

/**
 * EventStoreDB refuses an append over MaxAppendSize (default 1,048,576 bytes of data + metadata).
 * Half of it: the adapter adds each event's chain hashes to its metadata, and an operator may have
 * lowered the setting. A single larger event is sent alone (the server then says why it refuses).
 */
export const MAX_APPEND_BYTES = 512 * 1024;

export interface MigrationReport {
  /** Events copied (or found already copied) in this run. */
  copiedThisRun: number;
  /** Events the checkpoint said were already copied when this run started. */
  resumedAfter: number;
  check: CopyCheck;
}

/** Refused migration, with a message for the operator (Chinese). */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export class MigrationInterrupted extends Error {
  constructor(readonly copied: number) {
    super(`迁移已中断：已复制 ${copied} 个事件，再次运行同一命令即可从中断处继续`);
    this.name = 'MigrationInterrupted';
  }
}

/**
 * Copies every event of `from` into `to` in the source's global order, keeping streams,
 * revisions, event ids, types, data and metadata. Each append carries the exact expected
 * revision, so the target can only end up as a copy of the source: an event already copied by
 * an interrupted run is recognised by the target (same ids at the same place) and not written
 * again, and a target that holds a different history stops the migration instead of mixing in.
 * Audit hashes come along in the metadata and the target must arrive at the same ones: a source
 * event that was changed after it was written stops the migration (AuditHashMismatchError).
 */
export async function migrateStore(from: EventStore, to: EventStore, options: MigrationOptions = {}): Promise<MigrationReport> {
  const progress = options.progress ?? new InMemoryMigrationProgress();
  const pageSize = options.pageSize ?? 500;
  const maxAppendBytes = options.maxAppendBytes ?? MAX_APPEND_BYTES;
  const checkpoint = await progress.load();
  let after = checkpoint?.after;
  const resumedAfter = checkpoint?.copied ?? 0;
  let copiedThisRun = 0;
  options.onProgress?.({ copied: resumedAfter, total: options.total });

  for (;;) {
    const page = await from.readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const run of streamRuns(page).flatMap((run) => splitByBytes(run, maxAppendBytes))) {
      if (options.signal?.aborted) {
        // Progress is saved per page; a partly copied page is recognised on the next run.
        throw new MigrationInterrupted(resumedAfter + copiedThisRun);
      }
      await copyRun(to, run);
    }
    copiedThisRun += page.length;
    after = page[page.length - 1]!.position;
    await progress.save({ after, copied: resumedAfter + copiedThisRun });
    options.onProgress?.({ copied: resumedAfter + copiedThisRun, total: options.total });
  }

  const check = await verifyCopy(from, to);
  if (check.brokenChains.length > 0 || check.hashMismatches.length > 0) {
    const examples = [
      ...check.brokenChains.map((b) => `${b.streamId} 修订号 ${b.revision}：${b.reason}`),
      ...check.hashMismatches.map((m) => `${m.streamId} 的末尾哈希与源库不同`),
    ]
      .slice(0, 5)
      .join('；');
    throw new MigrationError(`迁移后核对审计链不通过：${examples}`);
  }
  if (check.mismatches.length > 0) {
    const examples = check.mismatches
      .slice(0, 5)
      .map((m) => `${m.streamId}（源 ${m.source}，目标 ${m.target}）`)
      .join('；');
    throw new MigrationError(
      `迁移后核对数量不一致：源库 ${check.sourceEvents} 个事件，目标库中对应的流共 ${check.targetEvents} 个事件；` +
        `${check.mismatches.length} 个流不一致，例如 ${examples}`,
    );
  }
  return { copiedThisRun, resumedAfter, check };
}

/** A run cut into appends of at most `maxBytes` of data + metadata, in order. */
export function splitByBytes(run: RecordedEvent[], maxBytes: number): RecordedEvent[][] {
  const parts: RecordedEvent[][] = [];
  let current: RecordedEvent[] = [];
  let bytes = 0;
  for (const event of run) {
    const size = Buffer.byteLength(JSON.stringify(event.data ?? null)) + Buffer.byteLength(JSON.stringify(event.metadata));
    if (current.length > 0 && bytes + size > maxBytes) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Consecutive events of one stream in a page: appended together, as one atomic append. */
function streamRuns(page: RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of page) {
    const current = runs[runs.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && last.streamId === event.streamId && last.revision + 1n === event.revision) current.push(event);
    else runs.push([event]);
  }
  return runs;
}

async function copyRun(to: EventStore, run: RecordedEvent[]): Promise<void> {
  const first = run[0]!;
  const expectedRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
  try {
    await to.appendToStream(
      first.streamId,
      run.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata })),
      { expectedRevision },
    );
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) {
      throw new MigrationError(
        `目标库的流 ${first.streamId} 与源库不一致：源库下一个事件的修订号是 ${first.revision}，目标库中该流的当前修订号是 ${error.actual}。` +
          '目标库里已有别的数据，迁移已停止，未覆盖任何数据。如果目标库是刚清空的，请删除进度文件后重新运行。',
        { cause: error },
      );
    }
    if (error instanceof AuditHashMismatchError) {
      throw new MigrationError(
        `源库的流 ${error.streamId} 修订号 ${error.revision} 的审计哈希校验不通过（源库记录可能已被改动），迁移已停止，不会把改动过的记录当作可信记录复制。` +
          '请先运行 npm run verify-audit 查明。',
        { cause: error },
      );
    }
    if (error instanceof DuplicateEventIdError) {
      throw new MigrationError(
        `目标库中已有事件 ${error.eventId}（位于 ${error.existingStreamId}），与源库的 ${first.streamId} 冲突，迁移已停止。`,
        { cause: error },
      );
    }
    throw error;
  }
}
