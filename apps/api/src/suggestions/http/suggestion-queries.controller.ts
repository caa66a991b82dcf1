import { Controller, Get, Inject, NotFoundException, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DeadlineOutcome } from '@duban/domain';
import { EVENT_STORE, type EventStore } from '@duban/event-store';
import type { ReadModelQueries, SuggestionDetail, SuggestionList, TimelineEntry } from '@duban/read-models';
import { AuthUser, toActor } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Clock } from '../../clock/clock';
import { etag } from '../../http/if-match';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { ListSuggestionsQueryDto } from '../dto/list-suggestions.query.dto';
import { suggestionAsOf } from '../../supervision/looking-back/suggestion-as-of';
import { SuggestionDetailQueryDto } from '../../supervision/looking-back/suggestion-detail.query.dto';
import { TimelineQueryDto } from '../../supervision/looking-back/timeline.query.dto';
import { suggestionNotFound } from '../execution/suggestion-not-found';
import { readSuggestionTimeline, readTimelineWithDeadlines } from '../timeline/suggestion-timeline';
import { SuggestionId } from './suggestion-id.pipe';

/**
 * Reads come from the read model, scoped to the viewer; a timeline (and a detail ?asOf) from the
 * suggestion's stream. A suggestion the viewer may not see answers 404 like a missing one, so ids
 * cannot be probed for existence.
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions')
export class SuggestionQueriesController {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly readAfter: ReadAfterService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: '建议列表（按当前用户可见范围）' })
  async list(@Query() query: ListSuggestionsQueryDto, @CurrentUser() user: AuthUser): Promise<SuggestionList> {
    await this.readAfter.waitFor(query.after);
    return this.queries.listSuggestions(query.toFilter(), toActor(user), this.clock.nowIso());
  }

  @Get(':id')
  @ApiOperation({ summary: '建议详情：当前完整状态与版本号' })
  async detail(
    @SuggestionId() id: string,
    @Query() query: SuggestionDetailQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SuggestionDetail> {
    await this.readAfter.waitFor(query.after);
    const visible = await this.visible(id, user);
    // ?asOf: folded from the stream up to that instant (回溯); who may look is decided as of now.
    if (visible && query.asOf !== undefined) {
      const then = await suggestionAsOf(this.store, id, query.asOf);
      if (!then) throw new NotFoundException('该时间点建议尚未提交');
      return then;
    }
    const detail = visible ? await this.queries.getSuggestion(id) : null;
    if (!detail) throw suggestionNotFound();
    res.setHeader('ETag', etag(detail.revision));
    return detail;
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: '建议的时间线：每个事件的版本、类型、时间、操作人与内容' })
  @ApiOkResponse({ description: 'TimelineEntry[]: [{ revision, type, occurredAt, actor, data }]; with ?withDeadlines=1 { entries, deadlines }' })
  async timeline(
    @SuggestionId() id: string,
    @Query() query: TimelineQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TimelineEntry[] | { entries: TimelineEntry[]; deadlines: DeadlineOutcome[] }> {
    await this.readAfter.waitFor(query.after);
    if (!(await this.visible(id, user))) throw suggestionNotFound();
    // Who may look is the read model's answer; what happened is the stream's (it is never behind).
    // The plain array stays the default answer; ?withDeadlines=1 adds each deadline met or missed.
    if (!query.wantsDeadlines()) return readSuggestionTimeline(this.store, id);
    return readTimelineWithDeadlines(this.store, id, this.clock.nowIso());
  }

  private async visible(id: string, user: AuthUser): Promise<boolean> {
    return this.queries.canView(toActor(user), id);
  }
}
