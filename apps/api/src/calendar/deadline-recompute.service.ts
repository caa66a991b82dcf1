import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { decideSuggestion, DomainError, type Actor, type Rulebook, type SuggestionCommand } from '@duban/domain';
import { EVENT_STORE, type EventStore } from '@duban/event-store';
import type { Projector, ReadModelQueries } from '@duban/read-models';
import { Clock } from '../clock/clock';
import { PROJECTOR, READ_MODEL_QUERIES, RULEBOOK, WORKING_CALENDAR } from '../infrastructure/tokens';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import type { LiveWorkingCalendar } from './live-working-calendar';

/** What one recompute did, for the upload's answer and the log. */
export interface RecomputeReport {
  years: number[];
  /** Suggestions that could owe something by a computed due time. */
  checked: number;
  /** Suggestions that got a DeadlinesRecomputed event. */
  changed: number;
  /** Due times moved, over all of them. */
  deadlinesMoved: number;
  failed: number;
}

/** Progress is logged every this many suggestions. */
const PROGRESS_EVERY = 500;
const PROJECTOR_WAIT_MS = 10_000;
/** Longest stretch of checking without letting requests in (the check itself never waits on I/O). */
const YIELD_EVERY_MS = 20;

/**
 * Once a notice makes `years` official: every suggestion that may owe something by a computed due
 * time is asked to RecomputeDeadlines, through the command pipeline (so each change is an event on
 * its own stream, with who and why). The read model's stored state is tried first with the same
 * pure rule, so only the suggestions whose deadlines really move are read and appended to.
 */
@Injectable()
export class DeadlineRecomputeService {
  private readonly logger = new Logger('calendar');

  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
    @Inject(WORKING_CALENDAR) private readonly calendar: LiveWorkingCalendar,
  ) {}

  async recompute(years: number[], reason: string, actor: Actor, cause?: { correlationId: string; causationId: string }): Promise<RecomputeReport> {
    const report: RecomputeReport = { years, checked: 0, changed: 0, deadlinesMoved: 0, failed: 0 };
    if (years.length === 0) return report;
    await this.waitForProjector();
    const command: SuggestionCommand = { type: 'RecomputeDeadlines', data: { years, reason } };
    const ids = this.queries.suggestionsWithOpenDeadlines();
    const correlationId = cause?.correlationId ?? `calendar-${randomUUID()}`;
    const causationId = cause?.causationId ?? correlationId;
    this.logger.log(`recomputing provisional deadlines for ${years.join(', ')}: ${ids.length} suggestion(s) to check`);
    let since = Date.now();
    for (const id of ids) {
      if (Date.now() - since >= YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        since = Date.now();
      }
      report.checked += 1;
      const moved = this.decidedChanges(id, command, actor);
      if (moved > 0) {
        try {
          const before = this.queries.getSuggestion(id)?.revision;
          const outcome = await this.commandBus.execute(new RunSuggestionCommand(id, command, actor, { correlationId, causationId }));
          if (outcome.revision !== before) {
            report.changed += 1;
            report.deadlinesMoved += moved;
          }
        } catch (error) {
          report.failed += 1;
          this.logger.error(`recomputing deadlines of ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (report.checked % PROGRESS_EVERY === 0) {
        this.logger.log(`recomputing deadlines: ${report.checked}/${ids.length} checked, ${report.changed} changed`);
      }
    }
    this.logger.log(
      `recomputed deadlines for ${years.join(', ')}: ${report.checked} checked, ${report.changed} changed ` +
        `(${report.deadlinesMoved} due time(s) moved), ${report.failed} failed`,
    );
    return report;
  }

  /** The pure rule on the read model's copy: how many due times would move (the pipeline decides again on the stream). */
  private decidedChanges(id: string, command: SuggestionCommand, actor: Actor): number {
    const state = this.queries.getSuggestion(id);
    if (!state) return 0;
    try {
      const events = decideSuggestion(command, state, { now: this.clock.nowIso(), actor, rulebook: this.rulebook, calendar: this.calendar });
      const moved = events.reduce((n, e) => n + (e.type === 'DeadlinesRecomputed' ? e.data.changes.length : 0), 0);
      return moved;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return 0;
    }
  }

  private async waitForProjector(): Promise<void> {
    const head = await this.store.headPosition();
    if (head !== null && !(await this.projector.waitFor(head, PROJECTOR_WAIT_MS))) {
      this.logger.warn('read model behind the event store: suggestions projected later are recomputed at the next start');
    }
  }
}
