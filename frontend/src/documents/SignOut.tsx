import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../lib/i18n';
import { useOutboxCounts } from '../offline/sync';
import { removeStored, useVaultState } from '../offline/vaultHooks';
import { PinDialog } from './PinForm';

/**
 * "Đăng xuất". When the person keeps documents on this device (a PIN is set), it asks first:
 * keep them (read later with the PIN) or remove them (a shared tablet), saying how many notes
 * would be lost with them. Without a PIN, notes not sent yet are sealed with this session's key
 * and would be lost: it says so before signing out.
 */
export function SignOutButton() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const { state } = useVaultState(user?.id);
  const notes = useOutboxCounts().notes ?? 0;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const stored = state === 'locked' || state === 'open';

  async function done(wipe: boolean) {
    setBusy(true);
    try {
      if (wipe && user?.id != null) await removeStored(user.id);
      await signOut();
      navigate('/login', { replace: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn btn-outline-light"
        data-testid="logout"
        disabled={busy}
        onClick={() => (stored || notes > 0 ? setAsking(true) : void done(false))}
      >
        {t('header.logout')}
      </button>
      {asking && (
        <Dialog title={t('documents:signOut.title')} onClose={() => setAsking(false)} testId="signout-dialog">
          {stored && <p>{t('documents:signOut.stored')}</p>}
          {stored && <p>{t('documents:signOut.shared')}</p>}
          {notes > 0 && (
            <p className="alert alert-warn" data-testid="signout-pending">
              {t(stored ? 'documents:signOut.pending' : 'documents:signOut.pendingLost', { count: notes })}
            </p>
          )}
          <div className="signout-actions">
            <button type="button" className="btn btn-primary btn-large" data-testid="signout-keep" disabled={busy} onClick={() => void done(false)}>
              {stored ? t('documents:signOut.keep') : t('header.logout')}
            </button>
            {stored && (
              <button type="button" className="btn btn-danger btn-large" data-testid="signout-wipe" disabled={busy} onClick={() => void done(true)}>
                {t('documents:signOut.wipe')}
              </button>
            )}
            <button type="button" className="btn btn-large" disabled={busy} onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/**
 * Notes written offline with the PIN wait for the key to be sent, and this browser session has
 * not had the PIN yet: ask for it.
 */
export function VaultBanner() {
  const { t } = useI18n();
  const { user } = useAuth();
  const { state, vault } = useVaultState(user?.id);
  const notes = useOutboxCounts().notes ?? 0;
  const [open, setOpen] = useState(false);
  if (state !== 'locked' || !vault || notes === 0) return null;
  return (
    <div className="alert alert-warn vault-banner" role="status" data-testid="vault-banner">
      <p>{t('documents:outbox.locked', { count: notes })}</p>
      <button type="button" className="btn btn-primary btn-large" data-testid="vault-banner-unlock" onClick={() => setOpen(true)}>
        {t('documents:outbox.unlock')}
      </button>
      {open && <PinDialog mode="unlock" person={vault.person} failures={vault.failures} onDone={() => setOpen(false)} onClose={() => setOpen(false)} />}
    </div>
  );
}
