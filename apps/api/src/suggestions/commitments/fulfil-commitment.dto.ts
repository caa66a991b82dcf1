import type { SuggestionCommand } from '@duban/domain';
import { IdField, TextField } from '../../http/validation/fields';
import { NOTE_MAX } from '../dto/limits';

export class FulfilCommitmentDto {
  @IdField('承诺事项编号', { description: '例如 C1' })
  commitmentId!: string;

  @TextField('落实情况', NOTE_MAX)
  evidence!: string;

  toCommand(): SuggestionCommand {
    return { type: 'FulfilCommitment', data: { commitmentId: this.commitmentId, evidence: this.evidence } };
  }
}
