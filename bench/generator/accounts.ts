import { scryptSync } from 'node:crypto';
import { AccountEvent, Actor, EventMetadata, SYSTEM_ACTOR, unitStreamId, userStreamId } from '@duban/domain';
import { actorOf, allPeople, BENCH_PASSWORD, Organisation } from './organisation';
import { Prng } from './prng';
import { CommandEvents } from './suggestion-history';
import { iso } from './sim-time';

/**
 * The api's stored-hash format (`scrypt$N$r$p$salt$hash`, base64, N=16384 r=8 p=1, 32-byte key).
 * One hash for every generated account: scrypt costs ~50 ms, and ten thousand deputies would
 * otherwise spend minutes hashing the same bench password.
 */
export function benchPasswordHash(prng: Prng): string {
  const salt = Buffer.from(Array.from({ length: 16 }, () => prng.int(0, 255)));
  const key = scryptSync(BENCH_PASSWORD, salt, 32, { N: 16384, r: 8, p: 1, maxmem: 256 * 16384 * 8 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** UnitRegistered and UserRegistered events for the whole organisation, one stream each. */
export function accountCommands(org: Organisation, prng: Prng, atMs: number): CommandEvents[] {
  const passwordHash = benchPasswordHash(prng);
  const meta = (actor: Actor): EventMetadata => {
    const id = prng.uuid();
    return { eventId: prng.uuid(), actor, occurredAt: iso(atMs), correlationId: id, causationId: id, schemaVersion: 1 };
  };
  const one = (streamId: string, event: AccountEvent, actor: Actor): CommandEvents => ({
    streamId,
    atMs,
    events: [{ type: event.type, data: event.data, metadata: meta(actor) }],
  });
  const admin = actorOf(org.admin);
  const out: CommandEvents[] = [];
  for (const unit of org.units) {
    out.push(one(unitStreamId(unit.id), { type: 'UnitRegistered', data: { unitId: unit.id, name: unit.name } }, admin));
  }
  for (const person of allPeople(org)) {
    const event: AccountEvent = {
      type: 'UserRegistered',
      data: {
        userId: person.id,
        displayName: person.displayName,
        role: person.role,
        ...(person.unitId !== undefined ? { unitId: person.unitId } : {}),
        passwordHash,
      },
    };
    // The first admin is created by the system, as the api's bootstrap does; everyone else by that admin.
    out.push(one(userStreamId(person.id), event, person === org.admin ? SYSTEM_ACTOR : admin));
  }
  return out;
}
