import { ApiError, NETWORK_ERROR_STATUS } from './api-error';
import { toApiError } from './error-messages';
import { afterParam } from './read-your-writes';
import { currentToken } from './session';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Stream revision the user saw; a stale one gets 412 and changes nothing. */
  ifMatch?: number;
  /** Send no token (login, public pages). */
  anonymous?: boolean;
}

let onUnauthorized: ((token: string) => void) | null = null;

/** The auth context signs the user out when a token stops being accepted (told which token). */
export function setUnauthorizedHandler(handler: ((token: string) => void) | null): void {
  onUnauthorized = handler;
}

// Suggestion queries and a deputy's archive are read-model queries that honour `after`.
const READ_MODEL_PATH = /^\/api\/(suggestions|deputies)(\/|$|\?)/;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params.size > 0 ? `${path}?${params.toString()}` : path;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (e) {
    // The read model is a moment behind a write (503 read_model_behind): one quiet retry.
    if ((options.method ?? 'GET') === 'GET' && e instanceof ApiError && e.status === 503) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return send<T>(path, options);
    }
    throw e;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const query: Query = { ...options.query };
  if (method === 'GET' && READ_MODEL_PATH.test(path)) query.after = afterParam();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.anonymous ? null : currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw toApiError(NETWORK_ERROR_STATUS, null);
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && token && onUnauthorized) onUnauthorized(token);
    throw toApiError(response.status, body);
  }
  return body as T;
}

/** Downloads a file the api builds (Excel exports need the bearer token, so a plain link will not do). */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw toApiError(NETWORK_ERROR_STATUS, null);
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw toApiError(response.status, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export { ApiError };
