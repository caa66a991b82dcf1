import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller';
import { InboxReads } from './inbox/inbox-reads';
import { accessTokenFromQuery } from './live/access-token-from-query';
import { EventsStreamController } from './live/events-stream.controller';
import { LiveChanges } from './live/live-changes';

/** The inbox (GET /api/inbox, read marks) and the live stream of changes (GET /api/events/stream). */
@Module({
  controllers: [InboxController, EventsStreamController],
  providers: [InboxReads, LiveChanges],
})
export class NotificationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(accessTokenFromQuery).forRoutes({ path: 'events/stream', method: RequestMethod.GET });
  }
}
