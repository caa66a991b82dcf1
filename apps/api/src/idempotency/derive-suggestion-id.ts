import { createHash } from 'node:crypto';

/**
 * The id of a suggestion submitted with an Idempotency-Key: the same person and key always give
 * the same id, so a retried submission lands on the stream of the first one instead of a new one.
 * Formatted as a UUID (version 8, "custom") so it looks like every other suggestion id.
 */
export function deriveSuggestionId(userId: string, key: string): string {
  const hex = createHash('sha256').update(`suggestion\u0000${userId}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
