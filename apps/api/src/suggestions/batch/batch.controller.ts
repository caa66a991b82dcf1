import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountDirectory } from '../../accounts/account-directory';
import { AuthUser, toActor } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { Ids, RequestIds } from '../../http/correlation';
import { ApiErrors, ApiOk } from '../../http/openapi';
import type { FieldError } from '../../http/validation/field-error';
import { BatchCommands, BatchItem } from './batch-commands';
import { assignCommand, BatchAcceptDto, BatchAssignDto } from './batch.dto';
import { BatchResultDoc } from './batch.doc';
import type { BatchResult } from './batch-result';

/**
 * 批量立案 and 批量交办: after the congress meets, staff register and assign hundreds of
 * suggestions at once. Each item is its own command with its own outcome (see BatchCommands);
 * the request as a whole is refused only when its shape is wrong, before anything runs.
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions/batch')
export class BatchController {
  constructor(
    private readonly batch: BatchCommands,
    private readonly directory: AccountDirectory,
  ) {}

  @Post('accept')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiOperation({ summary: '批量立案（工作人员）：逐件立案，逐件报告结果（status 为该件单独请求时的状态码）' })
  @ApiOk(BatchResultDoc)
  @ApiErrors(400, 403, 413, 503)
  accept(@Body() dto: BatchAcceptDto, @CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<BatchResult> {
    const items: BatchItem[] = dto.ids.map((id) => ({ id, command: { type: 'AcceptSuggestion', data: {} } }));
    return this.batch.run(items, toActor(user), { correlationId: ids.correlationId, causationId: ids.requestId });
  }

  @Post('assign')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiOperation({
    summary: '批量交办（工作人员）：items 逐件给出办理方式与承办单位，或 ids 加一个共同方案；逐件交办，逐件报告结果',
  })
  @ApiOk(BatchResultDoc)
  @ApiErrors(400, 403, 413, 503)
  assign(@Body() dto: BatchAssignDto, @CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<BatchResult> {
    const plans = plansOf(dto);
    // The single route's unit check, once per distinct set of units (a 交办会 uses few of them).
    const unitChecks = new Map<string, Promise<void>>();
    const requireUnits = (unitIds: string[]): Promise<void> => {
      const key = [...unitIds].sort().join('\u0000');
      let check = unitChecks.get(key);
      if (!check) unitChecks.set(key, (check = this.directory.requireUnits('unitIds', unitIds)));
      return check;
    };
    const items: BatchItem[] = plans.map((plan) => ({ id: plan.id, command: assignCommand(plan), precheck: () => requireUnits(plan.unitIds) }));
    return this.batch.run(items, toActor(user), { correlationId: ids.correlationId, causationId: ids.requestId });
  }
}

type Plan = { id: string; mode: NonNullable<BatchAssignDto['mode']>; unitIds: string[]; leadUnitId?: string };

/** The items of either body shape, or a 400 naming what is missing or mixed. */
function plansOf(dto: BatchAssignDto): Plan[] {
  const shared = (['ids', 'mode', 'unitIds', 'leadUnitId'] as const).filter((key) => dto[key] !== undefined);
  if (dto.items !== undefined) {
    if (shared.length > 0) throw badRequest(shared.map((field) => ({ field, message: '已给出 items（逐件方案）时不能再给共同方案的字段' })));
    const seen = new Map<string, number>();
    const duplicates: FieldError[] = [];
    dto.items.forEach((item, index) => {
      if (seen.has(item.id)) duplicates.push({ field: `items.${index}.id`, message: `建议「${item.id}」在第 ${seen.get(item.id)! + 1} 项已出现，同一件建议只能交办一次` });
      else seen.set(item.id, index);
    });
    if (duplicates.length > 0) throw badRequest(duplicates);
    return dto.items.map((item) => ({ ...item }));
  }
  const missing: FieldError[] = [];
  if (dto.ids === undefined) missing.push({ field: 'items', message: '必填：给出 items（逐件方案），或 ids 加共同方案（mode、unitIds）' });
  else {
    if (dto.mode === undefined) missing.push({ field: 'mode', message: '必填' });
    if (dto.unitIds === undefined) missing.push({ field: 'unitIds', message: '必填' });
  }
  if (missing.length > 0) throw badRequest(missing);
  const plan = { mode: dto.mode!, unitIds: dto.unitIds!, ...(dto.leadUnitId !== undefined ? { leadUnitId: dto.leadUnitId } : {}) };
  return dto.ids!.map((id) => ({ id, ...plan }));
}

function badRequest(errors: FieldError[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors });
}
