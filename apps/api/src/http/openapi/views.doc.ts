import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@duban/domain';

/**
 * Response bodies of the routes outside the suggestion views (those are in
 * suggestions/queries/suggestion-views.openapi.ts). The bodies are plain objects; these classes
 * only describe them, field for field with the interfaces named in each comment.
 */

/** auth/auth-user.ts AuthUser */
export class AuthUserDoc {
  @ApiProperty({ description: '用户编号（即登录名）' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ description: '承办单位用户所属单位' }) unitId?: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ enum: [true], description: '为 true 时须先修改密码，其他接口返回 403' }) mustChangePassword?: true;
}

/** auth/auth.service.ts LoginResult */
export class LoginResultDoc {
  @ApiProperty({ description: '访问令牌：以 Authorization: Bearer <令牌> 发送' }) accessToken!: string;
  @ApiProperty({ type: AuthUserDoc }) user!: AuthUserDoc;
}

/** notifications/inbox/inbox-reads.ts MarkReadOutcome */
export class MarkReadOutcomeDoc {
  @ApiProperty({ type: [String], description: '记为已读的通知编号（含原已读的）' }) ids!: string[];
  @ApiProperty({ type: String, nullable: true, description: '作为 GET /api/inbox 的 ?after= 传入即可读到已读标记；没有可标记的通知时为 null' }) position!: string | null;
}

/** read-models inbox.types.ts InboxItem */
export class InboxItemDoc {
  @ApiProperty() id!: string;
  @ApiProperty() suggestionId!: string;
  @ApiProperty({ description: '通知种类（英文代码）' }) kind!: string;
  @ApiProperty({ description: '中文通知内容' }) message!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty() read!: boolean;
}

/** read-models inbox.types.ts Inbox */
export class InboxDoc {
  @ApiProperty({ type: [InboxItemDoc], description: '最新在前' }) items!: InboxItemDoc[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) unread!: number;
}

/** read-models UnitRow */
export class UnitRowDoc {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

/** read-models DelegationRow */
export class DelegationRowDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '例如 东城区代表团' }) name!: string;
  @ApiPropertyOptional({ description: '团长（人大代表）的登录名' }) headDeputyId?: string;
}

/** read-models SessionRow */
export class SessionRowDoc {
  @ApiProperty({ description: '会次编号（"legacy" 为内置的“未分会次”）' }) id!: string;
  @ApiProperty({ description: '例如 十六届人大三次会议' }) name!: string;
  @ApiProperty({ enum: ['congress', 'recess'], description: 'congress：大会期间；recess：闭会期间' }) kind!: string;
  @ApiProperty({ type: String, format: 'date' }) startsOn!: string;
  @ApiPropertyOptional({ type: String, format: 'date' }) endsOn?: string;
  @ApiProperty({ description: '已结束的会次不再接收建议' }) closed!: boolean;
  @ApiPropertyOptional({ type: String, format: 'date', description: '大会期间建议的交办日期' }) assignOn?: string;
}

/** read-models UserRow */
export class UserRowDoc {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional() unitId?: string;
}

/** GET /api/users: a UserRow with whether the account may sign in. */
export class UserListRowDoc extends UserRowDoc {
  @ApiProperty({ description: '已停用的账号为 false' }) active!: boolean;
  @ApiPropertyOptional({ description: '人大代表所属代表团' }) delegationId?: string;
  @ApiPropertyOptional({ description: '人大代表的电话号码（仅工作人员与管理员可见）' }) phone?: string;
}

/** accounts/profile.view.ts ProfileView: GET /api/auth/profile */
export class ProfileViewDoc {
  @ApiProperty({ description: '用户编号（即登录名）' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ description: '承办单位用户所属单位' }) unitId?: string;
  @ApiPropertyOptional({ description: '人大代表所属代表团' }) delegationId?: string;
  @ApiPropertyOptional({ description: '人大代表的电话号码' }) phone?: string;
}

/** accounts/profile.view.ts DeputyContact: GET /api/suggestions/:id/deputy-contacts */
export class DeputyContactDoc {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['lead', 'co'], description: 'lead：领衔代表；co：附议代表' }) role!: string;
  @ApiPropertyOptional({ description: '电话号码；代表未登记时没有此项' }) phone?: string;
}

/** read-models TimelineEntry */
export class TimelineEntryDoc {
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ description: '事件类型（英文）' }) type!: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: '执行者 { userId, role, unitId? }' }) actor!: object;
  @ApiProperty({ description: '事件内容（随事件类型而定）' }) data!: object;
}
