import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, login as loginRequest } from '../api/auth-api';
import { setUnauthorizedHandler } from '../api/client';
import { forgetPositions } from '../api/read-your-writes';
import { clearSession, currentToken, loadSession, saveSession } from '../api/session';
import type { User } from '../api/types';

interface AuthValue {
  user: User | null;
  token: string | null;
  /** True when the last sign-out happened because the api stopped accepting the token. */
  expired: boolean;
  /** Whose session expired: only they are taken back to the page they were on. */
  expiredUserId: string | null;
  login: (username: string, password: string) => Promise<User>;
  logout: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(loadSession);
  const [expired, setExpired] = useState(false);
  const [expiredUserId, setExpiredUserId] = useState<string | null>(null);

  const signOutLocally = useCallback(() => {
    clearSession();
    forgetPositions();
    setSession(null);
  }, []);

  // The api ends the token too, so a copy of it (another tab, a leaked one) stops working now,
  // not hours later. Sent directly: a 401 here (already ended) must not count as "expired".
  const logout = useCallback(() => {
    const ending = session?.token;
    if (ending) {
      void fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${ending}` } }).catch(() => undefined);
    }
    signOutLocally();
  }, [session, signOutLocally]);

  useEffect(() => {
    setUnauthorizedHandler((refusedToken) => {
      // A late answer to a request sent with an older token (say, just before a password change
      // and the sign-in after it) must not sign the new session out.
      if (refusedToken !== currentToken()) return;
      setExpiredUserId(loadSession()?.user.id ?? null);
      setExpired(true);
      signOutLocally();
    });
    return () => setUnauthorizedHandler(null);
  }, [signOutLocally]);

  // A stored session may belong to a token the api no longer accepts; /auth/me finds out early
  // and fills in what the login answer may leave out (display name).
  const token = session?.token ?? null;
  useEffect(() => {
    if (!token) return;
    fetchMe().then(
      (me) => {
        setSession((current) => {
          if (!current || current.token !== token) return current;
          const user = { ...current.user, ...me };
          saveSession(token, user);
          return { token, user };
        });
      },
      () => undefined,
    );
  }, [token]);

  const login = useCallback(async (username: string, password: string) => {
    const result = await loginRequest(username, password);
    const user: User = { ...result.user, username: result.user.username ?? username };
    saveSession(result.accessToken, user);
    forgetPositions();
    setExpired(false);
    setSession({ token: result.accessToken, user });
    return user;
  }, []);

  const value = useMemo<AuthValue>(
    () => ({ user: session?.user ?? null, token, expired, expiredUserId, login, logout }),
    [session, token, expired, expiredUserId, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** For pages behind RequireRole: the user is known to be signed in. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
