// The words come from the shared label module (libs/domain/src/labels); this file adds the web's
// presentation (colours, options) and keeps the call sites short.
import {
  ASSIGNMENT_MODE_LABELS,
  DISCLOSURE_STATUS_LABELS,
  EXEMPTION_LABELS,
  ROLE_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
  UNIT_ROLE_LABELS,
} from '@duban/domain/labels';
import { assertNever } from './assert-never';
import type { AssignmentMode, Disclosure, Role, Satisfaction, SuggestionStatus, UnitRole } from '../api/types';
import type { ExemptionReason } from '../api/supervision-types';

export const statusLabel = (status: SuggestionStatus): string => STATUS_LABELS[status];

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

export const roleLabel = (role: Role): string => ROLE_LABELS[role];

export const modeLabel = (mode: AssignmentMode): string => ASSIGNMENT_MODE_LABELS[mode];

export const unitRoleLabel = (role: UnitRole): string => UNIT_ROLE_LABELS[role];

export const SATISFACTION_OPTIONS: { value: Satisfaction; label: string }[] = (['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map(
  (value) => ({ value, label: SATISFACTION_LABELS[value] }),
);

export const satisfactionLabel = (value: Satisfaction): string => SATISFACTION_LABELS[value];

export const exemptionLabel = (reason: ExemptionReason): string => EXEMPTION_LABELS[reason];


export function disclosureLabel(disclosure: Disclosure): string {
  switch (disclosure.status) {
    case 'unpublished':
    case 'published':
      return DISCLOSURE_STATUS_LABELS[disclosure.status];
    case 'exempt':
      return `不予公开（${exemptionLabel(disclosure.reason)}）`;
    default:
      return assertNever(disclosure, 'disclosure');
  }
}

export { UNIT_STAGE_LABELS } from '@duban/domain/labels';
