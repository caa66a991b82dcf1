import type { Satisfaction } from '../../values';

/** The commands rating accepts and the events it records (composed into the suggestion's unions). */

export type RatingCommand =
  /** unitId is required in separate mode, where each unit is rated on its own. */
  | { type: 'RateSuggestion'; data: { attitude: Satisfaction; result: Satisfaction; reason?: string; unitId?: string } };

export type RatingEvent =
  | {
      type: 'SuggestionRated';
      data: { unitId: string; round: number; attitude: Satisfaction; result: Satisfaction; reason?: string };
    };
