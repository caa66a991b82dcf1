import type { Satisfaction } from '../../values';

/** The commands commitment-rating accepts and the events it records (composed into the suggestion's unions). */

export type CommitmentRatingCommand =
  /** 重庆 第二十八条: the lead deputy rates how a unit fulfilled its commitments. unitId is required in separate mode. */
  | { type: 'RateCommitmentFulfilment'; data: { rating: Satisfaction; reason?: string; unitId?: string } };

export type CommitmentRatingEvent =
  /** 重庆 第二十八条: the deputy's rating of how the unit fulfilled its commitments (满意/基本满意/不满意). */
  | { type: 'CommitmentFulfilmentRated'; data: { unitId: string; rating: Satisfaction; reason?: string } };
