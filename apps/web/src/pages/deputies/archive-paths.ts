import type { Role } from '../../api/types';
import { assertNever } from '../../lib/assert-never';

/** Staff, supervisors and admins may open any deputy's 履职档案 (the api allows them). */
export function canOpenAnyArchive(role: Role): boolean {
  switch (role) {
    case 'staff':
    case 'supervisor':
    case 'admin':
      return true;
    case 'deputy':
    case 'unit':
      return false;
    default:
      return assertNever(role, 'role');
  }
}

export const deputyArchivePath = (deputyId: string): string => `/deputies/${encodeURIComponent(deputyId)}/archive`;
