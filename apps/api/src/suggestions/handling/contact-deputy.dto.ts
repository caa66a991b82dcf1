import type { SuggestionCommand } from '@duban/domain';
import { TextField } from '../../http/validation/fields';
import { NOTE_MAX, SHORT_MAX } from '../dto/limits';

export class ContactDeputyDto {
  @TextField('联系方式', SHORT_MAX, { description: '例如 电话、座谈、走访、视察' })
  method!: string;

  @TextField('沟通情况', NOTE_MAX)
  summary!: string;

  toCommand(): SuggestionCommand {
    return { type: 'ContactDeputy', data: { method: this.method, summary: this.summary } };
  }
}
