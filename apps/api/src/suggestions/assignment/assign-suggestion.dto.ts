import { ASSIGNMENT_MODES, AssignmentMode, SuggestionCommand } from '@duban/domain';
import { EnumField, IdField, IdListField } from '../../http/validation/fields';

export class AssignSuggestionDto {
  @EnumField('办理方式', ASSIGNMENT_MODES, { description: 'sole 单独办理 / lead 主办+协办 / separate 分别办理' })
  mode!: AssignmentMode;

  @IdListField('承办单位', { minSize: 1, description: 'lead 方式下包括主办单位和协办单位' })
  unitIds!: string[];

  @IdField('主办单位', { optional: true, description: 'lead 方式必填：unitIds 中的主办单位' })
  leadUnitId?: string;

  toCommand(): SuggestionCommand {
    const data: { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string } = { mode: this.mode, unitIds: this.unitIds };
    if (this.leadUnitId !== undefined) data.leadUnitId = this.leadUnitId;
    return { type: 'AssignSuggestion', data };
  }
}
