/**
 * Some endpoints the pages use belong to a later issue (supervision statistics, live stream).
 * The tests ask the running api whether one exists, so each step runs as soon as it does.
 * Only the status line is read: a live stream never ends on its own.
 */
export async function endpointExists(baseUrl: string, path: string, token?: string): Promise<boolean> {
  const controller = new AbortController();
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: controller.signal,
    });
    return response.status !== 404;
  } finally {
    controller.abort();
  }
}
