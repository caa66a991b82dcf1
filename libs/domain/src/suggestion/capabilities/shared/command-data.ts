import { SuggestionCommand, SuggestionCommandType } from '../../commands';

/** The data of one command type, for the rule functions that handle it. */
export type CommandData<T extends SuggestionCommandType> = Extract<SuggestionCommand, { type: T }>['data'];
