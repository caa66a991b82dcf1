import { ListSuggestionsHandler } from './list-suggestions.query';
import { GetSuggestionDetailHandler } from './suggestion-detail.query';
import { GetSuggestionTimelineHandler } from './suggestion-timeline.query';

/** Every handler of a suggestion query, for the module's providers (Nest finds them by their decorator). */
export const SUGGESTION_QUERY_HANDLERS = [ListSuggestionsHandler, GetSuggestionDetailHandler, GetSuggestionTimelineHandler];
