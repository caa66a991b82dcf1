import { Module } from '@nestjs/common';
import { GetRoutingHandler, GetSimilarHandler, GetSimilarPublishedHandler } from './routing.queries';
import { PublicSimilarController, RoutingController } from './routing.controller';
import { RoutingIndexService } from './routing-index.service';

/** 智能交办 (units ranked from this installation's own history) and 解决一类 (similar suggestions). */
@Module({
  controllers: [RoutingController, PublicSimilarController],
  providers: [RoutingIndexService, GetRoutingHandler, GetSimilarHandler, GetSimilarPublishedHandler],
})
export class RoutingModule {}
