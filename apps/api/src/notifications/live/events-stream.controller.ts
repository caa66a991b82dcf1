import { Controller, Query, Sse, MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOkContent } from '../../http/openapi';
import type { Observable } from 'rxjs';
import { AuthUser, toActor } from '../../auth/auth-user';
import { CurrentSession, CurrentUser } from '../../auth/current-user.decorator';
import type { Session } from '../../auth/sessions/session';
import { SessionRegistry } from '../../auth/sessions/session-registry';
import { LiveChanges } from './live-changes';
import { untilSessionEnds } from './until-session-ends';
import { StreamQueryDto } from './stream.query.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('events')
export class EventsStreamController {
  constructor(
    private readonly live: LiveChanges,
    private readonly sessions: SessionRegistry,
  ) {}

  @Sse('stream')
  @ApiOkContent('text/event-stream', '事件流：每条 data 为一次变更的 JSON')
  @ApiOperation({
    summary:
      '实时变更（Server-Sent Events）：当前用户可见的每次变更，每 15 秒一次心跳注释；令牌可用 access_token 查询参数传递。令牌到期、退出登录或账号变更时连接关闭',
  })
  stream(@Query() _query: StreamQueryDto, @CurrentUser() user: AuthUser, @CurrentSession() session: Session): Observable<MessageEvent> {
    return this.live.forViewer(toActor(user)).pipe(untilSessionEnds(session, this.sessions));
  }
}
