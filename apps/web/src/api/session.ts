// The signed-in session lives in localStorage so a reload keeps the user signed in.
import type { User } from './types';

const TOKEN_KEY = 'duban.accessToken';
const USER_KEY = 'duban.user';

export function loadSession(): { token: string; user: User } | null {
  const token = localStorage.getItem(TOKEN_KEY);
  const user = localStorage.getItem(USER_KEY);
  if (!token || !user) return null;
  try {
    return { token, user: JSON.parse(user) as User };
  } catch {
    return null;
  }
}

export function saveSession(token: string, user: User): void {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

export function currentToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}
