import type { Role } from '@duban/domain';

/**
 * The demo organisation loaded on first start (DEMO_DATA on, store empty). The README lists these
 * accounts; change them here and there together. Every demo password is DEMO_PASSWORD except the
 * admin's (AUTH_BOOTSTRAP_ADMIN_PASSWORD, or DEMO_ADMIN_PASSWORD in demo mode).
 */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_ADMIN_PASSWORD = 'admin1234';

export interface DemoUnit {
  id: string;
  name: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string;
  /** What this account is for, as the README shows it. */
  note: string;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { id: 'jiaotong', name: '市交通运输局' },
  { id: 'jiaoyu', name: '市教育局' },
  { id: 'weijian', name: '市卫生健康委员会' },
  { id: 'zhujian', name: '市住房和城乡建设局' },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'daibiao1', displayName: '张伟', role: 'deputy', note: '人大代表，多件建议的领衔代表' },
  { username: 'daibiao2', displayName: '李娜', role: 'deputy', note: '人大代表，领衔并附议' },
  { username: 'daibiao3', displayName: '王芳', role: 'deputy', note: '人大代表，附议代表' },
  { username: 'jiaotong', displayName: '市交通运输局建议办理专员', role: 'unit', unitId: 'jiaotong', note: '承办单位：市交通运输局' },
  { username: 'jiaoyu', displayName: '市教育局建议办理专员', role: 'unit', unitId: 'jiaoyu', note: '承办单位：市教育局' },
  { username: 'weijian', displayName: '市卫生健康委建议办理专员', role: 'unit', unitId: 'weijian', note: '承办单位：市卫生健康委员会' },
  { username: 'zhujian', displayName: '市住房城乡建设局建议办理专员', role: 'unit', unitId: 'zhujian', note: '承办单位：市住房和城乡建设局' },
  { username: 'gongwei', displayName: '陈静（代表工委）', role: 'staff', note: '人大常委会代表工作委员会工作人员：立案、交办、审批、办结' },
  { username: 'duban', displayName: '刘强（督办人）', role: 'supervisor', note: '主任会议成员，重点督办与催办' },
];

/** The admin account created on first start (demo or not). */
export const ADMIN_USERNAME = 'admin';
export const ADMIN_DISPLAY_NAME = '系统管理员';
