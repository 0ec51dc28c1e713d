import { type ReactNode, Suspense, lazy } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { type MsgKey, useI18n } from '../lib/i18n';
import type { Role } from '../api/types';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../notifications/NotificationBell';

interface NavItem {
  to: string;
  label: MsgKey;
  roles: readonly Role[] | null;
  end?: boolean;
}

// "n ghi chú chờ gửi": annotation changes made offline and not sent yet (IndexedDB, loaded after the app)
const OutboxCount = lazy(() => import('../documents/OutboxCount').then((m) => ({ default: m.OutboxCount })));
// signing out offers to remove the documents stored on this device; notes waiting for the PIN ask for it
const SignOutButton = lazy(() => import('../documents/SignOut').then((m) => ({ default: m.SignOutButton })));
const VaultBanner = lazy(() => import('../documents/SignOut').then((m) => ({ default: m.VaultBanner })));

/** Roles that are given follow-up tasks or give them (a room's device account is neither). */
export const TASK_ROLES: readonly Role[] = ['ADMIN', 'SECRETARY', 'CHAIR', 'DELEGATE', 'OBSERVER'];

/** Roles that may read the endpoint and people lists. */
export const DIRECTORY_ROLES: readonly Role[] = ['ADMIN', 'SECRETARY', 'CHAIR'];

const NAV: NavItem[] = [
  { to: '/', label: 'nav.home', roles: null, end: true },
  { to: '/meetings', label: 'nav.meetings', roles: null },
  { to: '/tasks', label: 'nav.tasks', roles: TASK_ROLES },
  { to: '/admin/units', label: 'nav.units', roles: ['ADMIN'] },
  { to: '/admin/endpoints', label: 'nav.endpoints', roles: ['ADMIN'] },
  { to: '/admin/people', label: 'nav.people', roles: ['ADMIN'] },
  { to: '/admin/import', label: 'nav.import', roles: ['ADMIN'] },
  { to: '/admin/audit', label: 'nav.audit', roles: ['ADMIN'] },
];

const READ_NAV: NavItem[] = [
  { to: '/endpoints', label: 'nav.endpoints', roles: ['SECRETARY', 'CHAIR'] },
  { to: '/people', label: 'nav.people', roles: ['SECRETARY', 'CHAIR'] },
];

export function AppShell() {
  const { t } = useI18n();
  const { user, hasRole, signOut } = useAuth();
  const navigate = useNavigate();
  const isAdmin = hasRole('ADMIN');
  // Admins get the editable pages; secretaries and chairs the read-only lists.
  const items = [...NAV, ...(isAdmin ? [] : READ_NAV)].filter((i) => !i.roles || hasRole(...i.roles));

  return (
    <div className="shell">
      <ShellHeader>
        <Suspense fallback={null}>
          <OutboxCount />
        </Suspense>
        <NotificationBell />
        <NavLink to="/account" className="user-name" data-testid="user-name" title={t('nav.account')}>
          <span className="visually-hidden">{t('header.user')}: </span>
          {user?.fullName || user?.username}
        </NavLink>
        <LanguageSwitch />
        <Suspense
          fallback={
            <button
              type="button"
              className="btn btn-outline-light"
              data-testid="logout"
              onClick={async () => {
                await signOut();
                navigate('/login', { replace: true });
              }}
            >
              {t('header.logout')}
            </button>
          }
        >
          <SignOutButton />
        </Suspense>
      </ShellHeader>
      {items.length > 1 && (
        <nav className="app-nav" aria-label={t('nav.main')}>
          <ul>
            {items.map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end={i.end} data-testid={i.to === '/meetings' ? 'nav-meetings' : i.to === '/tasks' ? 'nav-tasks' : undefined}>
                  {t(i.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={null}>
          <VaultBanner />
        </Suspense>
        <Outlet />
      </main>
    </div>
  );
}

/** The skip link and the app's header: the brand (home) and, on the right, `children`. */
export function ShellHeader({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label={t('app.name')}>
          <span className="brand-mark" aria-hidden="true">
            HS
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </NavLink>
        <div className="header-tools">{children}</div>
      </header>
    </>
  );
}
