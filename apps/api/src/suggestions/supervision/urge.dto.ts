import type { SuggestionCommand } from '@duban/domain';
import { TextField } from '../../http/validation/fields';
import { NOTE_MAX } from '../dto/limits';

export class UrgeDto {
  @TextField('催办意见', NOTE_MAX)
  note!: string;

  toCommand(): SuggestionCommand {
    return { type: 'UrgeSuggestion', data: { note: this.note } };
  }
}
