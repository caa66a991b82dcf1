import type { SuggestionListItem } from '../api/types';

/** Earliest due first; items without a due time last. */
export function byDueDate(a: Pick<SuggestionListItem, 'dueAt'>, b: Pick<SuggestionListItem, 'dueAt'>): number {
  if (a.dueAt === b.dueAt) return 0;
  if (!a.dueAt) return 1;
  if (!b.dueAt) return -1;
  return new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime();
}
