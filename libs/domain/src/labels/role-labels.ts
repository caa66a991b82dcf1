import type { Role } from '../shared/actor';

/** Who someone is, in the words of the organisation chart. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  deputy: '人大代表',
  staff: '代表工委',
  unit: '承办单位',
  supervisor: '督办人',
  admin: '系统管理员',
};
