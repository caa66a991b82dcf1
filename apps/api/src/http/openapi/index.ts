export { ApiErrors } from './api-errors.decorator';
export { ApiCommand, ApiCommandResult, CommandOutcomeDoc, IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from './command.decorator';
export { ApiOk, ApiOkContent } from './responses.decorator';
export * from './views.doc';
export { CORRELATION_ID_HEADER, ETAG_HEADER, IDEMPOTENT_REPLAYED_HEADER, RETRY_AFTER_HEADER } from './headers';
export * from './supervision-views.doc';
export * from './operations-views.doc';
