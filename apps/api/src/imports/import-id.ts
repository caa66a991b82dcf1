import { createHash } from 'node:crypto';
import { deriveSuggestionId } from '../idempotency/derive-suggestion-id';
import type { SuggestionRow } from './suggestion-rows';

/**
 * The id of an imported suggestion, from its session and content alone: the same row uploaded
 * again (by anyone, in any row position, in any later file) names the same stream, which then
 * already exists, so a second upload creates nothing new. The namespace cannot be a login name
 * (those never contain NUL), so no Idempotency-Key of a person can produce the same id.
 */
export function importedSuggestionId(sessionId: string, row: Omit<SuggestionRow, 'row'>): string {
  const content = [sessionId, row.title.trim(), row.content, row.leadDeputyId, [...row.coSignerIds].sort().join(','), row.delegationId ?? ''].join('\u0000');
  return deriveSuggestionId('\u0000import', createHash('sha256').update(content).digest('hex'));
}
