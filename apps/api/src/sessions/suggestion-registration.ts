import { Inject, Injectable } from '@nestjs/common';
import type { Actor, SuggestionCommand } from '@duban/domain';
import { Clock } from '../clock/clock';
import type { RunOptions } from '../commands/command-outcome';
import { CommandPipeline } from '../commands/command-pipeline';
import { SUGGESTION_STREAM } from '../suggestions/execution/suggestion-stream';
import { SessionCatalogue } from './session-catalogue';
import { SuggestionNumbering } from './suggestion-numbering';

const REGISTRARS = ['staff', 'admin'];

/**
 * 立案 with what only the api knows: the suggestion's 第N号 in its session (claimed first, so the
 * accept carries it) and the session's terms (congress or recess, its 交办 date) that set when the
 * assignment is due. A number is claimed only for a suggestion that this actor may register now, so
 * a refused accept never takes one; a retried accept gets its own number back. The batch routes use
 * this too.
 */
@Injectable()
export class SuggestionRegistration {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly sessions: SessionCatalogue,
    private readonly numbering: SuggestionNumbering,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async acceptCommand(suggestionId: string, actor: Actor, options: Pick<RunOptions, 'correlationId' | 'causationId' | 'at'>): Promise<SuggestionCommand> {
    const { state } = await this.pipeline.load(SUGGESTION_STREAM, suggestionId);
    // Anything else is refused by the decider as it would be without a number.
    if (state.status !== 'submitted' || !REGISTRARS.includes(actor.role)) return { type: 'AcceptSuggestion', data: {} };
    const session = await this.sessions.find(state.sessionId);
    const number = await this.numbering.claim(state.sessionId, suggestionId, {
      actor,
      now: options.at ?? this.clock.nowIso(),
      correlationId: options.correlationId,
      causationId: options.causationId,
    });
    const terms = session
      ? { kind: session.kind, ...(session.assignOn !== undefined ? { assignOn: session.assignOn } : {}), ...(session.endsOn !== undefined ? { endsOn: session.endsOn } : {}) }
      : undefined;
    return { type: 'AcceptSuggestion', data: { number, ...(terms ? { session: terms } : {}) } };
  }
}
