import type { SuggestionCommand } from '@duban/domain';
import { TextField } from '../../http/validation/fields';
import { CONTENT_MAX } from '../dto/limits';

export class CoOpinionDto {
  @TextField('协办意见', CONTENT_MAX)
  content!: string;

  toCommand(): SuggestionCommand {
    return { type: 'SubmitCoHandlerOpinion', data: { content: this.content } };
  }
}
