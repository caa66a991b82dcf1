/** The few api calls the HTTP scenarios make to set themselves up (login, create a user). */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<string> {
    const res = await this.send('POST', '/api/auth/login', { username, password });
    const token = (res as { accessToken?: string }).accessToken;
    if (!token) throw new Error(`login as ${username}: no accessToken in ${JSON.stringify(res)}`);
    return token;
  }

  /**
   * The first administrator of a fresh production store, ready to work: production makes the
   * bootstrap password (it passed through the environment) be replaced before any other route
   * answers, so this replaces it and signs in again with the new one.
   */
  async firstAdmin(bootstrapPassword: string, newPassword: string): Promise<string> {
    const first = await this.login('admin', bootstrapPassword);
    await this.send('POST', '/api/auth/password', { currentPassword: bootstrapPassword, newPassword }, first);
    return this.login('admin', newPassword);
  }

  async send(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<unknown> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status >= 300) throw new ApiError(method, path, res.status, text);
    return text === '' ? null : (JSON.parse(text) as unknown);
  }
}

export class ApiError extends Error {
  constructor(
    method: string,
    path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} → ${status}: ${body.slice(0, 300)}`);
    this.name = 'ApiError';
  }
}
