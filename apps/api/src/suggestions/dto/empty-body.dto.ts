/** `accept {}` and `close {}`: no fields, and any field sent is reported as unknown. */
export class EmptyBodyDto {}
