import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { useNotify } from '../components/Notice';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { queryKeys } from '../lib/queryKeys';
import { storeSent } from './annotationCache';
import { hasIndexedDb, offlineDb } from './db';
import { onKeysChanged, sessionSealer } from './keyring';
import { LostChange } from './outbox';
import { onOutboxEvent, outboxRunner } from './sync';
import { updatePerson } from './vault';
import { refreshDevice } from './vaultHooks';

/**
 * Sends the signed-in person's waiting annotation changes and read receipts while they are signed
 * in (also in the offline mode of a reload without network): at once, on `online`, every 15 s
 * while some wait. What the server answers goes into the local copy; a change refused for good is
 * reported. While the person reads stored documents with the PIN only (no session) it counts what
 * waits and sends nothing. When this session holds or drops a key, what is read from the device
 * is read again and the queue is tried (changes sealed with the PIN's key can go now).
 */
export function OfflineSync() {
  const { user, device } = useAuth();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { t } = useI18n();
  const viewer = user?.id;

  useEffect(() => {
    if (viewer == null || !hasIndexedDb()) return;
    const off = onOutboxEvent({
      onSent: async (item, view) => {
        await storeSent(offlineDb(), sessionSealer(viewer), item.annotationId, view, item.op === 'delete');
        void queryClient.invalidateQueries({ queryKey: queryKeys.documents.allAnnotations(item.documentId) });
      },
      onDropped: (item, error) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.documents.allAnnotations(item.documentId) });
        const reason = error instanceof LostChange ? t('documents:outbox.lost') : isApiError(error) ? errorText(error, t) : t('error.unexpected');
        notify(t('documents:outbox.dropped', { reason }), 'error');
      },
    });
    const runner = outboxRunner();
    // started again when a session begins for the person reading with the PIN: it may send now
    runner.start(viewer);
    const offKeys = onKeysChanged(() => {
      void refreshDevice(queryClient);
      void runner.kick();
    });
    return () => {
      off();
      offKeys();
      runner.stop();
    };
  }, [viewer, device, queryClient, notify, t]);

  // the name the sign-in page shows with the person's stored documents
  const fullName = user?.fullName;
  const username = user?.username;
  useEffect(() => {
    if (viewer == null || device || !hasIndexedDb()) return;
    void updatePerson(offlineDb(), { id: viewer, fullName, username }).catch(() => undefined);
  }, [viewer, fullName, username, device]);

  return null;
}
