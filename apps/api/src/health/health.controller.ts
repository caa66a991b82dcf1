import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiOk, HealthDoc } from '../http/openapi';
import type { Response } from 'express';
import { EVENT_STORE, EventStore, Position, formatPosition } from '@duban/event-store';
import type { Projector, ProjectorStatus } from '@duban/read-models';
import { Public } from '../auth/public.decorator';
import { Clock } from '../clock/clock';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/app-config';
import { StoreWriteHealth } from '../infrastructure/store-write-health';
import { PROJECTOR } from '../infrastructure/tokens';

/**
 * For load balancers and operators: 200 when the store answers and the projector follows (status
 * `degraded`, still 200, with parked streams or while a transient failure is retried), else 503.
 */
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
  @ApiOk(HealthDoc, { description: 'ok 或 degraded' })
  @ApiResponse({ status: 503, description: 'unavailable：事件存储不可用或投影已停止', type: HealthDoc })
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
    const verdict = healthVerdict(storeUp, projector);
    // Degraded stays 200: the instance still serves (stale for the held-back streams only, or
    // behind while a transient failure passes), and taking every instance out of a load balancer
    // for one bad event or a full disk they share would take the whole service down.
    res.status(verdict === 'unavailable' ? 503 : 200);
    return {
      status: verdict,
      store: { status: storeUp ? 'up' : 'down', kind: this.config.eventStore.kind, head: head && formatPosition(head), error: storeError, ...this.writeHealth.current() },
      projector: {
        status: projector.error !== null ? 'down' : projector.retrying ? 'retrying' : projector.running ? 'up' : 'down',
        checkpoint: checkpoint && formatPosition(checkpoint),
        eventsApplied: projector.eventsApplied,
        lag,
        error: projector.error,
        retrying: projector.retrying,
        lastTransientError: projector.lastTransientError,
        nextRetryAt: projector.nextRetryAt,
        parkedCount: projector.parkedCount,
        parked: projector.parked.map(({ streamId, revision, type, error, since }) => ({ streamId, revision, type, error, since })),
      },
      clock: { mode: this.clock.mode, now: this.clock.nowIso() },
      rulebook: this.config.rulebookId,
    };
  }
}

/**
 * unavailable (503): the store does not answer, or the projector stopped for good or is not
 * following yet. degraded (200): streams are parked, or a transient failure is being retried.
 */
export function healthVerdict(storeUp: boolean, projector: ProjectorStatus): 'ok' | 'degraded' | 'unavailable' {
  if (!storeUp || projector.error !== null) return 'unavailable';
  if (projector.retrying) return 'degraded';
  if (!projector.running) return 'unavailable';
  return projector.parkedCount > 0 ? 'degraded' : 'ok';
}
