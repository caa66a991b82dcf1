import { comparePositions, parsePosition } from '@duban/event-store';
import type { CommandOutcome } from '../../commands/command-outcome';
import { toErrorResponse } from '../../http/error-response';

/**
 * One item of a batch: `status` is the HTTP status the item's own request would have answered
 * (200, or the refusal's 4xx/5xx with its code and Chinese message), so a client reads a batch
 * result exactly as it would read that many single answers.
 */
export interface BatchItemResult {
  id: string;
  status: number;
  revision?: number;
  position?: string;
  code?: string;
  message?: string;
}

export interface BatchResult {
  results: BatchItemResult[];
  /** The latest position any item reached: pass as `?after=` to read every item's new state. */
  position: string | null;
}

export function itemSucceeded(id: string, outcome: CommandOutcome): BatchItemResult {
  return { id, status: 200, revision: outcome.revision, position: outcome.position };
}

/** The item's refusal in the very words and status its single request would have had. */
export function itemFailed(id: string, error: unknown): BatchItemResult {
  const { body } = toErrorResponse(error);
  const detail = body.errors?.[0];
  // A 400 from a reference check names the field; the item's message should say which.
  const message = detail !== undefined && body.statusCode === 400 && detail.message !== body.message ? detail.message : body.message;
  return { id, status: body.statusCode, code: body.code, message };
}

export function latestPosition(results: readonly { position?: string }[]): string | null {
  let latest: string | null = null;
  for (const result of results) {
    if (result.position === undefined) continue;
    const position = parsePosition(result.position);
    const current = latest === null ? null : parsePosition(latest);
    if (position && (current === null || comparePositions(position, current) > 0)) latest = result.position;
  }
  return latest;
}
