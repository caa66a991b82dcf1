import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { ASSIGNMENT_MODES, AssignmentMode, SuggestionCommand } from '@duban/domain';
import { EnumField, ID_PATTERN, IdField, IdListField } from '../../http/validation/fields';
import { BATCH_MAX_ITEMS } from './batch-limits';

/** Suggestion ids of a batch: up to BATCH_MAX_ITEMS, none twice (one item, one outcome). */
function BatchIdsField(label: string, options: { optional?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    if (options.optional) IsOptional()(target, key);
    ApiProperty({
      type: 'array',
      items: { type: 'string', pattern: ID_PATTERN.source },
      uniqueItems: true,
      minItems: 1,
      maxItems: BATCH_MAX_ITEMS,
      required: !options.optional,
      description: `${label}（最多 ${BATCH_MAX_ITEMS} 件）`,
    })(target, key);
    IsArray({ message: `${label}必须是数组` })(target, key);
    ArrayMinSize(1, { message: `${label}至少 1 件` })(target, key);
    ArrayMaxSize(BATCH_MAX_ITEMS, { message: `一次最多处理 ${BATCH_MAX_ITEMS} 件建议，请分批提交` })(target, key);
    ArrayUnique({ message: `${label}不能有重复项` })(target, key);
    IsString({ each: true, message: `${label}的每一项必须是文本` })(target, key);
    Matches(ID_PATTERN, { each: true, message: `${label}中有格式无效的编号` })(target, key);
  };
}

/** `POST /api/suggestions/batch/accept {ids}`: 批量立案. */
export class BatchAcceptDto {
  @BatchIdsField('建议编号')
  ids!: string[];
}

/** One suggestion's assignment, as the single 交办 route takes it, plus which suggestion. */
export class BatchAssignItemDto {
  @IdField('建议编号')
  id!: string;

  @EnumField('办理方式', ASSIGNMENT_MODES, { description: 'sole 单独办理 / lead 主办+协办 / separate 分别办理' })
  mode!: AssignmentMode;

  @IdListField('承办单位', { minSize: 1, description: 'lead 方式下包括主办单位和协办单位' })
  unitIds!: string[];

  @IdField('主办单位', { optional: true, description: 'lead 方式必填：unitIds 中的主办单位' })
  leadUnitId?: string;
}

/**
 * `POST /api/suggestions/batch/assign`: 批量交办, either each item with its own plan (`items`), or
 * one plan for all (`ids` with `mode`, `unitIds`, `leadUnitId?`), as a 交办会 often decides a
 * whole list for one unit. The controller checks that exactly one of the two shapes is used.
 */
export class BatchAssignDto {
  @ApiProperty({ type: [BatchAssignItemDto], required: false, maxItems: BATCH_MAX_ITEMS, description: `逐件交办方案（最多 ${BATCH_MAX_ITEMS} 件）；与 ids 二选一` })
  @IsOptional()
  @IsArray({ message: '交办方案必须是数组' })
  @ArrayMinSize(1, { message: '交办方案至少 1 件' })
  @ArrayMaxSize(BATCH_MAX_ITEMS, { message: `一次最多处理 ${BATCH_MAX_ITEMS} 件建议，请分批提交` })
  @IsObject({ each: true, message: '交办方案的每一项必须是对象' })
  @ValidateNested({ each: true })
  @Type(() => BatchAssignItemDto)
  items?: BatchAssignItemDto[];

  @BatchIdsField('建议编号', { optional: true })
  ids?: string[];

  @EnumField('办理方式', ASSIGNMENT_MODES, { optional: true, description: '与 ids 同用：全部建议的办理方式' })
  mode?: AssignmentMode;

  @IdListField('承办单位', { optional: true, minSize: 1, description: '与 ids 同用：全部建议的承办单位' })
  unitIds?: string[];

  @IdField('主办单位', { optional: true, description: '与 ids 同用：lead 方式的主办单位' })
  leadUnitId?: string;
}

export function assignCommand(plan: { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string }): SuggestionCommand {
  const data: { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string } = { mode: plan.mode, unitIds: plan.unitIds };
  if (plan.leadUnitId !== undefined) data.leadUnitId = plan.leadUnitId;
  return { type: 'AssignSuggestion', data };
}
