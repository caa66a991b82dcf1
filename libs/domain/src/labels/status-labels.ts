import type { SuggestionStatus } from '../suggestion/values';

/**
 * A suggestion's status as every page, sheet and message names it. Where a status waits for
 * someone, the label says for what (待立案, 待交办, 待评价): that is what a reader wants to know.
 */
export const STATUS_LABELS: Readonly<Record<SuggestionStatus, string>> = {
  submitted: '待立案',
  accepted: '已立案待交办',
  rejected: '不予立案',
  assigned: '办理中',
  answered: '已答复待评价',
  rehandling: '重新办理',
  rated: '已评价',
  closed: '已办结',
  withdrawn: '已撤回',
};
