/**
 * Most items one batch request may carry: a 交办会 of a provincial congress assigns about a
 * thousand suggestions at once; twice that leaves room, and keeps one request's work (and its
 * answer) within what a client waits for.
 */
export const BATCH_MAX_ITEMS = 2000;

/**
 * Commands of one batch in flight at once: enough that the store's group commit puts many
 * appends in one transaction, few enough that one large batch leaves room for everyone else.
 */
export const BATCH_CONCURRENCY = 16;
