import type { Role } from '../api/types';
import { assertNever } from './assert-never';

/** Where a suggestion opens for this reader: each role has its own page with its own actions. */
export function suggestionPathFor(role: Role, id: string): string {
  switch (role) {
    case 'deputy':
      return `/deputy/suggestions/${id}`;
    case 'unit':
      return `/unit/suggestions/${id}`;
    case 'staff':
    case 'admin':
      return `/staff/suggestions/${id}`;
    case 'supervisor':
      return `/supervisor/suggestions/${id}`;
    default:
      return assertNever(role, 'role');
  }
}
