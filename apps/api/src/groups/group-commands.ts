import { HttpException, Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor, DomainError, Rulebook, SuggestionCommand, WorkingCalendar, suggestionDecider } from '@duban/domain';
import { comparePositions, parsePosition } from '@duban/event-store';
import { Clock } from '../clock/clock';
import { RULEBOOK, WORKING_CALENDAR } from '../infrastructure/tokens';
import type { RunOptions } from '../commands/command-outcome';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import { GroupMembers, LoadedMember } from './group-members';
import { failed, GroupCommandResult, MemberResult, succeeded } from './member-result';

export type GroupCommandOptions = Pick<RunOptions, 'correlationId' | 'causationId'>;

/**
 * Applies one command to every member of a group (并案: "办理一件、解决一类"). Each member is first
 * decided without appending, so a group the rules refuse for one member changes none; then the
 * command runs on each member through the command pipeline, and the answer reports every member's result
 * (a member can still fail if someone changed it in between).
 */
@Injectable()
export class GroupCommands {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly members: GroupMembers,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** For a complete group: a member the caller may not read is the suggestion read's 404, and names nothing. */
  async apply(
    groupId: string,
    memberIds: readonly string[],
    commandFor: (memberId: string) => SuggestionCommand,
    actor: Actor,
    options: GroupCommandOptions,
  ): Promise<GroupCommandResult> {
    const members = await this.members.loadReadable(memberIds, actor);
    this.refuseUnlessAllowed(members, commandFor, actor);
    const results: MemberResult[] = [];
    for (const id of memberIds) results.push(await this.run(id, commandFor(id), actor, options));
    return { groupId, results, position: latestPosition(results) };
  }

  /** Throws the group refusal when the rules refuse the command for any member as it is now. */
  refuseUnlessAllowed(members: readonly LoadedMember[], commandFor: (memberId: string) => SuggestionCommand, actor: Actor): void {
    const ctx = { now: this.clock.nowIso(), actor, rulebook: this.rulebook, calendar: this.calendar };
    const refusals: MemberResult[] = [];
    for (const member of members) {
      try {
        suggestionDecider.decide(commandFor(member.id), member.state, ctx);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusals.push(failed(member.id, error));
      }
    }
    if (refusals.length > 0) throw groupRefused(refusals);
  }

  /** One member through the command pipeline; its refusal is reported, not thrown. */
  async run(memberId: string, command: SuggestionCommand, actor: Actor, options: GroupCommandOptions): Promise<MemberResult> {
    try {
      const outcome = await this.commandBus.execute(
        new RunSuggestionCommand(memberId, command, actor, { correlationId: options.correlationId, causationId: options.causationId }),
      );
      return succeeded(memberId, outcome);
    } catch (error) {
      return failed(memberId, error);
    }
  }
}

/** Answered with the first refusal's status, naming every refusing member with its reason. */
export function groupRefused(refusals: MemberResult[], summary = '不能执行此操作'): HttpException {
  const first = refusals[0] as Extract<MemberResult, { ok: false }>;
  const errors = refusals.map((r) => ({ field: r.suggestionId, message: r.ok ? '' : r.message }));
  return new HttpException(
    {
      statusCode: first.statusCode,
      code: first.code,
      message: `并案组中有 ${refusals.length} 件建议${summary}，未做任何修改：${first.message}`,
      errors,
    },
    first.statusCode,
  );
}

export function latestPosition(results: MemberResult[]): string | null {
  let latest: string | null = null;
  for (const result of results) {
    if (!result.ok) continue;
    const position = parsePosition(result.position);
    const current = latest === null ? null : parsePosition(latest);
    if (position && (current === null || comparePositions(position, current) > 0)) latest = result.position;
  }
  return latest;
}
