import { Global, Module } from '@nestjs/common';
import { ApiMetrics } from './metrics/api-metrics';
import { MetricsController } from './metrics/metrics.controller';

/** Metrics for every module (commands count themselves) and their scrape endpoint. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [ApiMetrics],
  exports: [ApiMetrics],
})
export class ObservabilityModule {}
