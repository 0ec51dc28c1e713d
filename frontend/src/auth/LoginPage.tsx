import { useMutation } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { TextField } from '../components/Field';
import { useTitle } from '../components/useTitle';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useAuth } from './AuthContext';

// "Đọc tài liệu đã lưu" (IndexedDB, the PIN): loaded with the sign-in page's first paint
const StoredAccess = lazy(() => import('./StoredAccess'));

/** The browser says it has no network (it may say online without reaching the server). */
function useBrowserOffline(): boolean {
  const [offline, setOffline] = useState(() => typeof navigator !== 'undefined' && navigator.onLine === false);
  useEffect(() => {
    const on = () => setOffline(false);
    const off = () => setOffline(true);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return offline;
}

interface FromState {
  from?: string;
}

function target(state: unknown): string {
  const from = (state as FromState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { status, signIn, expired, device } = useAuth();
  const browserOffline = useBrowserOffline();
  const location = useLocation();
  const navigate = useNavigate();
  useTitle(t('login.title'));

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  /** epoch millis until which sign-in is blocked after a 429 */
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const signInMutation = useMutation({
    mutationFn: (v: { username: string; password: string }) => signIn(v.username, v.password),
    onError: (err) => {
      setPassword('');
      if (err instanceof ApiError && err.status === 429 && err.retryAfter !== null && err.retryAfter > 0) {
        setNow(Date.now());
        setBlockedUntil(Date.now() + err.retryAfter * 1000);
      }
    },
  });
  const form = useApiForm(signInMutation);
  const { reset } = signInMutation;

  useEffect(() => {
    if (blockedUntil === null) return;
    const id = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= blockedUntil) {
        setBlockedUntil(null);
        reset();
      }
    }, 1000);
    return () => clearInterval(id);
  }, [blockedUntil, reset]);

  if (status === 'authenticated' && !device) return <Navigate to={target(location.state)} replace />;

  const secondsLeft = blockedUntil !== null ? Math.max(0, Math.ceil((blockedUntil - now) / 1000)) : 0;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (form.busy || blockedUntil !== null) return;
    const missing: Record<string, string> = {};
    if (!username.trim()) missing.username = t('common.required');
    if (!password) missing.password = t('common.required');
    if (Object.keys(missing).length) {
      form.invalid(missing);
      return;
    }
    form.submit({ username: username.trim(), password }, { onSuccess: () => navigate(target(location.state), { replace: true }) });
  }

  const problemStatus = form.problem?.status;
  let message: string | null;
  if (problemStatus === 429 && blockedUntil !== null) {
    // counts down; when the wait is over the message goes away
    message = t('login.tooMany', { count: secondsLeft });
  } else if (problemStatus === 401) {
    message = form.problem?.detail || t('login.invalid');
  } else {
    message = form.error;
  }
  const fieldErrors = form.fieldErrors;
  // the server could not be reached: the stored documents come first
  const unreachable = browserOffline || problemStatus === 0;

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <main className="login-card" id="main">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            HS
          </span>
          <span>{t('app.name')}</span>
        </div>
        <p className="muted">{t('login.subtitle')}</p>
        <h1>{t('login.title')}</h1>
        {expired && !form.error && (
          <div className="alert alert-info" role="status">
            {t('login.expired')}
          </div>
        )}
        {message && (
          <div className="alert alert-error" role="alert" data-testid="login-error">
            {message}
          </div>
        )}

        <div className="login-body">
          <form onSubmit={onSubmit} noValidate>
            <TextField
              label={t('login.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              error={fieldErrors.username}
            />
            <TextField
              label={t('login.password')}
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldErrors.password}
            />
            <label className="check">
              <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
              <span>{t('login.showPassword')}</span>
            </label>
            <button
              type="submit"
              className="btn btn-primary btn-block"
              data-testid="login-submit"
              disabled={form.busy || blockedUntil !== null}
            >
              {form.busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
          {/* one instance (its dialog survives the network coming back); prominent ones go first */}
          <Suspense fallback={null}>
            <StoredAccess prominent={unreachable} />
          </Suspense>
        </div>
      </main>
    </div>
  );
}
