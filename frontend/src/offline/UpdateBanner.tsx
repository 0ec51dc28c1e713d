import { useI18n } from '../lib/i18n';
import { applyUpdate, useServiceWorker } from './pwa';

/** "A new version of the app is ready" with a button; shown until the person takes it. */
export function UpdateBanner() {
  const { t } = useI18n();
  const { needRefresh } = useServiceWorker();
  if (!needRefresh) return null;
  return (
    <div className="update-banner" role="status" data-testid="app-update">
      <span>{t('documents:app.updateReady')}</span>
      <button type="button" className="btn btn-primary" data-testid="app-update-apply" onClick={applyUpdate}>
        {t('documents:app.update')}
      </button>
    </div>
  );
}
