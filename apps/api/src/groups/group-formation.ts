import { ConflictException, HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, type Actor, type SuggestionCommand } from '@duban/domain';
import { Clock } from '../clock/clock';
import { RevisionMismatchError } from '../commands/revision-mismatch.error';
import { GroupCommandOptions, GroupCommands, groupRefused, latestPosition } from './group-commands';
import { groupIdFor } from './group-id';
import { GroupLookup, type GroupRecord } from './group-lookup';
import { GroupMembers } from './group-members';
import { RunGroupCommand, type GroupStreamCommand } from './group-stream';
import { GroupCommandResult, MemberResult } from './member-result';

/** A formation still unfinished this long after it began was cut short (a crash): it is undone before its members are taken again. */
export const FORMATION_ABANDONED_AFTER_MS = 5 * 60 * 1000;

/** What a released member's timeline says; it names no other suggestion, which its deputies may not see. */
const RELEASE_REASON = '并案未完成：组内另一件建议已并入其他并案组，本建议恢复为未并案';
const RELEASE_ATTEMPTS = 5;

/**
 * Creating a group touches several streams, and neither store appends to several at once, so the
 * creation is made all-or-nothing by claims and compensation, the same on SQLite and EventStoreDB:
 *
 * 1. the group's stream is claimed (`GroupFormationStarted`, through the command pipeline, which
 *    refuses a claim on a group forming or formed): a second creation of the same group loses here
 *    and writes nothing;
 * 2. each member is taken by `GroupSuggestion` through the command handler, with its expected
 *    revision; the decider refuses a member already in a group (also one still forming), so a
 *    suggestion is taken by at most one group. Members are taken in id order: of creations racing
 *    over shared members, the one that takes the highest contested member never loses another,
 *    so every race has a winner (two creations never both lose to each other);
 * 3. a creation that loses a member releases the members it took (`UngroupSuggestion`) and
 *    records `GroupDissolved`; one that takes all records `GroupFormed`. Both are appended with the
 *    claim's revision as the expected one, so only the creation that claimed may finish it.
 *
 * Routes find a group only once it is formed (GroupLookup), so nobody sees or acts on half a group.
 */
@Injectable()
export class GroupFormation {
  private readonly logger = new Logger('groups');

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(Clock) private readonly clock: Clock,
    private readonly commands: GroupCommands,
    private readonly lookup: GroupLookup,
    private readonly members: GroupMembers,
  ) {}

  async create(memberIds: readonly string[], primarySuggestionId: string, actor: Actor, options: GroupCommandOptions): Promise<GroupCommandResult> {
    const groupId = groupIdFor(primarySuggestionId);
    const command = (): SuggestionCommand => ({ type: 'GroupSuggestion', data: { groupId, primarySuggestionId, memberIds: [...memberIds] } });

    let loaded = await this.members.load(memberIds);
    const hidden = this.members.unreadable(loaded, actor);
    // The caller sent these ids: naming them tells nothing, and a hidden one reads as a missing one.
    if (hidden.length > 0) throw membersNotFound(hidden);
    const heldBy = new Set(loaded.flatMap((m) => (m.state.status !== 'none' && m.state.groupId !== undefined ? [m.state.groupId] : [])));
    heldBy.add(groupId);
    if (await this.recoverAbandoned([...heldBy], actor, options)) loaded = await this.members.load(memberIds);
    this.commands.refuseUnlessAllowed(loaded, command, actor);

    const claimed = await this.claim(groupId, primarySuggestionId, memberIds, actor, options);
    const taken = new Map<string, MemberResult>();
    for (const id of [...memberIds].sort()) {
      const result = await this.commands.run(id, command(), actor, options);
      if (!result.ok) {
        await this.undo(groupId, [...taken.keys()], claimed, actor, options);
        throw groupRefused([result], '已被其他并案组占用');
      }
      taken.set(id, result);
    }
    await this.send(groupId, { type: 'FinishGroupFormation', data: { groupId } }, claimed, actor, options);
    const results = memberIds.map((id) => taken.get(id)!);
    return { groupId, results, position: latestPosition(results) };
  }

  /** The claim on the group id; the revision it was appended at is what only this creation may append after. */
  private async claim(
    groupId: string,
    primarySuggestionId: string,
    memberIds: readonly string[],
    actor: Actor,
    options: GroupCommandOptions,
  ): Promise<number> {
    return this.send(groupId, { type: 'StartGroupFormation', data: { groupId, primarySuggestionId, memberIds: [...memberIds] } }, undefined, actor, options);
  }

  private async undo(groupId: string, taken: readonly string[], claimed: number, actor: Actor, options: GroupCommandOptions): Promise<void> {
    for (const id of [...taken].reverse()) await this.release(groupId, id, actor, options);
    await this.send(groupId, { type: 'DissolveGroup', data: { groupId, reason: RELEASE_REASON } }, claimed, actor, options);
  }

  /** Until the member no longer carries the group: a release lost to a concurrent command is tried again. */
  private async release(groupId: string, memberId: string, actor: Actor, options: GroupCommandOptions): Promise<void> {
    for (let attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
      const result = await this.commands.run(memberId, { type: 'UngroupSuggestion', data: { groupId, reason: RELEASE_REASON } }, actor, options);
      if (result.ok || result.code === 'group.not_in_group') return;
      if (result.statusCode !== 409) break;
    }
    // Left grouped under a group that never forms: recoverAbandoned frees it once the formation is old enough.
    this.logger.error(`could not release ${memberId} from unfinished group ${groupId}`);
  }

  /** Undoes formations a crash left unfinished; true when one was undone. */
  private async recoverAbandoned(groupIds: readonly string[], actor: Actor, options: GroupCommandOptions): Promise<boolean> {
    let recovered = false;
    for (const groupId of groupIds) {
      const record = await this.lookup.record(groupId);
      if (!isAbandoned(record, this.clock.now().getTime())) continue;
      const held = (await this.members.load(record.memberIds)).filter((m) => m.state.status !== 'none' && m.state.groupId === groupId).map((m) => m.id);
      try {
        await this.undo(groupId, held, record.revision, actor, options);
        this.logger.warn(`undid group ${groupId}, whose formation began at ${record.startedAt} and never finished`);
        recovered = true;
      } catch (error) {
        // Another request is undoing it at the same time: its GroupDissolved is as good as ours.
        if (!(error instanceof ConflictException)) throw error;
      }
    }
    return recovered;
  }

  /**
   * One command on the group stream through the pipeline; with `claimed`, only if nobody appended
   * after that revision. Any loss is the same 409: the group is someone else's now.
   */
  private async send(groupId: string, command: GroupStreamCommand, claimed: number | undefined, actor: Actor, options: GroupCommandOptions): Promise<number> {
    const run = claimed === undefined ? { ...options } : { ...options, expectedRevision: claimed };
    try {
      const outcome = await this.commandBus.execute(new RunGroupCommand(groupId, command, actor, run));
      return outcome.revision;
    } catch (error) {
      if (error instanceof RevisionMismatchError || (error instanceof DomainError && error.code === 'group.concurrent')) throw groupTaken();
      throw error;
    }
  }
}

function isAbandoned(record: GroupRecord, nowMs: number): record is Extract<GroupRecord, { memberIds: string[] }> {
  return record.status === 'forming' && nowMs - Date.parse(record.startedAt) > FORMATION_ABANDONED_AFTER_MS;
}

function groupTaken(): ConflictException {
  return new ConflictException({ statusCode: 409, code: 'group.concurrent', message: '这件主办建议正在并案或已有并案组，请刷新后重试' });
}

/** The suggestion read's 404, listing only ids the caller sent: a hidden member and a missing one read alike. */
function membersNotFound(ids: readonly string[]): HttpException {
  const body = { statusCode: 404, code: 'not_found', message: '建议不存在', errors: ids.map((field) => ({ field, message: '建议不存在' })) };
  return new HttpException(body, 404);
}
