import { Controller, ForbiddenException, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, SuggestionAuditDoc } from '../../http/openapi';
import { suggestionStreamId, type Role } from '@duban/domain';
import { EVENT_STORE, EventStore, type AuditKey } from '@duban/event-store';
import { verifyStreamChain } from '@duban/event-store/audit/verify-stream-chain';
import type { ReadModelQueries } from '@duban/read-models';
import { AUDIT_KEY } from '../../audit/audit-key.provider';
import { AuthUser, toActor } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { suggestionNotFound } from '../execution/suggestion-not-found';
import { SuggestionId } from '../http/suggestion-id.pipe';
import { SuggestionAudit, toSuggestionAudit } from './suggestion-audit';

const AUDITORS: readonly Role[] = ['staff', 'supervisor', 'admin'];

/**
 * The audit chain of one suggestion, verified from the store itself (not the read model): every
 * event's hash and the hash it points back to, and the verdict. For those who audit timelines.
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions')
export class SuggestionAuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(AUDIT_KEY) private readonly auditKey: AuditKey | null,
  ) {}

  @Get(':id/audit')
  @ApiOperation({ summary: '审计链：逐个事件的哈希与前一哈希，及是否完整（工作人员、督办人、管理员）' })
  @ApiOk(SuggestionAuditDoc)
  @ApiErrors(403, 404)
  async audit(@SuggestionId() id: string, @CurrentUser() user: AuthUser): Promise<SuggestionAudit> {
    // Who may not read the suggestion gets the detail's 404 before being told they may not audit
    // (a role check first would answer 403 for ids that exist and 404 for the others).
    if (!this.queries.canView(toActor(user), id)) throw suggestionNotFound();
    if (!AUDITORS.includes(user.role)) throw new ForbiddenException('只有代表工委工作人员或督办人或系统管理员可以执行此操作');
    const streamId = suggestionStreamId(id);
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw suggestionNotFound();
    return toSuggestionAudit(streamId, events, verifyStreamChain(events, this.auditKey));
  }
}
