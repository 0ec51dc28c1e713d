import { Suspense, useState } from 'react';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { useTitle } from '../components/useTitle';
import { formatDateTime } from '../format';
import { useI18n } from '../lib/i18n';
import { routeId } from '../lib/routeId';
import { ShellHeader } from '../layout/AppShell';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { NotFound } from '../layout/Forbidden';
import { useStoredPacks } from '../offline/packHooks';
import { RemoveStoredDialog } from './DevicePin';
import { OfflineMeeting } from './OfflineMeeting';
import { OutboxCount } from './OutboxCount';
import { formatBytes } from './shared';

/**
 * The frame of "Đọc tài liệu đã lưu" (no session, the PIN entered on the sign-in page): who, that
 * this is offline reading, what waits to be sent, "Đăng nhập" when the network is back, "Khóa và
 * thoát", and removing the documents from a shared tablet. Nothing here asks the server.
 */
export function DeviceShell() {
  const { t } = useI18n();
  const { user, closeDevice } = useAuth();
  const navigate = useNavigate();
  const [removing, setRemoving] = useState(false);
  const leave = () => {
    closeDevice();
    navigate('/login', { replace: true });
  };
  return (
    <div className="shell" data-testid="device-shell">
      <ShellHeader>
        <span className="device-badge" data-testid="device-mode">
          {t('documents:stored.mode')}
        </span>
        <OutboxCount />
        <span className="user-name" data-testid="user-name">
          {user?.fullName || user?.username}
        </span>
        <LanguageSwitch />
        <button type="button" className="btn btn-outline-light" data-testid="device-sign-in" onClick={() => navigate('/login')}>
          {t('documents:stored.signIn')}
        </button>
        <button type="button" className="btn btn-outline-light" data-testid="device-leave" onClick={leave}>
          {t('documents:stored.leave')}
        </button>
      </ShellHeader>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
        <p className="btn-row">
          <button type="button" className="btn btn-danger-outline" data-testid="device-remove" onClick={() => setRemoving(true)}>
            {t('documents:stored.remove')}
          </button>
        </p>
      </main>
      {removing && user?.id != null && <RemoveStoredDialog viewer={user.id} onRemoved={leave} onClose={() => setRemoving(false)} />}
    </div>
  );
}

/** The meetings whose documents are stored here, newest download first. */
export function StoredMeetings() {
  const { t } = useI18n();
  useTitle(t('documents:stored.title'));
  const packs = useStoredPacks();
  const list = packs.data ?? [];
  return (
    <div className="page" data-testid="stored-meetings">
      <h1>{t('documents:stored.title')}</h1>
      <p className="alert alert-info" role="status" data-testid="stored-note">
        {t('documents:stored.note')}
      </p>
      {packs.isPending && <p className="muted">{t('app.loading')}</p>}
      {!packs.isPending && list.length === 0 && (
        <p className="empty" data-testid="stored-none">
          {t('documents:stored.none')}
        </p>
      )}
      <ul className="stored-list">
        {list.map((p) => (
          <li key={p.key} className="stored-meeting" data-testid={`stored-meeting-${p.meetingId}`} data-fingerprint={p.fingerprint}>
            <div>
              <h2>{p.meetingTitle}</h2>
              <p>
                {t('documents:stored.line', { count: p.files.length, size: formatBytes(p.totalBytes) })} · {t('documents:pack.fingerprintLabel')} <strong>{p.fingerprint}</strong>
              </p>
              <p>
                {t('documents:pack.downloadedAt')} {formatDateTime(p.downloadedAt)}
              </p>
            </div>
            <Link className="btn btn-primary btn-large" to={`/meetings/${p.meetingId}`} data-testid={`stored-open-${p.meetingId}`} aria-label={t('documents:stored.openName', { name: p.meetingTitle })}>
              {t('documents:stored.open')}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** /meetings/:id while reading stored documents: the stored pack of that meeting. */
export function StoredMeeting() {
  const id = routeId(useParams().id);
  const { t } = useI18n();
  if (id === null) return <NotFound />;
  return (
    <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
      <OfflineMeeting meetingId={id} />
    </Suspense>
  );
}
