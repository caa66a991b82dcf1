import type { Role } from '@duban/domain';
import type { UserRecord } from './account-records';

/** What a person sees of their own account on 个人信息 (never the password hash). */
export interface ProfileView {
  id: string;
  displayName: string;
  role: Role;
  unitId?: string;
  delegationId?: string;
  phone?: string;
}

export function toProfileView(user: UserRecord): ProfileView {
  const view: ProfileView = { id: user.userId, displayName: user.displayName, role: user.role };
  if (user.unitId !== undefined) view.unitId = user.unitId;
  if (user.delegationId !== undefined) view.delegationId = user.delegationId;
  if (user.phone !== undefined) view.phone = user.phone;
  return view;
}

/** A deputy of one suggestion as the units handling it see them: whom to call before answering. */
export interface DeputyContact {
  userId: string;
  displayName: string;
  /** lead: 领衔代表; co: 附议代表. */
  role: 'lead' | 'co';
  phone?: string;
}
