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
