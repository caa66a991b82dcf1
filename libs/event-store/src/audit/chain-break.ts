/** Why a stream's chain does not hold, as a code for programs and a sentence for people. */
export type ChainBreakCode =
  | 'missing_event'
  | 'unexpected_revision'
  | 'missing_hash'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  /** An event hashed without the key after keyed ones (in its stream, or anywhere earlier in the store). */
  | 'scheme_downgrade'
  /** metadata.hashScheme names no scheme this code knows. */
  | 'unknown_scheme';

export interface ChainBreak {
  streamId: string;
  /** The first revision at which the chain does not hold. */
  revision: bigint;
  code: ChainBreakCode;
  /** For the operator, in Chinese. */
  reason: string;
}
