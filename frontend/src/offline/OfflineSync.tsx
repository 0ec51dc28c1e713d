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
import { onOutboxEvent, outboxRunner } from './sync';

/**
 * Sends the signed-in person's waiting annotation changes while they are signed in (also in the
 * offline mode of a reload without network): at once, on `online`, every 15 s while some wait.
 * What the server answers goes into the local copy; a change refused for good is reported.
 */
export function OfflineSync() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { t } = useI18n();
  const viewer = user?.id;

  useEffect(() => {
    if (viewer == null || !hasIndexedDb()) return;
    const off = onOutboxEvent({
      onSent: async (item, view) => {
        await storeSent(offlineDb(), viewer, item.annotationId, view, item.op === 'delete');
        void queryClient.invalidateQueries({ queryKey: queryKeys.documents.allAnnotations(item.documentId) });
      },
      onDropped: (item, error) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.documents.allAnnotations(item.documentId) });
        notify(t('documents:outbox.dropped', { reason: isApiError(error) ? errorText(error, t) : t('error.unexpected') }), 'error');
      },
    });
    const runner = outboxRunner();
    runner.start(viewer);
    return () => {
      off();
      runner.stop();
    };
  }, [viewer, queryClient, notify, t]);

  return null;
}
