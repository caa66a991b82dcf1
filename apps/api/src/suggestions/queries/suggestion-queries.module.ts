import { Module } from '@nestjs/common';
import { SUGGESTION_QUERY_HANDLERS } from './suggestion-query-handlers';

/**
 * The suggestion queries' handlers. The QueryBus is global (CqrsModule.forRoot) and finds them by
 * their @QueryHandler decorator; the routes that send the queries are SuggestionQueriesController's.
 */
@Module({ providers: SUGGESTION_QUERY_HANDLERS })
export class SuggestionQueriesModule {}
