export * from './read-model.types';
export { READ_MODEL_SCHEMA_VERSION } from './schema/read-model-schema';
export { openReadModelDatabase, storedSchemaVersion, type ReadModelDatabase, type OpenedReadModel } from './schema/open-read-model';
export { READ_MODEL_STREAM_PREFIXES } from './projection/read-model-projection';
export { ProjectionError } from './projection/projection-error';
export { Projector, type ProjectorOptions, type ProjectorStatus } from './projector/projector';
export type { ProjectorLogger } from './projector/projector-logger';
export { ReadModelQueries, MAX_PAGE_SIZE } from './queries/read-model-queries';
export {
  rebuildReadModels,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './rebuild/rebuild-read-models';
