import { Injectable } from '@nestjs/common';
import type { Actor, SuggestionState } from '@duban/domain';
import { mayRead } from '@duban/domain/suggestion/capabilities/visibility/visibility.rule';
import { CommandPipeline } from '../commands/command-pipeline';
import { SUGGESTION_STREAM } from '../suggestions/execution/suggestion-stream';
import { suggestionNotFound } from '../suggestions/execution/suggestion-not-found';

/** One member suggestion as its stream says it is now. */
export interface LoadedMember {
  id: string;
  state: SuggestionState;
}

/**
 * Reads members from their streams (folded as the command pipeline folds them) and decides who
 * may see them by the rule every suggestion route uses (mayRead), so a group route never tells a
 * caller more than the suggestion read would.
 */
@Injectable()
export class GroupMembers {
  constructor(private readonly pipeline: CommandPipeline) {}

  async load(ids: readonly string[]): Promise<LoadedMember[]> {
    const members: LoadedMember[] = [];
    for (const id of ids) members.push({ id, state: (await this.pipeline.load(SUGGESTION_STREAM, id)).state });
    return members;
  }

  /** The members the caller may not read, a missing one included: both answer as the suggestion read does. */
  unreadable(members: readonly LoadedMember[], actor: Actor): string[] {
    return members.filter((m) => !mayRead(m.state, actor)).map((m) => m.id);
  }

  /** Loads the members a route acts on; one the caller may not read is the suggestion read's 404, naming nothing. */
  async loadReadable(ids: readonly string[], actor: Actor): Promise<LoadedMember[]> {
    const members = await this.load(ids);
    if (this.unreadable(members, actor).length > 0) throw suggestionNotFound();
    return members;
  }

  async mayReadAny(ids: readonly string[], actor: Actor): Promise<boolean> {
    return this.unreadable(await this.load(ids), actor).length < ids.length;
  }
}
