import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { suggestionStreamId } from '@duban/domain';
import { EVENT_STORE, EventStore } from '@duban/event-store';
import { verifyStreamChain } from '@duban/event-store/audit/verify-stream-chain';
import { Roles } from '../../auth/roles.decorator';
import { SuggestionId } from '../http/suggestion-id.pipe';
import { SuggestionAudit, toSuggestionAudit } from './suggestion-audit';

/**
 * The audit chain of one suggestion, verified from the store itself (not the read model): every
 * event's hash and the hash it points back to, and the verdict. For those who audit timelines.
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions')
export class SuggestionAuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/audit')
  @Roles('staff', 'supervisor', 'admin')
  @ApiOperation({ summary: '审计链：逐个事件的哈希与前一哈希，及是否完整（工作人员、督办人、管理员）' })
  async audit(@SuggestionId() id: string): Promise<SuggestionAudit> {
    const streamId = suggestionStreamId(id);
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new NotFoundException('建议不存在');
    return toSuggestionAudit(streamId, events, verifyStreamChain(events));
  }
}
