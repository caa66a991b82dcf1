import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, ETAG_HEADER, TimelineEntryDoc } from '../../http/openapi';
import type { Response } from 'express';
import type { SuggestionDetail, SuggestionList } from '@duban/read-models';
import { AuthUser, toActor } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { etag } from '../../http/if-match';
import { ListSuggestionsQueryDto } from '../dto/list-suggestions.query.dto';
import { SuggestionDetailQueryDto } from '../../supervision/looking-back/suggestion-detail.query.dto';
import { TimelineQueryDto } from '../../supervision/looking-back/timeline.query.dto';
import { ListSuggestionsQuery } from '../queries/list-suggestions.query';
import { GetSuggestionDetailQuery } from '../queries/suggestion-detail.query';
import { GetSuggestionTimelineQuery, type SuggestionTimeline } from '../queries/suggestion-timeline.query';
import { SuggestionDetailDoc, SuggestionListDoc } from '../queries/suggestion-views.openapi';
import { SuggestionId } from './suggestion-id.pipe';

/**
 * The HTTP side of the suggestion queries: each route turns its request into a typed query on the
 * QueryBus; the handlers (suggestions/queries) scope it to the viewer and read it.
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions')
export class SuggestionQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: '建议列表（按当前用户可见范围），每项带到期程度 dueLevel' })
  @ApiOkResponse({ type: SuggestionListDoc })
  list(@Query() query: ListSuggestionsQueryDto, @CurrentUser() user: AuthUser): Promise<SuggestionList> {
    return this.queryBus.execute(new ListSuggestionsQuery(query.toFilter(), toActor(user), query.after));
  }

  @Get(':id')
  @ApiOperation({ summary: '建议详情：当前状态、版本号、期限列表、当前用户可执行的操作（allowedActions）与最近期限（due）' })
  @ApiOkResponse({ type: SuggestionDetailDoc, headers: { ETag: { ...ETAG_HEADER, description: '当前版本号（带 ?asOf 回看时不返回）' } } })
  @ApiErrors(404)
  async detail(
    @SuggestionId() id: string,
    @Query() query: SuggestionDetailQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SuggestionDetail> {
    const detail = await this.queryBus.execute(new GetSuggestionDetailQuery(id, toActor(user), { asOf: query.asOf, after: query.after }));
    // A look back is not the current revision: it must not be used as an If-Match.
    if (query.asOf === undefined) res.setHeader('ETag', etag(detail.revision));
    return detail;
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: '建议的时间线：每个事件的版本、类型、时间、操作人与内容' })
  @ApiOk([TimelineEntryDoc], { description: '事件列表；带 ?withDeadlines=1 时为 { entries, deadlines }' })
  @ApiErrors(404)
  timeline(@SuggestionId() id: string, @Query() query: TimelineQueryDto, @CurrentUser() user: AuthUser): Promise<SuggestionTimeline> {
    return this.queryBus.execute(new GetSuggestionTimelineQuery(id, toActor(user), { withDeadlines: query.wantsDeadlines(), after: query.after }));
  }
}
