import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk, RulebookDoc } from '../http/openapi';
import type { Period, Rulebook } from '@duban/domain';
import { assertNever } from '@duban/domain';
import { RULEBOOK } from '../infrastructure/tokens';

const PERIOD_NAMES = {
  assignWithin: '交办期限（自提交起）',
  answerWithin: '答复期限（自交办起）',
  extendedAnswerMax: '延期答复最长期限（自交办起）',
  returnWithin: '申请退回期限（自交办起）',
  coOpinionWithin: '协办意见期限（自交办起）',
  contactWithin: '联系代表期限（自交办起）',
  feedbackWithin: '代表反馈期限（自答复起）',
  rehandlingWithin: '重新办理答复期限（自不满意评价起）',
  remindBefore: '到期前提醒',
} as const satisfies Record<string, string>;

type PeriodName = keyof typeof PERIOD_NAMES;

export function describePeriod(period: Period): string {
  switch (period.unit) {
    case 'wd':
      return `${period.amount} 个工作日`;
    case 'd':
      return `${period.amount} 日`;
    case 'm':
      return `${period.amount} 个月`;
    default:
      return assertNever(period.unit, 'period unit');
  }
}

/** The rulebook in force, for forms (answer categories) and for showing people their deadlines. */
@ApiTags('rulebook')
@ApiBearerAuth()
@Controller('rulebook')
export class RulebookController {
  constructor(@Inject(RULEBOOK) private readonly rulebook: Rulebook) {}

  @Get()
  @ApiOperation({ summary: '当前办理规则：期限与答复类别' })
  @ApiOk(RulebookDoc)
  get() {
    const names = Object.keys(PERIOD_NAMES) as PeriodName[];
    return {
      id: this.rulebook.id,
      name: this.rulebook.name,
      periods: names.map((key) => ({
        key,
        name: PERIOD_NAMES[key],
        amount: this.rulebook[key].amount,
        unit: this.rulebook[key].unit,
        label: describePeriod(this.rulebook[key]),
      })),
      answerCategories: this.rulebook.answerCategories,
      sources: this.rulebook.sources,
    };
  }
}
