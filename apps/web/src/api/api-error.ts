/** A refused or failed request, carrying the message to show the user (Simplified Chinese). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The api's rule name on 409s, e.g. `rating.reason_required`. */
    readonly code?: string,
    /** Field → Chinese message, from a 400's `errors`. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0: the request never reached the api. */
export const NETWORK_ERROR_STATUS = 0;

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}

/**
 * Someone changed the suggestion after this page read it: 412 (the revision the user saw is stale)
 * or 409 (its state no longer allows the step, e.g. another person already did it).
 */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.status === 409);
}

/** The plain words for a stale screen, said after the page has been refreshed. */
export function staleMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return `${error.message.replace(/[。.]$/, '')}。页面已刷新为最新状态，请核对后再操作。`;
  return '这件建议刚被其他人更新过，您看到的不是最新内容，所以这次没有提交。页面已刷新为最新内容，请核对后再提交。';
}
