/**
 * Every Chinese name a user reads for a code of the domain, in one place. Pure data with type-only
 * imports: the web app bundles this folder (and only this one) from libs/, the api's pages and
 * sheets read it too, and each table is a Record over its union so a new status, event, action or
 * role does not compile until it has its label.
 */
export * from './status-labels';
export * from './event-labels';
export * from './action-labels';
export * from './role-labels';
export * from './handling-labels';
export * from './session-labels';
