import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Id } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useNotify } from '../components/Notice';
import { formatDateTime } from '../format';
import { useI18n } from '../lib/i18n';
import { refreshDevice, removeStored, useVaultState } from '../offline/vaultHooks';
import { PinDialog, personOf } from './PinForm';

/**
 * "Tài liệu lưu trên máy này" on the account page: whether a device PIN is set here, changing it
 * (the current one first when it was not entered in this browser session), and removing the
 * stored documents with it.
 */
export function DevicePin() {
  const { t } = useI18n();
  const { user } = useAuth();
  const notify = useNotify();
  const person = personOf(user);
  const { state, vault } = useVaultState(user?.id);
  const [dialog, setDialog] = useState<'unlock' | 'change' | 'remove' | null>(null);
  if (!person || state === 'loading') return null;
  return (
    <section className="panel narrow" aria-labelledby="device-pin-title" data-testid="device-pin" data-state={state}>
      <h2 id="device-pin-title">{t('documents:device.title')}</h2>
      {state === 'none' ? (
        <p>{t('documents:device.none')}</p>
      ) : (
        <>
          <p>{t('documents:device.set', { at: formatDateTime(vault?.createdAt ?? '') })}</p>
          <div className="btn-row wrap">
            <button type="button" className="btn btn-large" data-testid="device-pin-change" onClick={() => setDialog(state === 'open' ? 'change' : 'unlock')}>
              {t('documents:device.change')}
            </button>
            <button type="button" className="btn btn-large btn-danger-outline" data-testid="device-pin-remove" onClick={() => setDialog('remove')}>
              {t('documents:stored.remove')}
            </button>
          </div>
        </>
      )}
      {(dialog === 'unlock' || dialog === 'change') && vault && (
        <PinDialog
          key={dialog}
          mode={dialog}
          person={dialog === 'unlock' ? vault.person : person}
          failures={vault.failures}
          intro={dialog === 'unlock' ? t('documents:device.currentFirst') : undefined}
          onClose={() => setDialog(null)}
          onDone={() => {
            if (dialog === 'unlock') {
              setDialog('change');
              return;
            }
            setDialog(null);
            notify(t('documents:device.changed'));
          }}
        />
      )}
      {dialog === 'remove' && <RemoveStoredDialog viewer={person.id} onRemoved={() => setDialog(null)} onClose={() => setDialog(null)} />}
    </section>
  );
}

/**
 * "Xóa tài liệu khỏi máy", asked first: the person's stored documents, notes and PIN go from this
 * device (the account page; a shared tablet, from the stored documents read with the PIN).
 */
export function RemoveStoredDialog({ viewer, onRemoved, onClose }: { viewer: Id; onRemoved: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      title={t('documents:stored.remove')}
      message={t('documents:stored.removeConfirm')}
      confirmLabel={t('documents:stored.remove')}
      danger
      onConfirm={async () => {
        await removeStored(viewer);
        await refreshDevice(queryClient);
        notify(t('documents:stored.removed'));
        onRemoved();
      }}
      onClose={onClose}
    />
  );
}
