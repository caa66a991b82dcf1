import { assertNever } from './assert-never';
import type { AssignmentMode, Disclosure, Role, Satisfaction, SuggestionStatus, UnitHandling, UnitRole } from '../api/types';
import type { ExemptionReason } from '../api/supervision-types';

export function statusLabel(status: SuggestionStatus): string {
  switch (status) {
    case 'submitted':
      return '待立案';
    case 'accepted':
      return '已立案待交办';
    case 'rejected':
      return '不予立案';
    case 'assigned':
      return '办理中';
    case 'answered':
      return '已答复待评价';
    case 'rehandling':
      return '重新办理';
    case 'rated':
      return '已评价';
    case 'closed':
      return '已办结';
    case 'withdrawn':
      return '已撤回';
    default:
      return assertNever(status, 'status');
  }
}

export function statusColor(status: SuggestionStatus): string {
  switch (status) {
    case 'submitted':
    case 'accepted':
      return 'blue';
    case 'assigned':
      return 'processing';
    case 'answered':
      return 'gold';
    case 'rehandling':
      return 'volcano';
    case 'rated':
      return 'cyan';
    case 'closed':
      return 'green';
    case 'rejected':
    case 'withdrawn':
      return 'default';
    default:
      return assertNever(status, 'status');
  }
}

/** What a list item's due time is for, by status (the api picks the next one that matters). */
export function dueKindLabel(status: SuggestionStatus): string {
  switch (status) {
    case 'submitted':
    case 'accepted':
      return '交办 ';
    case 'assigned':
    case 'rehandling':
      return '答复 ';
    case 'answered':
      return '评价 ';
    case 'rated':
    case 'closed':
    case 'rejected':
    case 'withdrawn':
      return '';
    default:
      return assertNever(status, 'status');
  }
}

export function roleLabel(role: Role): string {
  switch (role) {
    case 'deputy':
      return '人大代表';
    case 'staff':
      return '代表工委';
    case 'unit':
      return '承办单位';
    case 'supervisor':
      return '督办人';
    case 'admin':
      return '系统管理员';
    default:
      return assertNever(role, 'role');
  }
}

export function modeLabel(mode: AssignmentMode): string {
  switch (mode) {
    case 'sole':
      return '单独办理';
    case 'lead':
      return '主办 + 协办';
    case 'separate':
      return '分别办理';
    default:
      return assertNever(mode, 'mode');
  }
}

export function unitRoleLabel(role: UnitRole): string {
  switch (role) {
    case 'sole':
      return '承办';
    case 'lead':
      return '主办';
    case 'co':
      return '协办';
    case 'separate':
      return '分办';
    default:
      return assertNever(role, 'unit role');
  }
}

export const SATISFACTION_OPTIONS: { value: Satisfaction; label: string }[] = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
];

export function satisfactionLabel(value: Satisfaction): string {
  switch (value) {
    case 'satisfied':
      return '满意';
    case 'basically_satisfied':
      return '基本满意';
    case 'dissatisfied':
      return '不满意';
    default:
      return assertNever(value, 'satisfaction');
  }
}

export function exemptionLabel(reason: ExemptionReason): string {
  switch (reason) {
    case 'state_secret':
      return '涉及国家秘密';
    case 'commercial_secret':
      return '涉及商业秘密';
    case 'privacy':
      return '涉及个人隐私';
    case 'deputy_request':
      return '代表要求不公开';
    default:
      return assertNever(reason, 'exemption reason');
  }
}

export const UNIT_STAGE_LABELS: Record<UnitHandling['stage'], string> = {
  handling: '办理中',
  answered: '已答复',
  rehandling: '重新办理',
  rated: '已评价',
  not_rated: '逾期未评价',
};

export function disclosureLabel(disclosure: Disclosure): string {
  switch (disclosure.status) {
    case 'unpublished':
      return '未公开';
    case 'published':
      return '已公开';
    case 'exempt':
      return `不予公开（${exemptionLabel(disclosure.reason)}）`;
    default:
      return assertNever(disclosure, 'disclosure');
  }
}
