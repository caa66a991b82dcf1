import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DUE_LEVELS, OBLIGATION_KINDS, SUGGESTION_ACTIONS, SUGGESTION_STATUSES } from '@duban/domain';

/**
 * The OpenAPI description of the suggestion views (the response bodies are the plain objects the
 * domain and read model make; these classes only describe them). Every time is an ISO-8601 string
 * with its offset.
 */

const ISO = { type: String, format: 'date-time' } as const;
const DEADLINE_STATUSES = ['open', 'met', 'late', 'missed', 'ended'];

export class DeadlineViewDoc {
  @ApiProperty({ enum: OBLIGATION_KINDS, description: '期限种类：交办、申请退回、协办意见、联系代表、答复、重新办理、代表评价、承诺事项' })
  kind!: string;
  @ApiPropertyOptional({ description: '承办单位（单位的期限）' })
  unitId?: string;
  @ApiPropertyOptional({ description: '承诺事项编号' })
  commitmentId?: string;
  @ApiPropertyOptional({ description: '答复轮次' })
  round?: number;
  @ApiProperty({ ...ISO, description: '截止时间' })
  dueAt!: string;
  @ApiProperty({ enum: DEADLINE_STATUSES, description: 'open 未到期；met 按时完成；late 逾期完成；missed 逾期未完成；ended 到期前终止（延期、退回、撤回等）' })
  status!: string;
  @ApiProperty({ ...ISO, description: '期限设定时间' })
  openedAt!: string;
  @ApiPropertyOptional({ ...ISO, description: '完成时间' })
  metAt?: string;
  @ApiPropertyOptional({ ...ISO, description: '终止时间' })
  endedAt?: string;
  @ApiPropertyOptional({ ...ISO, description: '提醒记录时间' })
  remindedAt?: string;
  @ApiPropertyOptional({ ...ISO, description: '逾期记录时间' })
  missedAt?: string;
  @ApiPropertyOptional({ enum: [true], description: '暂定：截止时间按尚未发布正式放假通知的年份推算（只含法定节假日，不含调休），正式通知载入后重新计算' })
  provisional?: true;
}

export class DueViewDoc {
  @ApiProperty({ ...ISO, description: '对当前用户最要紧的下一个截止时间' })
  at!: string;
  @ApiProperty({ enum: DUE_LEVELS, description: 'overdue 已逾期；due_soon 即将到期（按办理规则的提醒期限和工作日历计算）；fine 正常' })
  level!: string;
  @ApiProperty({ enum: OBLIGATION_KINDS })
  kind!: string;
  @ApiPropertyOptional({ enum: [true], description: '暂定（见截止时间的 provisional）' })
  provisional?: true;
}

export class UnitHandlingDoc {
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ['sole', 'lead', 'co', 'separate'] }) role!: string;
  @ApiProperty({ enum: ['handling', 'answered', 'rehandling', 'rated', 'not_rated'] }) stage!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ ...ISO, description: '现行答复期限' }) dueAt!: string;
  @ApiPropertyOptional(ISO) contactedAt?: string;
  @ApiPropertyOptional(ISO) feedbackDueAt?: string;
  @ApiPropertyOptional({ description: '协办意见 { content, submittedAt }' }) coOpinion?: object;
  @ApiPropertyOptional({ ...ISO, description: '申请延期时已经错过的答复期限：延期不消除已经发生的逾期，本轮答复记为逾期' }) lateSince?: string;
  @ApiPropertyOptional({ ...ISO, description: '领衔代表首次查阅本轮答复的时间（送达）' }) deliveredAt?: string;
  @ApiProperty({ type: [Object], description: '答复 [{ round, category, content, signedBy, answeredAt, onTime, commitmentIds }]' }) answers!: object[];
  @ApiProperty({ type: [Object], description: '评价 [{ round, attitude, result, reason?, ratedAt, ratedBy }]' }) ratings!: object[];
  @ApiProperty() dissatisfiedCount!: number;
}

export class AssignmentDoc {
  @ApiProperty({ enum: ['sole', 'lead', 'separate'] }) mode!: string;
  @ApiProperty(ISO) assignedAt!: string;
  @ApiProperty({ description: '{ answerDueAt, extensionMaxAt, returnDueAt, contactDueAt, coOpinionDueAt? }（均为 ISO 时间）' }) deadlines!: object;
  @ApiProperty({ type: [UnitHandlingDoc] }) units!: UnitHandlingDoc[];
  @ApiPropertyOptional({ description: '待审批的退回申请 { unitId, reason, requestedAt }' }) pendingReturn?: object;
  @ApiPropertyOptional({ description: '待审批的延期申请 { unitId, reason, requestedAt, until }' }) pendingExtension?: object;
  @ApiPropertyOptional(ISO) feedbackDueAt?: string;
}

/** `GET /api/suggestions/:id`. Fields after `status` depend on it (assignment once assigned, …). */
export class SuggestionDetailDoc {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() content!: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status!: string;
  @ApiProperty({ description: '版本号（与 ETag 相同），用于 If-Match' }) revision!: number;
  @ApiProperty() leadDeputyId!: string;
  @ApiProperty({ type: [String] }) coSignerIds!: string[];
  @ApiProperty(ISO) submittedAt!: string;
  @ApiPropertyOptional(ISO) acceptedAt?: string;
  @ApiPropertyOptional({ ...ISO, description: '已立案：交办期限' }) assignDueAt?: string;
  @ApiPropertyOptional() rejectedReason?: string;
  @ApiPropertyOptional(ISO) rejectedAt?: string;
  @ApiPropertyOptional() withdrawnReason?: string;
  @ApiPropertyOptional(ISO) withdrawnAt?: string;
  @ApiPropertyOptional({ type: AssignmentDoc, description: '现行交办（交办后）' }) assignment?: AssignmentDoc;
  @ApiProperty({ type: [AssignmentDoc], description: '因退回结束的交办' }) previousAssignments!: AssignmentDoc[];
  @ApiPropertyOptional({ description: '重点督办 { supervisorId, leaderName?, startedAt }' }) keySupervision?: object;
  @ApiProperty({ type: [Object], description: '催办 [{ note, urgedAt, urgedBy }]' }) urges!: object[];
  @ApiProperty({ type: [Object], description: '承诺事项 [{ commitmentId, unitId, description, dueAt, madeAt, fulfilledAt?, evidence? }]' }) commitments!: object[];
  @ApiProperty({ type: [Object], description: '退回、延期申请的审批 [{ unitId, kind, reason, until?, requestedAt, approved, decidedAt, decisionReason? }]' }) decisions!: object[];
  @ApiProperty() escalated!: boolean;
  @ApiProperty() hideDeputyName!: boolean;
  @ApiProperty({ description: '公开情况 { status: unpublished | published | exempt, at?, reason?, note? }' }) disclosure!: object;
  @ApiProperty({ description: '所属会次（届次/会次）编号' }) sessionId!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: '会次内的建议编号（立案时编定，显示为 第0123号）' }) number?: number;
  @ApiPropertyOptional({ description: '以代表团名义提出时：代表团编号（由团长评价）' }) delegationId?: string;
  @ApiPropertyOptional({ description: '工作人员代代表登记时：登记人' }) registeredBy?: string;
  @ApiPropertyOptional() groupId?: string;
  @ApiPropertyOptional({ description: '并案 { primarySuggestionId, memberIds, groupedAt }' }) group?: object;
  @ApiPropertyOptional({
    type: [Object],
    description: '附件 [{ attachmentId, sha256, name, size, contentType, kind: material | letter, addedAt, addedBy, unitId?, answeredRound?, discardedAt? }]；答复中的 letters 列出该答复所附的答复函',
  })
  attachments?: object[];
  @ApiProperty({ type: [DeadlineViewDoc], description: '设定过的每个期限及其完成情况' }) deadlines!: DeadlineViewDoc[];
  @ApiProperty({ enum: SUGGESTION_ACTIONS, isArray: true, description: '当前用户此刻可以执行的操作（即 POST /api/suggestions/:id/<路径> 的命令名）' })
  allowedActions!: string[];
  @ApiProperty({ type: DueViewDoc, nullable: true, description: '对当前用户最要紧的下一个期限；无则为 null' }) due!: DueViewDoc | null;
}

export class SuggestionListItemDoc {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status!: string;
  @ApiProperty() deputyId!: string;
  @ApiProperty({ type: [String] }) unitIds!: string[];
  @ApiProperty({ ...ISO, nullable: true, description: '当前状态下的下一个截止时间' }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ enum: DUE_LEVELS, nullable: true, description: 'overdue 已逾期；due_soon 即将到期；fine 正常；无截止时间为 null' }) dueLevel!: string | null;
  @ApiProperty({ description: '暂定：截止日所在年份尚未载入国务院正式放假通知（按法定节假日推算，通知载入后重新计算）' }) provisional!: boolean;
  @ApiProperty() keySupervised!: boolean;
  @ApiProperty() revision!: number;
  @ApiProperty(ISO) submittedAt!: string;
  @ApiProperty(ISO) updatedAt!: string;
  @ApiProperty({ description: '所属会次（届次/会次）编号' }) sessionId!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: '会次内的建议编号（立案后），显示为 第0123号' }) number?: number;
  @ApiPropertyOptional({ description: '以代表团名义提出时：代表团编号' }) delegationId?: string;
}

export class SuggestionListDoc {
  @ApiProperty({ type: [SuggestionListItemDoc] }) items!: SuggestionListItemDoc[];
  @ApiProperty() total!: number;
}
