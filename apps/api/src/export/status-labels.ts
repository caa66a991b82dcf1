/** The statuses as the sheets show them: the same words as the pages (one label module). */
export { STATUS_LABELS as STATUS_NAMES } from '@duban/domain/labels';
