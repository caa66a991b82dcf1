/**
 * Why a command was refused. The api maps the kind to a status:
 * forbidden → 403, not_found → 404, conflict → 409 (the state or the rules do not allow it),
 * invalid → 400 (a value breaks a rule of the rulebook, `field` names it).
 */
export type DomainErrorKind = 'forbidden' | 'not_found' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    /** Stable English rule name, e.g. `rating.only_lead_deputy`. */
    readonly code: string,
    /** Simplified Chinese, shown to the user. */
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
