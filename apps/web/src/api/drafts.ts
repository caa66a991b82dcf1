// Unsent text (a suggestion, an answer) lives in localStorage until it is sent: an expired
// session, a closed tab or a crash must not throw away what someone typed.
const PREFIX = 'duban.draft.';

/** One draft per user and form (and suggestion, for answers). */
export function draftKey(userId: string, form: 'suggestion' | 'answer', suggestionId?: string): string {
  return `${PREFIX}${userId}.${form}${suggestionId ? `.${suggestionId}` : ''}`;
}

export function loadDraft<T extends object>(key: string): Partial<T> | null {
  const text = localStorage.getItem(key);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Partial<T>) : null;
  } catch {
    return null;
  }
}

/** Saves `values`; a form with nothing typed in it leaves no draft behind. */
export function saveDraft(key: string, values: object): void {
  try {
    if (isEmpty(values)) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(values));
  } catch {
    // A full storage quota must not break typing; the draft is simply not kept.
  }
}

export function clearDraft(key: string): void {
  localStorage.removeItem(key);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}
