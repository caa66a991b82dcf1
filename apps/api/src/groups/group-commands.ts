import { HttpException, Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  Actor,
  DomainError,
  Rulebook,
  SuggestionCommand,
  SuggestionEvent,
  WorkingCalendar,
  suggestionDecider,
  suggestionStreamId,
} from '@duban/domain';
import { EVENT_STORE, type EventStore, comparePositions, parsePosition } from '@duban/event-store';
import { Clock } from '../clock/clock';
import { stamp } from '../events/stamp';
import { RULEBOOK, WORKING_CALENDAR } from '../infrastructure/tokens';
import { ExecuteSuggestionCommand, ExecutionOptions } from '../suggestions/execution/execute-suggestion.command';
import { failed, GroupCommandResult, MemberResult, succeeded } from './member-result';

/**
 * Applies one command to every member of a group (并案: "办理一件、解决一类"). Each member is first
 * decided without appending, so a group the rules refuse for one member changes none; then the
 * command runs on each member through the one handler, and the answer reports every member's result
 * (a member can still fail if someone changed it in between).
 */
@Injectable()
export class GroupCommands {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async apply(
    groupId: string,
    memberIds: readonly string[],
    commandFor: (memberId: string) => SuggestionCommand,
    actor: Actor,
    options: Pick<ExecutionOptions, 'correlationId' | 'causationId'>,
  ): Promise<GroupCommandResult> {
    const refusals: MemberResult[] = [];
    for (const id of memberIds) {
      const refusal = await this.tryDecide(id, commandFor(id), actor);
      if (refusal) refusals.push(refusal);
    }
    if (refusals.length > 0) throw groupRefused(refusals);

    const results: MemberResult[] = [];
    for (const id of memberIds) {
      try {
        const outcome = await this.commandBus.execute(
          new ExecuteSuggestionCommand(id, commandFor(id), actor, { correlationId: options.correlationId, causationId: options.causationId }),
        );
        results.push(succeeded(id, outcome));
      } catch (error) {
        results.push(failed(id, error));
      }
    }
    return { groupId, results, position: latestPosition(results) };
  }

  /** The refusal the member would answer with now, or null when the rules allow the command. */
  private async tryDecide(suggestionId: string, command: SuggestionCommand, actor: Actor): Promise<MemberResult | null> {
    const recorded = await this.store.readStream(suggestionStreamId(suggestionId));
    const state = recorded.reduce(
      (current, event) => suggestionDecider.evolve(current, stamp<SuggestionEvent>(event)),
      suggestionDecider.initialState(),
    );
    try {
      suggestionDecider.decide(command, state, { now: this.clock.nowIso(), actor, rulebook: this.rulebook, calendar: this.calendar });
      return null;
    } catch (error) {
      if (error instanceof DomainError) return failed(suggestionId, error);
      throw error;
    }
  }
}

/** Answered with the first refusal's status, naming every refusing member with its reason. */
function groupRefused(refusals: MemberResult[]): HttpException {
  const first = refusals[0] as Extract<MemberResult, { ok: false }>;
  const errors = refusals.map((r) => ({ field: r.suggestionId, message: r.ok ? '' : r.message }));
  return new HttpException(
    {
      statusCode: first.statusCode,
      code: first.code,
      message: `并案组中有 ${refusals.length} 件建议不能执行此操作，未做任何修改：${first.message}`,
      errors,
    },
    first.statusCode,
  );
}

function latestPosition(results: MemberResult[]): string | null {
  let latest: string | null = null;
  for (const result of results) {
    if (!result.ok) continue;
    const position = parsePosition(result.position);
    const current = latest === null ? null : parsePosition(latest);
    if (position && (current === null || comparePositions(position, current) > 0)) latest = result.position;
  }
  return latest;
}
