import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk, PublishedSuggestionDoc, PublishedSuggestionListDoc } from '../http/openapi';
import { ApiErrors } from '../http/openapi';
import type { ReadModelQueries } from '@duban/read-models';
import { Public } from '../auth/public.decorator';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { SuggestionId } from '../suggestions/http/suggestion-id.pipe';
import { PUBLIC_PAGE_SIZE_DEFAULT, PublicSuggestionsQueryDto } from './public-suggestions.query.dto';

/**
 * What the public reads without signing in: published suggestions and their answers only, built
 * from the domain's public view, so ratings, commitments, contacts and hidden deputies never leave.
 * A suggestion that is not published (or exempt) answers 404, exactly like one that does not exist.
 */
@ApiTags('public')
@Public()
@Controller('public/suggestions')
export class PublicSuggestionsController {
  constructor(@Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries) {}

  @Get()
  @ApiOperation({ summary: '已公开的建议及答复（无需登录）' })
  @ApiOk(PublishedSuggestionListDoc)
  list(@Query() query: PublicSuggestionsQueryDto) {
    const q = query.q?.trim();
    return this.queries.publishedSuggestions({
      page: query.page ?? 1,
      pageSize: query.pageSize ?? PUBLIC_PAGE_SIZE_DEFAULT,
      ...(q ? { q } : {}),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: '一件已公开建议及其答复（无需登录）' })
  @ApiOk(PublishedSuggestionDoc)
  @ApiErrors(404)
  detail(@SuggestionId() id: string) {
    const view = this.queries.publishedSuggestion(id);
    if (!view) throw new NotFoundException('该建议不存在或未公开');
    return view;
  }
}
