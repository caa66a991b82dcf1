export * from './read-model.types';
export * from './supervision/supervision.types';
export * from './inbox/inbox.types';
export * from './disclosure/published.types';
export { READ_MODEL_SCHEMA_VERSION } from './schema/read-model-schema';
export { removeDatabaseFiles } from './schema/database-files';
export { isCurrentReadModel, openReadModelDatabase, storedSchemaVersion, type ReadModelDatabase, type OpenedReadModel } from './schema/open-read-model';
export { READ_MODEL_STREAM_PREFIXES, type ProjectionRules } from './projection/read-model-projection';
export type { AppliedEvent } from './projection/applied-event';
export { ProjectionError } from './projection/projection-error';
export { Projector, STATUS_PARKED_LIMIT, type ParkedRetryReport, type ProjectorOptions, type ProjectorStatus } from './projector/projector';
export type { ParkedStream } from './projection/parked-streams';
export { isTransientFailure } from './projection/transient-failure';
export type { ProjectorLogger } from './projector/projector-logger';
export { ReadModelQueries, MAX_PAGE_SIZE } from './queries/read-model-queries';
export { MAX_INBOX_PAGE_SIZE, audiencesOf } from './queries/inbox-queries';
export { MAX_PUBLIC_PAGE_SIZE } from './queries/published-queries';
export { INBOX_STREAM_PREFIX, inboxStreamId, type NotificationsReadEvent, type InboxEvent } from './inbox/inbox-stream';
export { notificationId, audienceOfNotification, type Audience } from './inbox/notification-id';
export {
  rebuildReadModels,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './rebuild/rebuild-read-models';
export type { RebuildSplit } from './rebuild/rebuild-split';
export { readModelStoreIdentity, readModelStoreIdentityAt, recordReadModelStoreIdentity, recordReadModelStoreIdentityAt } from './projection/checkpoint-store';
export { RoutingQueries, ROUTING_NEIGHBOURS, documentText } from './routing/routing-queries';
export { SimilarityIndex, TERMS_PER_DOCUMENT } from './routing/similarity-index';
export { voteUnits, evidenceWeight, type UnitVote, type VotingNeighbour } from './routing/unit-votes';
export type { RoutingEvidence, RoutingOutcome, UnitSuggestion, SimilarSuggestion } from './routing/routing.types';
