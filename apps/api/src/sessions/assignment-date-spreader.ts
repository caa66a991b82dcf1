import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@duban/domain';
import type { Projector, ReadModelQueries } from '@duban/read-models';
import { comparePositions, EVENT_STORE, EventStore } from '@duban/event-store';
import { Clock } from '../clock/clock';
import type { CommandOutcome } from '../commands/command-outcome';
import { PROJECTOR, READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';

const PAGE = 200;
const CATCH_UP_MS = 2000;

/**
 * Once staff set a congress session's 交办 date, every suggestion of the session that is registered
 * but not yet assigned is re-dated to it (ScheduleAssignment on each, its own command and event), so
 * none is overdue before the day they are handed over together. Suggestions registered later read
 * the date from the session when they are registered.
 */
@Injectable()
export class AssignmentDateSpreader {
  private readonly logger = new Logger('sessions');

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The position of the last re-dating (so a read after it sees them all), or null when none changed. */
  async spread(sessionId: string, assignOn: string, actor: Actor, ids: { correlationId: string; causationId: string }): Promise<string | null> {
    await this.catchUp();
    const targets: string[] = [];
    const viewer: Actor = { userId: actor.userId, role: 'staff' };
    for (let page = 1; ; page++) {
      const { items } = this.queries.listSuggestions({ sessionId, status: 'accepted', page, pageSize: PAGE }, viewer, this.clock.nowIso());
      targets.push(...items.map((i) => i.id));
      if (items.length < PAGE) break;
    }
    let last: string | null = null;
    for (const id of targets) {
      try {
        const outcome: CommandOutcome = await this.commandBus.execute(new RunSuggestionCommand(id, { type: 'ScheduleAssignment', data: { assignOn } }, actor, ids));
        last = outcome.position;
      } catch (error) {
        // One suggestion that moved on (assigned meanwhile) or lost a race does not stop the others.
        this.logger.warn(`re-dating ${id} to ${assignOn}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return last;
  }

  private async catchUp(): Promise<void> {
    const head = await this.store.headPosition();
    const checkpoint = this.projector.checkpoint();
    if (head === null || (checkpoint !== null && comparePositions(head, checkpoint) <= 0)) return;
    await this.projector.waitFor(head, CATCH_UP_MS).catch(() => false);
  }
}
