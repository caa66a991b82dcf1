import { SATISFACTION_LEVELS, Satisfaction, SuggestionCommand } from '@duban/domain';
import { EnumField, IdField, TextField } from '../../http/validation/fields';
import { NOTE_MAX } from '../dto/limits';

/** 承诺事项落实评价 (重庆 第二十八条): one rating per unit, with the deputy's view when dissatisfied. */
export class RateCommitmentsDto {
  @EnumField('承诺事项落实评价', SATISFACTION_LEVELS, { description: 'satisfied 满意 / basically_satisfied 基本满意 / dissatisfied 不满意' })
  rating!: Satisfaction;

  @TextField('具体意见', NOTE_MAX, { optional: true, description: '不满意时必填' })
  reason?: string;

  @IdField('被评价单位', { optional: true, description: '分别办理时必填' })
  unitId?: string;

  toCommand(): SuggestionCommand {
    return {
      type: 'RateCommitmentFulfilment',
      data: { rating: this.rating, ...(this.reason !== undefined ? { reason: this.reason } : {}), ...(this.unitId !== undefined ? { unitId: this.unitId } : {}) },
    };
  }
}
