import { ApiError } from './api-error';
import { request } from './client';
import { rememberPosition } from './read-your-writes';
import type { AssignmentMode } from './types';

/** How a group command went for each member suggestion. */
export type MemberResult =
  | { suggestionId: string; ok: true; revision: number; position: string }
  | { suggestionId: string; ok: false; statusCode: number; code: string; message: string };

export interface GroupCommandResult {
  groupId: string;
  results: MemberResult[];
  position: string | null;
}

/**
 * A group command is applied member by member; when some member refuses, the user reads which
 * and why (the api's own words), after the others went through.
 */
function settle(result: GroupCommandResult, titles: Record<string, string> = {}): GroupCommandResult {
  rememberPosition(result.position);
  const refused = result.results.filter((r): r is Extract<MemberResult, { ok: false }> => !r.ok);
  if (refused.length > 0) {
    const done = result.results.length - refused.length;
    const why = refused.map((r) => `${titles[r.suggestionId] ?? r.suggestionId}：${r.message}`).join('；');
    throw new ApiError(409, `${done} 件已办理，${refused.length} 件未能办理——${why}`);
  }
  return result;
}

/** 并案: the first id is the primary unless named. */
export async function createGroup(suggestionIds: string[], titles: Record<string, string>): Promise<GroupCommandResult> {
  const result = await request<GroupCommandResult>('/api/groups', { method: 'POST', body: { suggestionIds } });
  return settle(result, titles);
}

/** 一并交办: the same assignment for every member of the group. */
export async function assignGroup(
  groupId: string,
  body: { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string },
): Promise<GroupCommandResult> {
  const result = await request<GroupCommandResult>(`/api/groups/${encodeURIComponent(groupId)}/assign`, { method: 'POST', body });
  return settle(result);
}

/** 一并答复: the lead unit's one answer goes to every member's deputies; each member reports on its own. */
export async function answerGroup(
  groupId: string,
  body: { category: string; content: string; signedBy: string; commitments: { description: string; dueAt: string }[]; attachmentIds?: string[] },
): Promise<GroupCommandResult> {
  const result = await request<GroupCommandResult>(`/api/groups/${encodeURIComponent(groupId)}/answer`, { method: 'POST', body });
  return settle(result);
}
