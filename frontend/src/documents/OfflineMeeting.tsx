import { Link } from 'react-router';
import type { Id } from '../api/types';
import { FormError } from '../components/Field';
import { useTitle } from '../components/useTitle';
import { useI18n } from '../lib/i18n';
import { useStoredPack } from '../offline/packHooks';
import { OfflineDocuments } from './DocumentsTab';

/**
 * The meeting page without network: what this device stored for reading offline (the pack's
 * title and documents), or a note that nothing is stored. The server is asked again when the
 * network comes back.
 */
export function OfflineMeeting({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const { pack, locked, isPending } = useStoredPack(meetingId);
  useTitle(pack?.meetingTitle ?? t('meetings:meetings.title'));
  if (isPending) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="page meeting-page" data-testid="meeting-page" data-meeting-id={String(meetingId)} data-offline="true">
      <header className="meeting-head">
        <p className="crumbs">
          <Link to="/meetings">{t('meetings:meetings.title')}</Link>
        </p>
        <h1 data-testid="meeting-heading">{pack?.meetingTitle ?? t('meetings:meetings.title')}</h1>
      </header>
      {!pack && !locked && <FormError message={t('error.network')} />}
      <div className="tabs" role="tablist" aria-label={t('meetings:meeting.tabs')}>
        <button type="button" role="tab" id="tab-documents" aria-selected className="tab is-on" data-testid="tab-documents">
          {t('meetings:meeting.tabDocuments')}
        </button>
      </div>
      <div role="tabpanel" aria-labelledby="tab-documents" className="tab-panel">
        <div className="documents-tab" data-testid="documents-tab">
          <OfflineDocuments meetingId={meetingId} pack={pack} locked={!!locked} />
        </div>
      </div>
    </div>
  );
}
