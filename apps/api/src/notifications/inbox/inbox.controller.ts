import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, InboxDoc, MarkReadOutcomeDoc } from '../../http/openapi';
import type { ReadModelQueries } from '@duban/read-models';
import { AuthUser, toActor } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Ids, RequestIds } from '../../http/correlation';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { NotificationIdPipe } from './notification-id.pipe';
import { INBOX_PAGE_SIZE_DEFAULT, InboxQueryDto } from './inbox.query.dto';
import { InboxReads, MarkReadOutcome } from './inbox-reads';
import { MarkReadDto } from './mark-read.dto';

/** Most unread notifications one "mark all read" covers; a longer backlog takes a second click. */
const READ_ALL_MAX = 2000;

/** Each person's inbox: what needs them, newest first, with read marks that are events too. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    private readonly reads: InboxReads,
    private readonly readAfter: ReadAfterService,
  ) {}

  @Get()
  @ApiOperation({ summary: '我的通知（最新在前，含未读数）' })
  @ApiOk(InboxDoc)
  async inbox(@Query() query: InboxQueryDto, @CurrentUser() user: AuthUser) {
    await this.readAfter.waitFor(query.after);
    return this.queries.inbox(toActor(user), { page: query.page ?? 1, pageSize: query.pageSize ?? INBOX_PAGE_SIZE_DEFAULT });
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: '将通知标记为已读' })
  @ApiOk(MarkReadOutcomeDoc)
  @ApiErrors(503)
  markRead(@Body() dto: MarkReadDto, @CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<MarkReadOutcome> {
    return this.reads.markRead(toActor(user), dto.ids, ids);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '将全部未读通知标记为已读' })
  @ApiOk(MarkReadOutcomeDoc)
  @ApiErrors(503)
  async markAllRead(@CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<MarkReadOutcome | { ids: string[]; position: null }> {
    const actor = toActor(user);
    const unread: string[] = [];
    for (let page = 1; unread.length < READ_ALL_MAX; page++) {
      const { items } = this.queries.inbox(actor, { page, pageSize: 100 });
      unread.push(...items.filter((item) => !item.read).map((item) => item.id));
      if (items.length < 100) break;
    }
    if (unread.length === 0) return { ids: [], position: null };
    return this.reads.markListed(actor, unread.slice(0, READ_ALL_MAX), ids);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '将一条通知标记为已读' })
  @ApiOk(MarkReadOutcomeDoc)
  @ApiErrors(404, 503)
  markOneRead(@Param('id', NotificationIdPipe) id: string, @CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<MarkReadOutcome> {
    return this.reads.markOneRead(toActor(user), id, ids);
  }
}
