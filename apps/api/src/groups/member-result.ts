import { toErrorResponse } from '../http/error-response';
import type { CommandOutcome } from '../commands/command-outcome';

/** How a group command went for one member suggestion. */
export type MemberResult =
  | { suggestionId: string; ok: true; revision: number; position: string }
  | { suggestionId: string; ok: false; statusCode: number; code: string; message: string };

export function succeeded(suggestionId: string, outcome: CommandOutcome): MemberResult {
  return { suggestionId, ok: true, revision: outcome.revision, position: outcome.position };
}

/** The member's refusal in the same words a single command would have answered with. */
export function failed(suggestionId: string, error: unknown): MemberResult {
  const { body } = toErrorResponse(error);
  return { suggestionId, ok: false, statusCode: body.statusCode, code: body.code, message: body.message };
}

/** What a group command answers: one result per member, in member order. */
export interface GroupCommandResult {
  groupId: string;
  results: MemberResult[];
  /** The last member's position: pass as `?after=` to read every member's new state. */
  position: string | null;
}
