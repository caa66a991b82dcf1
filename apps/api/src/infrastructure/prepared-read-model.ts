import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { LoggerService } from '@nestjs/common';
import type { EventStore } from '@duban/event-store';
import { READ_MODEL_SCHEMA_VERSION, rebuildReadModels, recordReadModelStoreIdentityAt, removeDatabaseFiles, type RebuildOptions, type RebuildResult } from '@duban/read-models';
import { inspectReadModel } from './read-model-inspection';

/**
 * An upgrade that changes the read model's tables would otherwise keep the service down while it
 * rebuilds from every event (minutes at a million events). Instead the new version's
 * `npm run rebuild -- --beside` builds the new file next to the old one while the old service keeps
 * serving (it only reads the store), and the new service adopts it at start: the service is down
 * only for the restart itself, then catches up on the events written since the file was built.
 */
export function preparedReadModelPath(readModelPath: string): string {
  return `${readModelPath}.next`;
}

/** What the preparing run saw when it checked the file: a file changed since must be checked again. */
interface VerifiedNote {
  size: number;
  mtimeMs: number;
  schemaVersion: number;
}

function verifiedNotePath(preparedPath: string): string {
  return `${preparedPath}.verified`;
}

/**
 * Builds the read model of this version next to the one being served (`readModelPath` stays as it
 * is), records which store it came from and checks its pages. Safe while a service serves from
 * `readModelPath`: it only reads the store.
 */
export async function buildReadModelBeside(store: EventStore, readModelPath: string, storeIdentity: string, options: RebuildOptions): Promise<RebuildResult> {
  const preparedPath = preparedReadModelPath(readModelPath);
  const result = await rebuildReadModels(store, preparedPath, options);
  recordReadModelStoreIdentityAt(preparedPath, storeIdentity);
  const problems = notePreparedReadModelVerified(preparedPath);
  if (problems.length > 0) {
    discardPrepared(preparedPath);
    throw new Error(`the read model built beside failed its check: ${problems.join('; ')}`);
  }
  return result;
}

/**
 * After a beside-rebuild: checks the new file's pages once (quick_check) and notes its size and
 * time, so that adopting it at start need not read a gigabyte again while the service is down.
 * Returns the problems found (empty when sound).
 */
export function notePreparedReadModelVerified(preparedPath: string): string[] {
  const inspection = inspectReadModel(preparedPath);
  if (inspection.state === 'damaged') return inspection.problems;
  if (inspection.state !== 'current') return [`unexpected state ${inspection.state}`];
  const { size, mtimeMs } = statSync(preparedPath);
  const note: VerifiedNote = { size, mtimeMs, schemaVersion: READ_MODEL_SCHEMA_VERSION };
  writeFileSync(verifiedNotePath(preparedPath), JSON.stringify(note));
  return [];
}

export interface Adoption {
  adopted: boolean;
  /** The adopted file was checked by the preparing run and is unchanged since: no quick_check now. */
  verified: boolean;
}

/**
 * At start, before the read model is inspected: puts a prepared file in place of the current one
 * when it is of this version's schema and sound. A prepared file of another schema (left by an
 * abandoned upgrade) or damaged is deleted with a log line, and the start goes on as without it.
 */
export function adoptPreparedReadModel(readModelPath: string, logger: LoggerService): Adoption {
  const preparedPath = preparedReadModelPath(readModelPath);
  if (!existsSync(preparedPath)) return { adopted: false, verified: false };
  const verified = unchangedSinceVerified(preparedPath);
  const inspection = inspectReadModel(preparedPath, { quickCheck: !verified });
  if (inspection.state !== 'current') {
    const why = inspection.state === 'damaged' ? `is damaged (${inspection.problems.join('; ')})` : 'is of another schema version';
    logger.warn?.(`prepared read model ${preparedPath} ${why}: deleted, starting without it`);
    discardPrepared(preparedPath);
    return { adopted: false, verified: false };
  }
  removeDatabaseFiles(readModelPath);
  // Journal files of the prepared file belong to it: inspection checkpointed them into the file.
  removeDatabaseFiles(preparedPath, { keepMain: true });
  renameSync(preparedPath, readModelPath);
  rmSync(verifiedNotePath(preparedPath), { force: true });
  logger.log(`adopted the read model prepared beside the old one (${preparedPath}); catching up from its checkpoint`);
  return { adopted: true, verified };
}

function unchangedSinceVerified(preparedPath: string): boolean {
  const notePath = verifiedNotePath(preparedPath);
  if (!existsSync(notePath)) return false;
  try {
    const note = JSON.parse(readFileSync(notePath, 'utf8')) as VerifiedNote;
    const { size, mtimeMs } = statSync(preparedPath);
    return note.schemaVersion === READ_MODEL_SCHEMA_VERSION && note.size === size && note.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

function discardPrepared(preparedPath: string): void {
  removeDatabaseFiles(preparedPath);
  rmSync(verifiedNotePath(preparedPath), { force: true });
}
