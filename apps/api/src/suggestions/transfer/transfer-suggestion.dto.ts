import type { SuggestionCommand } from '@duban/domain';
import { IdField, TextField } from '../../http/validation/fields';
import { NOTE_MAX } from '../dto/limits';

/** 转办: which unit of the current assignment hands its part to which unit, and why. */
export class TransferSuggestionDto {
  @IdField('原承办单位', { description: '当前交办中尚未答复的承办单位' })
  fromUnitId!: string;

  @IdField('新承办单位', { description: '接手办理的单位，不能已是本建议的承办单位' })
  toUnitId!: string;

  @TextField('转办理由', NOTE_MAX)
  reason!: string;

  toCommand(): SuggestionCommand {
    return { type: 'TransferSuggestion', data: { fromUnitId: this.fromUnitId, toUnitId: this.toUnitId, reason: this.reason } };
  }
}
