import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, endSession, hasSession, login, logout, onSessionEvent, resumeSession } from '../api';
import type { Role, User } from '../types';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated' | 'offline';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** true after the session ended by itself (refresh failed): the sign-in page says so */
  expired: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** true when the user has at least one of the roles */
  hasRole: (...roles: Role[]) => boolean;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>(hasSession() ? 'loading' : 'anonymous');
  const [user, setUser] = useState<User | null>(null);
  const [expired, setExpired] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // A stored session (reload): renew as needed and fetch who we are.
  useEffect(() => {
    if (!hasSession()) return;
    let cancelled = false;
    resumeSession();
    setStatus('loading');
    api
      .get<User>('/api/auth/me')
      .then((me) => {
        if (cancelled) return;
        setUser(me);
        setStatus('authenticated');
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        if (err instanceof ApiError && err.status === 0) {
          setStatus('offline');
          return;
        }
        endSession(false);
        setUser(null);
        setStatus('anonymous');
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.type === 'renewed') {
          setUser(event.user);
        } else {
          setUser(null);
          setExpired(true);
          setStatus('anonymous');
        }
      }),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const tokens = await login(username, password);
    setUser(tokens.user);
    setExpired(false);
    setStatus('authenticated');
  }, []);

  const signOut = useCallback(async () => {
    await logout();
    setUser(null);
    setExpired(false);
    setStatus('anonymous');
  }, []);

  const hasRole = useCallback((...roles: Role[]) => !!user && roles.some((r) => user.roles.includes(r)), [user]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, expired, signIn, signOut, hasRole, retry }),
    [status, user, expired, signIn, signOut, hasRole, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
