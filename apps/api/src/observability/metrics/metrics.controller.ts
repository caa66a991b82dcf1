import { Controller, Get, Header, Headers, Inject, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOkContent } from '../../http/openapi';
import { timingSafeEqual } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@duban/event-store';
import type { Projector } from '@duban/read-models';
import { Public } from '../../auth/public.decorator';
import { Clock } from '../../clock/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { PROJECTOR } from '../../infrastructure/tokens';
import { ApiMetrics } from './api-metrics';
import { measureProjectorLag } from './projector-lag';
import { storeHeadUnit, storeHeadValue } from './store-head';

/**
 * Prometheus scrape target. Open like /api/health (a scraper holds no user session); with
 * METRICS_TOKEN set it needs `Authorization: Bearer <METRICS_TOKEN>` instead.
 */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ApiMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus 指标（无需登录；设置 METRICS_TOKEN 后须携带该令牌）' })
  @ApiOkContent('text/plain', 'Prometheus 文本格式（version 0.0.4）')
  @ApiErrors(401)
  async scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    this.authorize(authorization);
    const lag = await measureProjectorLag(this.store, this.projector, this.clock.now().getTime());
    this.metrics.projectorLagEvents.set(lag.events);
    this.metrics.projectorLagSeconds.set(lag.seconds);
    this.metrics.projectorUp.set(lag.running ? 1 : 0);
    const projector = this.projector.status();
    this.metrics.projectorParkedStreams.set(projector.parkedCount);
    this.metrics.projectorRetrying.set(projector.retrying ? 1 : 0);
    this.metrics.storeHead.set({ unit: storeHeadUnit(this.config.eventStore.kind) }, storeHeadValue(await this.store.headPosition()));
    return this.metrics.render();
  }

  private authorize(authorization: string | undefined): void {
    const expected = this.config.metricsToken;
    if (expected === undefined) return;
    const given = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new UnauthorizedException('需要指标令牌（METRICS_TOKEN）');
  }
}
