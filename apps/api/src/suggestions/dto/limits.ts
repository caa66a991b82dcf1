/** Lengths generous for real documents, small enough that one request cannot bloat a stream. */
export const TITLE_MAX = 200;
export const CONTENT_MAX = 20000;
export const NOTE_MAX = 2000;
export const NAME_MAX = 100;
export const SHORT_MAX = 50;
