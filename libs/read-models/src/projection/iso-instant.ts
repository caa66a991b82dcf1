const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Instants are compared as text in SQL (due before now, newest first), which is only right when
 * every one has the same shape: Date#toISOString's. Most already have it, so parse only the rest.
 */
export function toIsoInstant(value: string): string {
  if (CANONICAL.test(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`not an ISO-8601 instant: ${JSON.stringify(value)}`);
  return new Date(time).toISOString();
}
