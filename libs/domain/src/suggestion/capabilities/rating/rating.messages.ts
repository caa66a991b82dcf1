import type { Satisfaction } from '../../values';

/** The commands rating accepts and the events it records (composed into the suggestion's unions). */

export type RatingCommand =
  /** unitId is required in separate mode, where each unit is rated on its own. */
  | { type: 'RateSuggestion'; data: { attitude: Satisfaction; result: Satisfaction; reason?: string; unitId?: string } };

export type RatingEvent =
  | {
      type: 'SuggestionRated';
      data: {
        unitId: string;
        round: number;
        attitude: Satisfaction;
        result: Satisfaction;
        reason?: string;
        /**
         * A dissatisfied rating where staff decide whether it is re-handled (上海 第二十一条, 青岛 第三十一条,
         * 重庆 第二十七条), with a round left: the rating now waits for that decision (StartRehandling),
         * and staff are told. Absent on ratings recorded before it was kept, and where nobody must decide.
         */
        awaitsRehandlingDecision?: true;
      };
    };
