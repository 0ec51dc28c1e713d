import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n';
import { Forbidden } from '../layout/Forbidden';
import type { Role } from '../api/types';
import { useAuth } from './AuthContext';

export function Splash() {
  const { t } = useI18n();
  return (
    <div className="splash" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('app.loading')}
    </div>
  );
}

function Offline() {
  const { t } = useI18n();
  const { retry } = useAuth();
  return (
    <div className="splash">
      <p role="alert">{t('error.network')}</p>
      <button type="button" className="btn btn-primary" onClick={retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/** Signed-in area: while unknown shows a splash, when anonymous goes to /login (and back after). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Splash />;
  if (status === 'offline') return <Offline />;
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <>{children}</>;
}

/** Shows "Không có quyền truy cập" unless the user has one of the roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  return hasRole(...roles) ? <>{children}</> : <Forbidden />;
}
