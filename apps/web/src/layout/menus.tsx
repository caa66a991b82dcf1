import type { ReactNode } from 'react';
import {
  AlertOutlined,
  BookOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  IdcardOutlined,
  BarChartOutlined,
  FileAddOutlined,
  FileTextOutlined,
  FlagOutlined,
  GlobalOutlined,
  InboxOutlined,
  KeyOutlined,
  ApartmentOutlined,
  CalendarOutlined,
  UserOutlined,
  PauseCircleOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '../api/types';
import { assertNever } from '../lib/assert-never';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
}

const STAFF: MenuEntry[] = [
  { path: '/staff', label: '登记交办', icon: <SolutionOutlined /> },
  { path: '/staff/sessions', label: '会次管理', icon: <CalendarOutlined /> },
  { path: '/staff/import', label: '批量导入', icon: <CloudUploadOutlined /> },
  // Every value of the rulebook in force with its article (or marked a default).
  { path: '/rulebook', label: '办理规则', icon: <BookOutlined /> },
  // Staff and admins see which suggestions the read model holds back (admin retries them).
  { path: '/operations/parked', label: '数据暂缓', icon: <PauseCircleOutlined /> },
];
const SUPERVISOR: MenuEntry[] = [
  { path: '/supervisor', label: '大督办', icon: <BarChartOutlined /> },
  { path: '/supervisor/overdue', label: '逾期清单', icon: <AlertOutlined /> },
  { path: '/supervisor/key', label: '重点督办', icon: <FlagOutlined /> },
  { path: '/supervisor/audit', label: '过程审计', icon: <AuditOutlined /> },
];
// Staff and supervisors both read deputies' 履职档案 (admin has both menus, so it is listed once).
const DEPUTIES: MenuEntry[] = [{ path: '/deputies', label: '代表履职', icon: <TeamOutlined /> }];
const COMMON: MenuEntry[] = [
  { path: '/inbox', label: '消息', icon: <InboxOutlined /> },
  { path: '/public', label: '公开答复', icon: <GlobalOutlined /> },
  { path: '/account/password', label: '修改密码', icon: <KeyOutlined /> },
];
const ADMIN: MenuEntry[] = [
  { path: '/admin/users', label: '用户管理', icon: <UserOutlined /> },
  { path: '/admin/units', label: '单位管理', icon: <ApartmentOutlined /> },
  { path: '/admin/delegations', label: '代表团管理', icon: <TeamOutlined /> },
  { path: '/admin/calendar', label: '日历', icon: <CalendarOutlined /> },
];

export function menuFor(role: Role): MenuEntry[] {
  switch (role) {
    case 'deputy':
      return [
        { path: '/deputy', label: '我的建议', icon: <FileTextOutlined /> },
        { path: '/deputy/new', label: '提出建议', icon: <FileAddOutlined /> },
        { path: '/deputy/archive', label: '履职档案', icon: <IdcardOutlined /> },
        // Where the deputy keeps the phone number units call before answering.
        { path: '/account/profile', label: '个人信息', icon: <UserOutlined /> },
        ...COMMON,
      ];
    case 'unit':
      return [{ path: '/unit', label: '待办', icon: <SolutionOutlined /> }, ...COMMON];
    case 'staff':
      return [...STAFF, ...DEPUTIES, ...COMMON];
    case 'supervisor':
      return [...SUPERVISOR, ...DEPUTIES, ...COMMON];
    case 'admin':
      return [...ADMIN, ...STAFF, ...SUPERVISOR, ...DEPUTIES, ...COMMON];
    default:
      return assertNever(role, 'role');
  }
}
