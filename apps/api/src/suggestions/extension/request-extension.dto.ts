import type { SuggestionCommand } from '@duban/domain';
import { DateField, TextField } from '../../http/validation/fields';
import { NOTE_MAX } from '../dto/limits';

export class RequestExtensionDto {
  @TextField('延期理由', NOTE_MAX)
  reason!: string;

  @DateField('申请延期至')
  until!: string;

  toCommand(): SuggestionCommand {
    return { type: 'RequestExtension', data: { reason: this.reason, until: this.until } };
  }
}
