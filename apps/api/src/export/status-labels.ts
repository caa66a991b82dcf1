import type { SuggestionStatus } from '@duban/domain';

/** The statuses as the sheets show them. */
export const STATUS_NAMES: Readonly<Record<SuggestionStatus, string>> = {
  submitted: '已提交',
  accepted: '已立案',
  rejected: '不予立案',
  assigned: '办理中',
  answered: '已答复',
  rehandling: '重新办理',
  rated: '已评价',
  closed: '已办结',
  withdrawn: '已撤回',
};
