import { ApiProperty } from '@nestjs/swagger';
import { SUGGESTION_STATUSES } from '@duban/domain';
import { SuggestionListItemDoc } from '../../suggestions/queries/suggestion-views.openapi';
import { UserRowDoc } from './views.doc';

/**
 * Response bodies of the supervision, disclosure and group routes, field for field with the
 * read-model interfaces named in each comment (libs/read-models supervision.types.ts and
 * published.types.ts, groups/groups.controller.ts, groups/member-result.ts).
 */

const ISO = { type: String, format: 'date-time' } as const;

/** Rate */
export class RateDoc {
  @ApiProperty({ type: 'integer' }) numerator!: number;
  @ApiProperty({ type: 'integer' }) denominator!: number;
  @ApiProperty({ type: Number, nullable: true, description: '比例（0–1），分母为 0 时为 null' }) value!: number | null;
}

/** StatsFigures and UnitStats */
export class UnitStatsDoc {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: 'integer' }) assigned!: number;
  @ApiProperty({ type: 'integer' }) answered!: number;
  @ApiProperty({ type: RateDoc, description: '按期答复率' }) answeredOnTime!: RateDoc;
  @ApiProperty({ type: 'integer' }) overdueNow!: number;
  @ApiProperty({ type: RateDoc, description: '联系代表率' }) contactRate!: RateDoc;
  @ApiProperty({ type: RateDoc, description: '满意率' }) satisfactionRate!: RateDoc;
  @ApiProperty({ type: 'integer' }) dissatisfied!: number;
  @ApiProperty({ description: '答复类别 { A, B, C, D }（全国四类），每项为 Rate' }) categories!: object;
  @ApiProperty({
    description: '按现行办理规则的答复类别分别统计（河南为 A–E 五类），每个类别代码都有，每项为 Rate（该类件数 / 答复件数）；类别名称见报告的 answerCategories',
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/RateDoc' },
  })
  byCategory!: Record<string, RateDoc>;
  @ApiProperty({ description: '承诺事项 { made, fulfilled, overdue, fulfilmentRate }' }) commitments!: object;
  @ApiProperty({ type: 'integer' }) rehandlings!: number;
}

/** supervision/period SupervisionPeriod: the period the figures count, as asked for (null: not asked). */
export class SupervisionPeriodDoc {
  @ApiProperty({ type: String, nullable: true, description: '届次编号' }) sessionId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '年度' }) year!: number | null;
  @ApiProperty({ ...ISO, nullable: true, description: '起点（含）；年度时为该年的起点' }) from!: string | null;
  @ApiProperty({ ...ISO, nullable: true, description: '终点（不含）；年度时为该年的终点' }) to!: string | null;
}

/** supervision/stats/category-legend CategoryLegendEntry */
export class AnswerCategoryLegendDoc {
  @ApiProperty({ description: '答复类别代码，如 A' }) code!: string;
  @ApiProperty({ description: '现行办理规则中该类别的名称' }) label!: string;
}

/** supervision/stats UnitStatsReport */
export class UnitStatsReportDoc extends SupervisionPeriodDoc {
  @ApiProperty(ISO) generatedAt!: string;
  @ApiProperty({ type: [AnswerCategoryLegendDoc], description: 'byCategory 统计的答复类别及其名称（现行办理规则的顺序）' }) answerCategories!: AnswerCategoryLegendDoc[];
  @ApiProperty({ type: [UnitStatsDoc], description: '每个单位的指标（单位次：交办给该单位的次数）' }) units!: UnitStatsDoc[];
}

/** supervision/queries OverviewReport */
export class OverviewDoc extends SupervisionPeriodDoc {
  @ApiProperty(ISO) generatedAt!: string;
  @ApiProperty({ type: [AnswerCategoryLegendDoc], description: 'totals.byCategory 统计的答复类别及其名称' }) answerCategories!: AnswerCategoryLegendDoc[];
  @ApiProperty({ description: '期间内各状态的建议件数（每个状态都有；日期期间按提交时间）', type: 'object', additionalProperties: { type: 'integer' } })
  byStatus!: Record<string, number>;
  @ApiProperty({ type: 'integer', description: '期间内的建议件数（byStatus 之和）' }) suggestions!: number;
  @ApiProperty({ type: 'integer', description: '期间内交办的建议件数（totals.assigned 所涉及的不同建议）' }) assignedSuggestions!: number;
  @ApiProperty({ description: '全部单位合计（StatsFigures，单位次：一件建议交办给两个单位计两次）' }) totals!: object;
}

/** DelegationStats */
export class DelegationStatsDoc {
  @ApiProperty({ type: String, nullable: true, description: '代表团编号；null 为不属于任何代表团的代表领衔的建议' }) delegationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) delegationName!: string | null;
  @ApiProperty({ type: 'integer', description: '建议件数：代表团自身提出的及其代表领衔的' }) suggestions!: number;
  @ApiProperty({ type: 'integer', description: '其中代表团自身提出的件数' }) byDelegation!: number;
  @ApiProperty({ type: RateDoc, description: '已交办件数 / 建议件数' }) assigned!: RateDoc;
  @ApiProperty({ type: RateDoc, description: '已答复件数 / 建议件数' }) answered!: RateDoc;
  @ApiProperty({ type: 'integer', description: '当前逾期未答复的件数' }) overdueNow!: number;
  @ApiProperty({ type: RateDoc, description: '满意与基本满意次数 / 评价次数' }) satisfactionRate!: RateDoc;
}

/** supervision/queries DelegationStatsReport */
export class DelegationStatsReportDoc extends SupervisionPeriodDoc {
  @ApiProperty(ISO) generatedAt!: string;
  @ApiProperty({ type: [DelegationStatsDoc] }) delegations!: DelegationStatsDoc[];
}

/** KeySuggestionItem */
export class KeySuggestionItemDoc {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) supervisorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) supervisorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) leaderName!: string | null;
  @ApiProperty({ type: [String] }) unitIds!: string[];
  @ApiProperty({ ...ISO, nullable: true }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: 'integer' }) urgeCount!: number;
  @ApiProperty() escalated!: boolean;
  @ApiProperty(ISO) startedAt!: string;
}

/** KeySupervisionReport */
export class KeySupervisionReportDoc {
  @ApiProperty({ type: [KeySuggestionItemDoc] }) items!: KeySuggestionItemDoc[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ description: '覆盖率 { both, supervisor, leader }，每项为 Rate' }) coverage!: object;
}

/** CommitmentItem */
export class CommitmentItemDoc {
  @ApiProperty() suggestionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() commitmentId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() description!: string;
  @ApiProperty(ISO) dueAt!: string;
  @ApiProperty(ISO) madeAt!: string;
  @ApiProperty({ ...ISO, nullable: true }) fulfilledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) evidence!: string | null;
  @ApiProperty({ enum: ['open', 'overdue', 'fulfilled'] }) status!: string;
}

/** CommitmentLedger */
export class CommitmentLedgerDoc {
  @ApiProperty({ type: [CommitmentItemDoc] }) items!: CommitmentItemDoc[];
  @ApiProperty({ type: 'integer' }) total!: number;
}

/** DeputyCommitmentReport */
export class DeputyCommitmentReportDoc {
  @ApiProperty() deputyId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ description: '{ made, fulfilled, open, overdue }' }) counts!: object;
  @ApiProperty({ type: RateDoc }) fulfilmentRate!: RateDoc;
  @ApiProperty({ type: [CommitmentItemDoc] }) items!: CommitmentItemDoc[];
}

/** DeputyArchive */
export class DeputyArchiveDoc {
  @ApiProperty({ type: UserRowDoc, nullable: true }) deputy!: UserRowDoc | null;
  @ApiProperty({ type: [SuggestionListItemDoc] }) suggestions!: SuggestionListItemDoc[];
  @ApiProperty({ description: '{ submitted, led, coSigned, answered, rated, satisfied, dissatisfied, byCategory }' }) outcomes!: object;
}

/** PublishedSuggestion */
export class PublishedSuggestionDoc {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() content!: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status!: string;
  @ApiProperty({ type: [String], nullable: true, description: '代表要求不公开姓名时为 null' }) deputyIds!: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) deputyNames!: string[] | null;
  @ApiProperty({ type: [String] }) unitIds!: string[];
  @ApiProperty({ type: [String] }) unitNames!: string[];
  @ApiProperty({ type: [Object], description: '答复（最早在前）' }) answers!: object[];
  @ApiProperty(ISO) publishedAt!: string;
}

/** PublishedSuggestionList */
export class PublishedSuggestionListDoc {
  @ApiProperty({ type: [PublishedSuggestionDoc], description: '最近公开的在前' }) items!: PublishedSuggestionDoc[];
  @ApiProperty({ type: 'integer' }) total!: number;
}

/** groups GroupView member */
export class GroupMemberDoc {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status!: string;
  @ApiProperty() leadDeputyId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
}

/** groups GroupView */
export class GroupViewDoc {
  @ApiProperty() groupId!: string;
  @ApiProperty() primarySuggestionId!: string;
  @ApiProperty({ type: [GroupMemberDoc] }) members!: GroupMemberDoc[];
}

/** groups GroupCommandResult */
export class GroupCommandResultDoc {
  @ApiProperty() groupId!: string;
  @ApiProperty({ type: [Object], description: '每件成员建议的结果（成功时含 revision 与 position，失败时含错误）' }) results!: object[];
  @ApiProperty({ type: String, nullable: true, description: '最后一个成员的位置，作为 ?after= 传入' }) position!: string | null;
}
