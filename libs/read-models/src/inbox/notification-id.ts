/**
 * Who a notification is for: everyone of a role (`role:staff`, `role:supervisor`), every user of a
 * unit (`unit:<unitId>`), or one person (`user:<userId>`). Role- and unit-wide notifications are
 * stored once, not once per person: staff see every submission, and there may be many staff.
 */
export type Audience = `role:${'staff' | 'supervisor'}` | `unit:${string}` | `user:${string}`;

/**
 * `<suggestionId>@<revision>@<audience>`: the event that caused it (stable across rebuilds, schema
 * versions and store migrations, unlike a row number) and whom it is for. Ids never contain `@`,
 * so the audience can be read back from the id: a read mark needs no lookup.
 */
export function notificationId(suggestionId: string, revision: number, audience: Audience): string {
  return `${suggestionId}@${revision}@${audience}`;
}

const AUDIENCE = /^(role:(staff|supervisor)|unit:.+|user:.+)$/;

/** The audience named in a notification id, or null for anything that is not one. */
export function audienceOfNotification(id: string): Audience | null {
  const parts = id.split('@');
  if (parts.length !== 3 || parts[0] === '' || !/^\d+$/.test(parts[1]!)) return null;
  const audience = parts[2]!;
  return AUDIENCE.test(audience) ? (audience as Audience) : null;
}
