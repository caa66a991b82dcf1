import { SATISFACTION_LEVELS, Satisfaction, SuggestionCommand } from '@duban/domain';
import { EnumField, IdField, TextField } from '../../http/validation/fields';
import { NOTE_MAX } from '../dto/limits';

export class RateSuggestionDto {
  @EnumField('办理态度评价', SATISFACTION_LEVELS, { description: 'satisfied 满意 / basically_satisfied 基本满意 / dissatisfied 不满意' })
  attitude!: Satisfaction;

  @EnumField('办理结果评价', SATISFACTION_LEVELS)
  result!: Satisfaction;

  @TextField('不满意理由', NOTE_MAX, { optional: true, description: '任一项不满意时必填' })
  reason?: string;

  @IdField('被评价单位', { optional: true, description: '分别办理时必填' })
  unitId?: string;

  toCommand(): SuggestionCommand {
    const data: { attitude: Satisfaction; result: Satisfaction; reason?: string; unitId?: string } = {
      attitude: this.attitude,
      result: this.result,
    };
    if (this.reason !== undefined) data.reason = this.reason;
    if (this.unitId !== undefined) data.unitId = this.unitId;
    return { type: 'RateSuggestion', data };
  }
}
