/**
 * Injection tokens for the libraries' objects. Symbols rather than classes, because the
 * contracts are interfaces and type-only imports leave no runtime value to inject by.
 * The event store's token (EVENT_STORE) comes from @duban/event-store.
 */
export const PROJECTOR = Symbol('PROJECTOR');
export const READ_MODEL_QUERIES = Symbol('READ_MODEL_QUERIES');
export const RULEBOOK = Symbol('RULEBOOK');
export const WORKING_CALENDAR = Symbol('WORKING_CALENDAR');
