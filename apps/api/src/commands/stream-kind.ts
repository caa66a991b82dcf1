import { upcast, type Actor, type DecisionContext, type Stamped } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';

/** The decider a stream kind is run with; account deciders need only part of the context. */
export interface KindDecider<S, C, E> {
  initialState: () => S;
  evolve: (state: S, event: Stamped<E>) => S;
  decide: (command: C, state: S, ctx: DecisionContext) => E[];
}

/**
 * One kind of stream the command pipeline runs commands on (suggestion, unit, user, group, inbox):
 * its decider, where an aggregate's stream lives, and the few ways kinds differ. Everything else
 * (read, upcast, fold, decide, append, retry, idempotent replay) is the pipeline's, once.
 */
export interface StreamKind<S, C extends { type: string }, E extends { type: string; data: unknown }> {
  /** For logs. */
  readonly name: string;
  readonly decider: KindDecider<S, C, E>;
  streamId(id: string): string;
  /**
   * A stored event as the current code reads it, from its `metadata.schemaVersion`. Defaults to the
   * domain's one seam (identity while every event is current); a kind may add its own steps here.
   */
  upcast?(recorded: RecordedEvent): RecordedEvent;
  /**
   * An error when the actor may not even learn that the aggregate exists: thrown before If-Match and
   * the rules, so a hidden aggregate answers exactly as a missing one does.
   */
  hiddenFrom?(state: S, command: C, actor: Actor): Error | null;
  /** What a command answers when concurrent writers won every attempt. */
  exhausted(streamId: string, attempts: number): Error;
  /**
   * The command's target stream depends on its body (POST /users: the login name), so a reused
   * Idempotency-Key cannot be found in the target stream alone: the key's first use is also
   * recorded in a stream of its own.
   */
  readonly keysOutsideStream?: boolean;
  /**
   * Events that only add, in any order (read marks): nothing is read or folded, the decider sees the
   * initial state, and the append expects any revision. Such a stream has no idempotent replay.
   */
  readonly appendOnly?: boolean;
}

export type AnyStreamKind = StreamKind<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The state of one stream from its recorded events, each brought to the current schema first. */
export function foldRecorded<S, C extends { type: string }, E extends { type: string; data: unknown }>(
  kind: StreamKind<S, C, E>,
  recorded: readonly RecordedEvent[],
): S {
  let state = kind.decider.initialState();
  for (const stored of recorded) {
    const event = kind.upcast ? kind.upcast(stored) : upcast(stored);
    state = kind.decider.evolve(state, { type: event.type, data: event.data, at: event.metadata.occurredAt, by: event.metadata.actor } as Stamped<E>);
  }
  return state;
}
