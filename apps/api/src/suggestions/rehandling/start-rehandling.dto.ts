import type { SuggestionCommand } from '@duban/domain';
import { IdField, TextField } from '../../http/validation/fields';
import { NOTE_MAX } from '../dto/limits';

/** 决定重新办理: why (the deputy's view studied, or the standing committee's finding) and, in separate mode, which unit. */
export class StartRehandlingDto {
  @TextField('重新办理理由', NOTE_MAX, { description: '如：研究代表意见后需再次办理；常委会认为办理敷衍塞责' })
  reason!: string;

  @IdField('重新办理的承办单位', { optional: true, description: '分别办理时必填' })
  unitId?: string;

  toCommand(): SuggestionCommand {
    return { type: 'StartRehandling', data: { reason: this.reason, ...(this.unitId !== undefined ? { unitId: this.unitId } : {}) } };
  }
}
