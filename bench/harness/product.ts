/**
 * Every product piece the bench drives, imported in one place: when a lib moves a file, this is
 * the only bench file to touch.
 */
export { SqliteEventStore } from '@duban/event-store';
// Not part of the lib's public surface: the S1/S2 anchor opens its file exactly as the store does.
export { openEventStoreDatabase } from '@duban/event-store/sqlite/sqlite-database';
export { rebuildReadModels } from '@duban/read-models';
export { suggestionDecider, getRulebook, createWorkingCalendar, suggestionStreamId } from '@duban/domain';
export { READ_MODEL_SCHEMA_VERSION } from '@duban/read-models';
export { storeIdentityOf } from '@duban/event-store';
export { buildReadModelBeside } from '../../apps/api/src/infrastructure/prepared-read-model';
