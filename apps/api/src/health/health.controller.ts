import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, EventStore, Position, formatPosition } from '@duban/event-store';
import type { Projector } from '@duban/read-models';
import { Public } from '../auth/public.decorator';
import { Clock } from '../clock/clock';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/app-config';
import { StoreWriteHealth } from '../infrastructure/store-write-health';
import { PROJECTOR } from '../infrastructure/tokens';

/** For load balancers and operators: 200 when the store answers and the projector follows, else 503. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly writeHealth: StoreWriteHealth,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '健康检查（无需登录）：事件存储与投影状态、投影滞后' })
  async health(@Res({ passthrough: true }) res: Response) {
    let head: Position | null = null;
    let storeError: string | null = null;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      storeError = error instanceof Error ? error.message : String(error);
    }
    const projector = this.projector.status();
    const checkpoint = projector.checkpoint;
    // Commit numbers are event counts in the embedded store and byte offsets in EventStoreDB.
    const lag = head === null ? 0 : Number(head.commit - (checkpoint?.commit ?? -1n));
    const storeUp = storeError === null;
    const projectorUp = projector.running && projector.error === null;
    res.status(storeUp && projectorUp ? 200 : 503);
    return {
      status: storeUp && projectorUp ? 'ok' : 'unavailable',
      store: { status: storeUp ? 'up' : 'down', kind: this.config.eventStore.kind, head: head && formatPosition(head), error: storeError, ...this.writeHealth.current() },
      projector: {
        status: projectorUp ? 'up' : 'down',
        checkpoint: checkpoint && formatPosition(checkpoint),
        eventsApplied: projector.eventsApplied,
        lag,
        error: projector.error,
      },
      clock: { mode: this.clock.mode, now: this.clock.nowIso() },
      rulebook: this.config.rulebookId,
    };
  }
}
