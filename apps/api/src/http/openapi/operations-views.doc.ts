import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Response bodies of the operational routes (health, clock, rulebook, audit, parked streams),
 * field for field with what each controller returns.
 */

/** health/health.controller.ts */
export class HealthDoc {
  @ApiProperty({ enum: ['ok', 'degraded', 'unavailable'], description: 'unavailable 时状态码为 503' }) status!: string;
  @ApiProperty({ description: '事件存储 { status: up|down, kind, head, error, …写入状况 }' }) store!: object;
  @ApiProperty({ description: '投影 { status, checkpoint, eventsApplied, lag, error, retrying, lastTransientError, nextRetryAt, parkedCount, parked }' }) projector!: object;
  @ApiProperty({ description: '时钟 { mode, now }' }) clock!: object;
  @ApiProperty({ description: '现行办理规则的编号' }) rulebook!: string;
}

/** clock/test-clock.controller.ts */
export class ClockDoc {
  @ApiProperty({ type: String, format: 'date-time' }) now!: string;
  @ApiProperty({ enum: ['system', 'manual'] }) mode!: string;
}

/** rulebook/rulebook.controller.ts: the rulebook in force, as configured (libs/domain rulebook-view.ts). */
export class CitationDoc {
  @ApiProperty({ description: '出处标题（法规名称，或「默认值」）' }) title!: string;
  @ApiPropertyOptional({ description: '法规文本文件名（shared/docs/regulations 下）；默认值时没有' }) file?: string;
  @ApiPropertyOptional({ description: '条，如「第十四条」；默认值时没有' }) article?: string;
  @ApiPropertyOptional({ enum: [true], description: '为 true 时表示没有找到条文依据的默认值' }) default?: boolean;
  @ApiPropertyOptional({ description: '说明（默认值时必有）' }) note?: string;
}

export class RulebookPeriodDoc {
  @ApiProperty({ description: '期限名（英文）' }) key!: string;
  @ApiProperty({ description: '中文名称' }) name!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: '未规定期限时为 null' }) amount!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'wd 工作日；d 日；m 月；未规定期限时为 null' }) unit!: string | null;
  @ApiProperty({ description: '中文说明，如「15 个工作日」' }) label!: string;
  @ApiProperty({ type: [CitationDoc], description: '出处（至少一项）' }) citations!: CitationDoc[];
}

export class RulebookRuleDoc {
  @ApiProperty({ description: '规则名（英文）' }) key!: string;
  @ApiProperty({ description: '中文名称' }) name!: string;
  @ApiProperty({ description: '规则内容（中文）' }) label!: string;
  @ApiProperty({ type: [CitationDoc], description: '出处（至少一项）' }) citations!: CitationDoc[];
}

export class RulebookDoc {
  @ApiProperty({ description: '规则编号' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '为 true 时本预设的数值没有找到法规文本依据（湖南、四川）' }) unsourced!: boolean;
  @ApiProperty({ type: [RulebookPeriodDoc] }) periods!: RulebookPeriodDoc[];
  @ApiProperty({ type: [RulebookRuleDoc], description: '期限以外的规则：答复类别、重新办理、联系代表、协办意见、延期、撤回、承诺事项评价' }) rules!: RulebookRuleDoc[];
  @ApiProperty({ type: [Object], description: '答复类别（代码、名称及是否须列承诺事项等）；出处见 rules 中的 answerCategories' }) answerCategories!: object[];
  @ApiProperty({ type: [String], description: '规则依据（法律法规条文）' }) sources!: string[];
}

/** suggestions/audit/suggestion-audit.ts SuggestionAudit */
export class SuggestionAuditDoc {
  @ApiProperty() streamId!: string;
  @ApiProperty({ enum: ['intact', 'broken'] }) verdict!: string;
  @ApiProperty({ type: [Object], description: '每个事件 { revision, type, hash, … }' }) events!: object[];
  @ApiPropertyOptional({ description: '哈希链首个断开处 { revision, code, reason }' }) brokenAt?: object;
}

/** audit/audit-seals.controller.ts LatestAuditSeal */
export class LatestAuditSealDoc {
  @ApiProperty() file!: string;
  @ApiProperty({ description: '封存记录：每个流的末端与存储头部，以 Ed25519 签名' }) seal!: object;
  @ApiProperty({ description: '验证签名的公钥（SPKI PEM）' }) publicKey!: string;
  @ApiProperty() keyId!: string;
}

/** read-models ParkedStream */
export class ParkedStreamDoc {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() position!: string;
  @ApiProperty() type!: string;
  @ApiProperty() error!: string;
  @ApiProperty({ type: String, format: 'date-time' }) since!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
}

export class ParkedStreamsDoc {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: [ParkedStreamDoc] }) items!: ParkedStreamDoc[];
}

/** read-models ParkedRetryReport */
export class ParkedRetryReportDoc {
  @ApiProperty({ type: [String] }) released!: string[];
  @ApiProperty({ type: [Object], description: '[{ streamId, error }]' }) stillParked!: object[];
}
