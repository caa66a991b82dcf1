import type { Actor, Role } from '@duban/domain';
import { Prng } from './prng';
import { REGIONS, UNIT_NAMES } from './phrases';
import { personName } from './texts';

export interface Person {
  /** Login name, also the user id. */
  id: string;
  displayName: string;
  role: Role;
  unitId?: string;
}

export interface Unit {
  id: string;
  name: string;
  /** The unit's head, who signs its answers. */
  head: string;
  /** The unit's account: the actor of everything the unit does. */
  user: Person;
}

/** The people and units a generated data set is about; they also get accounts in the store. */
export interface Organisation {
  admin: Person;
  staff: Person[];
  supervisors: Person[];
  deputies: Person[];
  units: Unit[];
}

/** Every generated account logs in with this password (printed by the generator and the bench). */
export const BENCH_PASSWORD = 'bench-password-2026';

export const ADMIN_ID = 'admin';

export function actorOf(person: Person): Actor {
  return person.unitId === undefined ? { userId: person.id, role: person.role } : { userId: person.id, role: person.role, unitId: person.unitId };
}

/**
 * About one deputy per ten suggestions (a national session: ~3,000 deputies, ~9,000 suggestions a
 * year), the city's departments plus its counties' governments as handling units.
 */
export function createOrganisation(prng: Prng, suggestions: number): Organisation {
  const unitNames = [...UNIT_NAMES, ...REGIONS.map((r) => `${r}人民政府`)];
  const units: Unit[] = unitNames.map((name, i) => {
    const id = `u${String(i + 1).padStart(3, '0')}`;
    return {
      id,
      name,
      head: personName(prng),
      user: { id: `unit${String(i + 1).padStart(3, '0')}`, displayName: `${name}办理员`, role: 'unit', unitId: id },
    };
  });
  const deputyCount = Math.max(20, Math.ceil(suggestions / 10));
  const deputies: Person[] = Array.from({ length: deputyCount }, (_, i) => ({
    id: `deputy${String(i + 1).padStart(5, '0')}`,
    displayName: personName(prng),
    role: 'deputy',
  }));
  const staff: Person[] = Array.from({ length: 6 }, (_, i) => ({
    id: `staff${String(i + 1).padStart(2, '0')}`,
    displayName: personName(prng),
    role: 'staff',
  }));
  const supervisors: Person[] = Array.from({ length: 8 }, (_, i) => ({
    id: `supervisor${String(i + 1).padStart(2, '0')}`,
    displayName: personName(prng),
    role: 'supervisor',
  }));
  return { admin: { id: ADMIN_ID, displayName: '系统管理员', role: 'admin' }, staff, supervisors, deputies, units };
}

export function allPeople(org: Organisation): Person[] {
  return [org.admin, ...org.staff, ...org.supervisors, ...org.deputies, ...org.units.map((u) => u.user)];
}
