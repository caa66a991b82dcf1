import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { SYSTEM_ACTOR } from '@duban/domain';
import { EVENT_STORE, type EventStore } from '@duban/event-store';
import { Clock } from '../clock/clock';
import { WORKING_CALENDAR } from '../infrastructure/tokens';
import { CALENDAR_STREAM } from './calendar-stream';
import { DeadlineRecomputeService } from './deadline-recompute.service';
import type { LiveWorkingCalendar } from './live-working-calendar';
import { loadedCalendarNotices } from './service-calendar';

/**
 * At start: the notices admins loaded earlier are applied to the calendar (they are events, the file
 * is configuration), then, in the background, deadlines still computed on provisional holidays of a
 * year that is official now (a notice in the override file or the store, or a newer calendar
 * package) are recomputed. Idempotent: what was recomputed before moves no more.
 */
@Injectable()
export class CalendarNoticesBoot implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('calendar');
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WORKING_CALENDAR) private readonly calendar: LiveWorkingCalendar,
    private readonly recompute: DeadlineRecomputeService,
    private readonly clock: Clock,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const notices = await loadedCalendarNotices(this.store).catch(() => CALENDAR_STREAM.decider.initialState());
    if (Object.keys(notices.years).length > 0) {
      this.calendar.apply(notices);
      this.logger.log(`applied the holiday notices loaded earlier: ${Object.keys(notices.years).join(', ')}`);
    }
    const thisYear = Number(this.clock.nowIso().slice(0, 4));
    const official = [thisYear - 1, thisYear, thisYear + 1].filter((year) => this.calendar.knowsYear(year));
    const reason = `已载入${official.join('、')}年国务院放假通知（启动时读取），按正式安排重算暂定期限`;
    // In the background: the service answers while old provisional deadlines are brought up to date.
    // It checks every suggestion with an open deadline (tens of thousands on a big store): it starts
    // once the server listens, so the restart of an upgrade is not held up by it.
    const start = (): void => {
      this.running = this.recompute.recompute(official, reason, SYSTEM_ACTOR).catch((error: unknown) => {
        this.logger.error(`recomputing deadlines at start failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server && !server.listening) server.once('listening', start);
    else start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.running;
  }
}
