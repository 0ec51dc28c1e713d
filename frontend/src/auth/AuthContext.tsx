import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endSession, hasSession, login, logout, onSessionEvent, rememberUser, rememberedUser, resumeSession } from '../api/client';
import { isNetworkError } from '../api/problem';
import type { Role, User } from '../api/types';
import { closeLiveChannels } from '../live/closeAll';
import { queryKeys } from '../lib/queryKeys';
import { dropKeys, heldVaultKid, keysViewer } from '../offline/keyring';
import { meQuery } from './api/me';

/** The person reading stored documents with their PIN, for as long as this tab lasts. */
const DEVICE_KEY = 'hopso.device';

function loadDevice(): User | null {
  try {
    const raw = sessionStorage.getItem(DEVICE_KEY);
    const user = raw ? (JSON.parse(raw) as User) : null;
    // only while the key their PIN opened is still held
    return user && typeof user.id === 'number' && heldVaultKid(user.id) ? user : null;
  } catch {
    return null;
  }
}

function saveDevice(user: User | null): void {
  try {
    if (user) sessionStorage.setItem(DEVICE_KEY, JSON.stringify(user));
    else sessionStorage.removeItem(DEVICE_KEY);
  } catch {
    // storage unavailable: memory still works for this page
  }
}

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated' | 'offline';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /**
   * The server cannot be reached and the person is the one this tab's session belongs to (as last
   * read): pages that work offline (documents stored for reading) are open to them.
   */
  offline: boolean;
  /**
   * Reading the documents stored on this device with the PIN, without signing in (the sign-in
   * page's "Đọc tài liệu đã lưu"): `user` is the vault's person, nothing is asked of the server.
   */
  device: boolean;
  /** true after the session ended by itself (refresh failed): the sign-in page says so */
  expired: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Start reading stored documents as `person` (their PIN was entered: their key is held). */
  openDevice: (person: User) => void;
  /** Leave it: the key is dropped, the sign-in page shows. */
  closeDevice: () => void;
  /** true when the user has at least one of the roles */
  hasRole: (...roles: Role[]) => boolean;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  /** a token exists (stored from an earlier page load, or just signed in) */
  const [active, setActive] = useState(hasSession);
  const [expired, setExpired] = useState(false);
  const [deviceUser, setDeviceUser] = useState<User | null>(loadDevice);
  // who we are; with a stored session (reload) it is fetched once, renewing the token as needed.
  // Without network it fails at once (rather than waiting for the network), and the person kept
  // with the session stands in until the network is back (TanStack Query then reads it again).
  const me = useQuery({ ...meQuery(), enabled: active, networkMode: 'always' });
  const remembered = useMemo(() => (active ? rememberedUser() : null), [active]);
  // the server refused the stored session (not merely unreachable): sign in again
  const rejected = me.isError && !isNetworkError(me.error) && me.data === undefined;

  useEffect(() => {
    if (hasSession()) resumeSession();
  }, []);

  useEffect(() => {
    if (rejected) endSession(false);
  }, [rejected]);

  useEffect(() => {
    if (me.data) rememberUser(me.data);
  }, [me.data]);

  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.type === 'renewed') {
          queryClient.setQueryData(queryKeys.auth.me(), event.user);
        } else {
          // nothing cached may outlive the session: the next person must not see it
          closeLiveChannels(queryClient);
          queryClient.clear();
          // the keys of this session go with it (another person may sign in next)
          dropKeys();
          setActive(false);
          setExpired(true);
        }
      }),
    [queryClient],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const tokens = await login(username, password);
      closeLiveChannels(queryClient);
      queryClient.clear();
      // the same person keeps the key their PIN opened (their notes made offline can be sent now)
      if (keysViewer() !== null && keysViewer() !== tokens.user?.id) dropKeys();
      saveDevice(null);
      setDeviceUser(null);
      if (tokens.user) queryClient.setQueryData(queryKeys.auth.me(), tokens.user);
      setExpired(false);
      setActive(true);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    closeLiveChannels(queryClient);
    await logout();
    dropKeys();
    queryClient.clear();
    setActive(false);
    setExpired(false);
  }, [queryClient]);

  const openDevice = useCallback(
    (person: User) => {
      queryClient.clear();
      saveDevice(person);
      setDeviceUser(person);
      setExpired(false);
    },
    [queryClient],
  );

  const closeDevice = useCallback(() => {
    dropKeys();
    saveDevice(null);
    setDeviceUser(null);
    queryClient.clear();
  }, [queryClient]);

  const { refetch } = me;
  const retry = useCallback(() => void refetch(), [refetch]);

  let status: AuthStatus;
  const stand = me.data === undefined && me.isError && isNetworkError(me.error) ? remembered : null;
  // a session comes first; without one, the stored documents opened with the PIN
  const device = (!active || rejected) && deviceUser !== null;
  if (device) status = 'authenticated';
  else if (!active || rejected) status = 'anonymous';
  else if (me.data !== undefined || stand) status = 'authenticated';
  else if (me.isError) status = 'offline';
  else status = 'loading';
  const user = device ? deviceUser : status === 'authenticated' ? (me.data ?? stand ?? null) : null;
  const offline = device || (status === 'authenticated' && me.data === undefined);

  const hasRole = useCallback((...roles: Role[]) => !!user && roles.some((r) => user.roles?.includes(r)), [user]);

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, offline, device, expired, signIn, signOut, openDevice, closeDevice, hasRole, retry }),
    [status, user, offline, device, expired, signIn, signOut, openDevice, closeDevice, hasRole, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
