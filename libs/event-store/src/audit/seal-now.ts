import type { EventStore } from '../port/event-store.port';
import type { AuditKey } from './audit-key';
import { latestSealFile, readSealFile, writeSealFile } from './seal-files';
import { takeSeal, type TakeSealOptions, type TakenSeal } from './take-seal';

export type SealNowResult =
  | { status: 'sealed'; file: string; taken: TakenSeal }
  /** Nothing was appended since the latest seal: no new file (the latest one still says it all). */
  | { status: 'unchanged'; file: string };

/**
 * Takes a seal against the latest one in `dir` and writes it there: what the service's schedule
 * and `npm run audit-seal` both do. Throws AuditSealRefusedError when the store does not verify.
 */
export async function sealNow(store: EventStore, key: AuditKey, dir: string, options: Omit<TakeSealOptions, 'previous'> = {}): Promise<SealNowResult> {
  const latest = latestSealFile(dir);
  const previous = latest === null ? null : readSealFile(latest);
  const taken = await takeSeal(store, key, { ...options, previous });
  if (latest !== null && taken.mode === 'incremental' && taken.read === 0) return { status: 'unchanged', file: latest };
  return { status: 'sealed', file: writeSealFile(dir, taken.seal), taken };
}
