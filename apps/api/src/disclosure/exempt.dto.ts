import { EXEMPTION_REASONS, ExemptionReason, SuggestionCommand } from '@duban/domain';
import { EnumField, TextField } from '../http/validation/fields';
import { NOTE_MAX } from '../suggestions/dto/limits';

/** `POST /api/suggestions/:id/exempt {reason, note?}` (不予公开). */
export class ExemptDto {
  @EnumField('不予公开理由', EXEMPTION_REASONS, {
    description: 'state_secret 国家秘密 / commercial_secret 商业秘密 / privacy 个人隐私 / deputy_request 代表要求保密',
  })
  reason!: ExemptionReason;

  @TextField('说明', NOTE_MAX, { optional: true })
  note?: string;

  toCommand(): SuggestionCommand {
    return { type: 'ExemptFromDisclosure', data: { reason: this.reason, ...(this.note !== undefined ? { note: this.note } : {}) } };
  }
}
