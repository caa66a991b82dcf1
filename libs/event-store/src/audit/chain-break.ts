/** Why a stream's chain does not hold, as a code for programs and a sentence for people. */
export type ChainBreakCode = 'missing_event' | 'unexpected_revision' | 'missing_hash' | 'prev_hash_mismatch' | 'hash_mismatch';

export interface ChainBreak {
  streamId: string;
  /** The first revision at which the chain does not hold. */
  revision: bigint;
  code: ChainBreakCode;
  /** For the operator, in Chinese. */
  reason: string;
}
