import { createWorkingCalendar, getRulebook } from '../harness/product';
import { DomainContext } from './suggestion-history';

/** The national rulebook and the official calendar, as the api runs by default. */
export function defaultDomainContext(): DomainContext {
  return { rulebook: getRulebook('national'), calendar: createWorkingCalendar() };
}
