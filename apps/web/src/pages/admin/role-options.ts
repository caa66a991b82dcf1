import type { Role, UnitRow } from '../../api/types';
import { roleLabel } from '../../lib/labels';

/** In the order an office thinks of them: the deputies first, the administrators last. */
export const ROLE_ORDER: readonly Role[] = ['deputy', 'staff', 'unit', 'supervisor', 'admin'];

export const ROLE_OPTIONS = ROLE_ORDER.map((role) => ({ value: role, label: roleLabel(role) }));

export const unitOptions = (units: readonly UnitRow[]) => units.map((u) => ({ value: u.id, label: u.name }));

/** The api's login-name rule (apps/api's USER_ID_PATTERN), checked before sending. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,31}$/;

/** The api's unit-id rule (apps/api's ID_PATTERN). */
export const UNIT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export const PASSWORD_MIN = 8;
