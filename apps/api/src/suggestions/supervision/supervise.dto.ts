import type { SuggestionCommand } from '@duban/domain';
import { TextField, UserIdField } from '../../http/validation/fields';
import { NAME_MAX } from '../dto/limits';

export class SuperviseDto {
  @UserIdField('督办人', { description: '督办人的登录名' })
  supervisorId!: string;

  @TextField('领办领导', NAME_MAX, { optional: true })
  leaderName?: string;

  toCommand(): SuggestionCommand {
    const data: { supervisorId: string; leaderName?: string } = { supervisorId: this.supervisorId };
    if (this.leaderName !== undefined) data.leaderName = this.leaderName;
    return { type: 'StartKeySupervision', data };
  }
}
