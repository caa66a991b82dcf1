import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SimilarSuggestion, UnitSuggestion } from '@duban/read-models';
import { AuthUser, toActor } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors, ApiOk } from '../http/openapi';
import { AfterQueryDto } from '../read-consistency/after-query.dto';
import { SuggestionId } from '../suggestions/http/suggestion-id.pipe';
import { GetRoutingQuery, GetSimilarPublishedQuery, GetSimilarQuery } from './routing.queries';
import { SimilarSuggestionDoc, UnitSuggestionDoc } from './routing-views.openapi';
import { SimilarTextQueryDto } from './similar-text.query.dto';

/** 智能交办 and 解决一类: reads only; nothing here assigns or groups anything. */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions')
export class RoutingController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/routing')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: '智能交办：按本系统既往交办与退回记录，为该建议排序最可能的承办单位，并说明依据（工作人员、管理员；只作参考，不会自动交办）' })
  @ApiOk([UnitSuggestionDoc], { description: '最可能的在前' })
  @ApiErrors(403, 404)
  routing(@SuggestionId() id: string, @Query() query: AfterQueryDto): Promise<UnitSuggestion[]> {
    return this.queryBus.execute(new GetRoutingQuery(id, query.after));
  }

  @Get(':id/similar')
  @ApiOperation({ summary: '相似建议（解决一类）：与该建议内容相近、当前用户可查看的其他建议，附编号、状态与答复类别' })
  @ApiOk([SimilarSuggestionDoc], { description: '最相似的在前' })
  @ApiErrors(404)
  similar(@SuggestionId() id: string, @Query() query: AfterQueryDto, @CurrentUser() user: AuthUser): Promise<SimilarSuggestion[]> {
    return this.queryBus.execute(new GetSimilarQuery(id, toActor(user), query.after));
  }
}

/** While a deputy writes a suggestion: published ones on the same subject (anyone may read those). */
@ApiTags('public')
@Public()
@Controller('public/similar-suggestions')
export class PublicSimilarController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: '与一段文字（标题及正文开头）相似的已公开建议（无需登录）' })
  @ApiOk([SimilarSuggestionDoc], { description: '最相似的在前' })
  @ApiErrors(400)
  similar(@Query() query: SimilarTextQueryDto): Promise<SimilarSuggestion[]> {
    return this.queryBus.execute(new GetSimilarPublishedQuery(query.text));
  }
}
