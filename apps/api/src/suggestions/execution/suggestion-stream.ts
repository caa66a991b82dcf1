import { SuggestionCommand, SuggestionEvent, SuggestionState, suggestionDecider, suggestionStreamId } from '@duban/domain';
import { mayRead } from '@duban/domain/suggestion/capabilities/visibility/visibility.rule';
import { ConcurrencyExhaustedError } from '../../commands/concurrency-exhausted.error';
import { StreamCommand, pipelineHandler } from '../../commands/stream-command';
import type { StreamKind } from '../../commands/stream-kind';
import { suggestionNotFound } from './suggestion-not-found';

/** `suggestion-<id>` streams, run by the command pipeline with the suggestion decider. */
export const SUGGESTION_STREAM: StreamKind<SuggestionState, SuggestionCommand, SuggestionEvent> = {
  name: 'suggestion',
  decider: suggestionDecider,
  streamId: suggestionStreamId,
  // Someone who may not read the suggestion learns nothing about it, not even its revision (412) or
  // which rule would stop them (403/409): the read's 404, decided from the stream just read, so a
  // unit assigned a moment ago is never refused by a lagging read model.
  hiddenFrom: (state, command, actor) => (command.type !== 'SubmitSuggestion' && !mayRead(state, actor) ? suggestionNotFound() : null),
  exhausted: (streamId, attempts) => new ConcurrencyExhaustedError(streamId, attempts),
};

/** Any suggestion command, for one suggestion, by one actor: run by the pipeline on its stream. */
export class RunSuggestionCommand extends StreamCommand<SuggestionState, SuggestionCommand> {}

export const RunSuggestionHandler = pipelineHandler(RunSuggestionCommand, SUGGESTION_STREAM);
