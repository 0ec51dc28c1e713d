// Small fetch wrapper for the HopSo REST API (docs/API.md).
//
// - adds `Authorization: Bearer <accessToken>` and `Accept-Language: vi|en` (the UI language, so
//   problem+json texts come back in it);
// - keeps the access token in memory and in sessionStorage (a reload stays signed in); the refresh
//   token never reaches page scripts: the server sends it only as the HttpOnly cookie on /api/auth
//   (never in a JSON body), so a script injected into the page cannot steal a long-lived credential;
// - renews the access token with POST /api/auth/refresh (no body: the browser sends the cookie)
//   shortly before it expires, and once after a 401, then retries the request; when renewal fails
//   the session ends (listeners are told, the app then shows the sign-in page);
// - turns every non-2xx answer into an ApiError carrying the problem+json body (`errors[]`, `rows[]`).

import { currentLang } from '../lib/i18n';
import { ApiError, networkError, parseRetryAfter, toProblem } from './problem';
import type { TokenResponse, User } from './types';

const STORAGE_KEY = 'hopso.session';
/** Who signed in (kept with the session): without network a reload still knows the person. */
const USER_KEY = 'hopso.user';

interface StoredSession {
  accessToken: string;
  /** epoch millis when the access token runs out */
  expiresAt: number;
}

export type SessionEvent = { type: 'renewed'; user: User } | { type: 'ended' };
type SessionListener = (event: SessionEvent) => void;

let session: StoredSession | null = loadSession();
// rewrite what was stored: a session kept by an older version of the app may still hold a
// refresh token, which must not stay readable by scripts
saveSession(session);
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<SessionListener>();

function loadSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'number') return null;
    return {
      accessToken: parsed.accessToken,
      expiresAt: parsed.expiresAt,
    };
  } catch {
    return null;
  }
}

function saveSession(s: StoredSession | null): void {
  try {
    if (s) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    else {
      sessionStorage.removeItem(STORAGE_KEY);
      sessionStorage.removeItem(USER_KEY);
    }
  } catch {
    // storage may be unavailable (private mode); memory still works
  }
}

/**
 * Keep who is signed in for as long as the session lasts in this tab, so that a reload without
 * network can open what this person stored for reading offline (src/offline/).
 */
export function rememberUser(user: User): void {
  try {
    if (session) sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  } catch {
    // storage unavailable
  }
}

/** The person of the stored session (null without one). */
export function rememberedUser(): User | null {
  if (!session) return null;
  try {
    const raw = sessionStorage.getItem(USER_KEY);
    if (!raw) return null;
    const user = JSON.parse(raw) as User;
    return user && typeof user.id === 'number' ? user : null;
  } catch {
    return null;
  }
}

function emit(event: SessionEvent): void {
  for (const l of listeners) l(event);
}

/** Subscribe to session renewal / end. Returns the unsubscribe function. */
export function onSessionEvent(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasSession(): boolean {
  return session !== null;
}

export function accessToken(): string | null {
  return session?.accessToken ?? null;
}

/** Margin before expiry at which the token is renewed: 60 s, or a fifth of a short lifetime. */
function renewMargin(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(5_000, lifetimeMs / 5));
}

function scheduleRefresh(): void {
  if (refreshTimer !== undefined) clearTimeout(refreshTimer);
  refreshTimer = undefined;
  if (!session) return;
  const remaining = session.expiresAt - Date.now();
  const delay = Math.max(1_000, remaining - renewMargin(Math.max(remaining, 0)));
  refreshTimer = setTimeout(() => {
    void refreshSession();
  }, delay);
}

/** Store the access token of a login or refresh answer and schedule the next renewal. */
export function startSession(tokens: TokenResponse): void {
  if (!tokens.accessToken) throw new Error('no access token in the answer');
  session = {
    accessToken: tokens.accessToken,
    // the server always says; a minute is a safe guess that renews soon
    expiresAt: Date.now() + (tokens.expiresIn ?? 60) * 1000,
  };
  saveSession(session);
  scheduleRefresh();
}

/** Forget the tokens. `notify` tells listeners (used when the session ends on its own). */
export function endSession(notify: boolean): void {
  const had = session !== null;
  session = null;
  saveSession(null);
  if (refreshTimer !== undefined) clearTimeout(refreshTimer);
  refreshTimer = undefined;
  if (notify && had) emit({ type: 'ended' });
}

/**
 * Renew the access token (one request at a time). Resolves true on success. A rejected refresh
 * (4xx) ends the session; a network failure keeps it (the server may just be unreachable).
 */
export function refreshSession(): Promise<boolean> {
  if (refreshing) return refreshing;
  if (!session) return Promise.resolve(false);
  refreshing = (async () => {
    try {
      // no body: the browser sends the HttpOnly refresh cookie (path /api/auth) by itself
      const res = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Accept-Language': currentLang() },
      });
      if (!res.ok) {
        endSession(true);
        return false;
      }
      const tokens = (await res.json()) as TokenResponse;
      startSession(tokens);
      if (tokens.user) emit({ type: 'renewed', user: tokens.user });
      return true;
    } catch {
      // network failure: try again a little later while the token may still be valid
      if (session && session.expiresAt > Date.now()) {
        if (refreshTimer !== undefined) clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => void refreshSession(), 15_000);
      }
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Renew first when the token is (nearly) expired, e.g. after a sleeping tablet wakes up. */
async function ensureFresh(): Promise<void> {
  if (session && session.expiresAt - Date.now() < 5_000) await refreshSession();
}

// ---------------------------------------------------------------------------------------------
// Errors

function isJson(contentType: string | null): boolean {
  return !!contentType && /[/+]json\b/i.test(contentType);
}

/** Build an ApiError from a failed fetch Response. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = isJson(res.headers.get('Content-Type')) ? await res.json() : await res.text();
  } catch {
    body = null;
  }
  return new ApiError(toProblem(res.status, res.statusText, body), parseRetryAfter(res.headers.get('Retry-After')));
}

/** Build an ApiError from a finished XMLHttpRequest (used by the CSV upload). */
export function errorFromXhr(xhr: XMLHttpRequest): ApiError {
  let body: unknown = xhr.responseText;
  if (isJson(xhr.getResponseHeader('Content-Type'))) {
    try {
      body = JSON.parse(xhr.responseText);
    } catch {
      body = null;
    }
  }
  return new ApiError(toProblem(xhr.status, xhr.statusText, body), parseRetryAfter(xhr.getResponseHeader('Retry-After')));
}

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * An id as a URL path segment. The OpenAPI document marks every answer field optional, so an id
 * read from an answer may be missing: the request then fails (shown like any failed request)
 * instead of calling `/api/.../undefined`.
 */
export function pathId(id: number | string | null | undefined): string {
  if (id === undefined || id === null || id === '') throw new Error('missing id');
  return encodeURIComponent(String(id));
}

/** An id a request body needs; fails the request when the answer it came from had none. */
export function requireId(id: number | null | undefined): number {
  if (id === undefined || id === null) throw new Error('missing id');
  return id;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON body (serialized here) */
  body?: unknown;
  signal?: AbortSignal;
  /** send the bearer token and renew on 401 (default true) */
  auth?: boolean;
  headers?: Record<string, string>;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const auth = opts.auth !== false;
  if (auth) await ensureFresh();
  const doFetch = (): Promise<Response> => {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json;q=0.9, */*;q=0.1',
      'Accept-Language': currentLang(),
      ...opts.headers,
    };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const token = accessToken();
    if (auth && token) headers.Authorization = `Bearer ${token}`;
    return fetch(buildUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
      credentials: 'same-origin',
    });
  };
  let res: Response;
  try {
    res = await doFetch();
    if (res.status === 401 && auth && hasSession()) {
      if (await refreshSession()) res = await doFetch();
    }
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
  return res;
}

/** Perform a request and return the parsed JSON body (undefined for 204). */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  return JSON.parse(text) as T;
}

export const api = {
  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return request<T>(path, { query, signal });
  },
  post<T>(path: string, body?: unknown): Promise<T> {
    return request<T>(path, { method: 'POST', body: body ?? {} });
  },
  put<T>(path: string, body: unknown): Promise<T> {
    return request<T>(path, { method: 'PUT', body });
  },
  del<T = void>(path: string): Promise<T> {
    return request<T>(path, { method: 'DELETE' });
  },
};

/** Download a file with the token; the name comes from Content-Disposition when present. */
export async function downloadBlob(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const res = await send(path, { headers: { Accept: 'text/csv, */*;q=0.5' } });
  if (!res.ok) throw await errorFromResponse(res);
  const blob = await res.blob();
  return { blob, filename: filenameFrom(res.headers.get('Content-Disposition')) ?? fallbackName };
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || null;
}

/** Make sure the token is fresh before a request that is not sent through fetch (XHR upload). */
export async function prepareAuth(): Promise<string | null> {
  await ensureFresh();
  return accessToken();
}

// ---------------------------------------------------------------------------------------------
// Auth calls

export async function login(username: string, password: string): Promise<TokenResponse> {
  const tokens = await request<TokenResponse>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    auth: false,
  });
  startSession(tokens);
  return tokens;
}

export async function logout(): Promise<void> {
  // an expired token could not revoke the session on the server: renew it first
  if (session) await ensureFresh();
  const token = accessToken();
  if (token) {
    try {
      await fetch('/api/auth/logout', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Accept-Language': currentLang() },
        credentials: 'same-origin',
      });
    } catch {
      // signing out locally is enough when the server is unreachable
    }
  }
  endSession(false);
}

/** On start-up: when a stored session exists, schedule its renewal. */
export function resumeSession(): void {
  if (session) scheduleRefresh();
}
