import { assertNever } from '../lib/assert-never';
import type { Role } from '../api/types';

/** Where every signed-in user changes their own password. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/** Where each role starts after signing in. */
export function homePath(role: Role): string {
  switch (role) {
    case 'deputy':
      return '/deputy';
    case 'unit':
      return '/unit';
    case 'staff':
      return '/staff';
    case 'supervisor':
      return '/supervisor';
    case 'admin':
      return '/staff';
    default:
      return assertNever(role, 'role');
  }
}
