import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isNetworkError } from '../api/problem';
import type { DocumentList, Id, MeetingDocument } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { Segmented } from '../components/Segmented';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useLiveFallback } from '../live/hooks';
import { agendaQuery } from '../meetings/api/agenda';
import type { MeetingTabProps } from '../meetings/MeetingPage';
import { capsOf } from '../meetings/shared';
import type { StoredPack } from '../offline/db';
import { type LockedPack, useStoredPack } from '../offline/packHooks';
import { documentsQuery, useWithdrawDocument } from './api/documents';
import { EditDocumentDialog, ReplaceDialog, VersionsDialog } from './DocumentDialogs';
import { PackPanel } from './PackPanel';
import { UnlockPanel } from './PinForm';
import { ReadingStatus } from './ReadingStatus';
import { type DocEntry, type ItemChoice, DocBadges, entryOf, flattenAgenda, formatBytes, groupByItem, packEntries, readerUrl } from './shared';
import { UploadPanel } from './UploadPanel';

type Sub = 'list' | 'reads';

type DialogState = { kind: 'edit' | 'replace' | 'versions' | 'withdraw'; doc: MeetingDocument } | null;

/**
 * "Tài liệu": the meeting's documents by agenda item, each with a big "Đọc" button; the upload area
 * and the document actions for its managers; "Tình hình đọc" for those who follow the reading; the
 * offline pack. Without network it shows the stored pack.
 */
export function DocumentsTab({ meeting, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const caps = capsOf(meeting);
  const [sub, setSub] = useState<Sub>('list');
  const list = useQuery({ ...documentsQuery(meetingId), ...useLiveFallback(meetingId) });
  const { pack, locked } = useStoredPack(meetingId);
  const offline = !list.data && (isNetworkError(list.error) || isNetworkError(list.failureReason) || list.fetchStatus === 'paused');

  return (
    <div className="documents-tab" data-testid="documents-tab">
      {caps.canViewReads && !offline && (
        <Segmented
          className="subtabs"
          label={t('documents:tab')}
          value={sub}
          onChange={setSub}
          options={[
            { value: 'list', label: t('documents:list.title'), testId: 'sub-docs-list' },
            { value: 'reads', label: t('documents:reads.title'), testId: 'sub-docs-reads' },
          ]}
        />
      )}
      {sub === 'reads' && caps.canViewReads && !offline ? (
        <ReadingStatus meetingId={meetingId} canRemind={!!caps.canRemindReaders} />
      ) : offline ? (
        <OfflineDocuments meetingId={meetingId} pack={pack} locked={!!locked} />
      ) : (
        <OnlineDocuments meetingId={meetingId} manage={!!caps.canManageDocuments} canAnnotate={!!caps.canAnnotate} list={list} pack={pack} locked={locked} />
      )}
    </div>
  );
}

function OnlineDocuments({
  meetingId,
  manage,
  canAnnotate,
  list,
  pack,
  locked,
}: {
  meetingId: Id;
  manage: boolean;
  canAnnotate: boolean;
  list: UseQueryResult<DocumentList>;
  pack: StoredPack | null | undefined;
  locked: LockedPack | null;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const data = list.data;
  const canUpload = !!data?.canUpload;
  const agenda = useQuery({ ...agendaQuery(meetingId), enabled: canUpload || manage });
  const items: ItemChoice[] = flattenAgenda(agenda.data?.items);
  const [dialog, setDialog] = useState<DialogState>(null);
  const withdraw = useWithdrawDocument(meetingId);
  const entries = (data?.documents ?? []).map((d) => entryOf(d, pack)).filter((e): e is DocEntry => e !== null);
  const groups = groupByItem(entries);

  return (
    <>
      {canUpload && <UploadPanel meetingId={meetingId} items={items} officeConversion={data?.officeConversion !== false} maxBytes={data?.maxUploadBytes} />}
      {list.isPending && <p className="muted">{t('app.loading')}</p>}
      <FormError message={list.error && !data ? errorText(list.error, t) : null} />
      {data && entries.length > 0 && <PackPanel meetingId={meetingId} pack={pack} locked={locked} docs={data.documents} offline={false} canAnnotate={canAnnotate} />}
      {data && entries.length === 0 && (
        <p className="empty" data-testid="empty">
          {t('documents:list.empty')}
        </p>
      )}
      <DocumentGroups
        meetingId={meetingId}
        groups={groups}
        actions={(e) =>
          e.doc?.capabilities?.canEdit ? (
            <div className="btn-row wrap doc-actions">
              <button type="button" className="btn btn-small" data-testid={`doc-edit-${e.id}`} onClick={() => setDialog({ kind: 'edit', doc: e.doc as MeetingDocument })}>
                {t('common.edit')}
              </button>
              <button type="button" className="btn btn-small" data-testid={`doc-replace-${e.id}`} onClick={() => setDialog({ kind: 'replace', doc: e.doc as MeetingDocument })}>
                {t('documents:replace.open')}
              </button>
              <button type="button" className="btn btn-small" data-testid={`doc-versions-${e.id}`} onClick={() => setDialog({ kind: 'versions', doc: e.doc as MeetingDocument })}>
                {t('documents:versions.open', { count: e.doc?.versionCount ?? 1 })}
              </button>
              <button type="button" className="btn btn-small btn-danger-outline" data-testid={`doc-withdraw-${e.id}`} onClick={() => setDialog({ kind: 'withdraw', doc: e.doc as MeetingDocument })}>
                {t('documents:withdraw.open')}
              </button>
            </div>
          ) : (e.doc?.versionCount ?? 1) > 1 ? (
            <div className="btn-row wrap doc-actions">
              <button type="button" className="btn btn-small" data-testid={`doc-versions-${e.id}`} onClick={() => setDialog({ kind: 'versions', doc: e.doc as MeetingDocument })}>
                {t('documents:versions.open', { count: e.doc?.versionCount ?? 1 })}
              </button>
            </div>
          ) : null
        }
      />
      {dialog?.kind === 'edit' && <EditDocumentDialog meetingId={meetingId} doc={dialog.doc} items={items} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'replace' && <ReplaceDialog meetingId={meetingId} doc={dialog.doc} maxBytes={data?.maxUploadBytes} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'versions' && dialog.doc.id != null && <VersionsDialog meetingId={meetingId} docId={dialog.doc.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'withdraw' && (
        <ConfirmDialog
          title={t('documents:withdraw.title')}
          message={t('documents:withdraw.confirm', { name: dialog.doc.title ?? '' })}
          confirmLabel={t('documents:withdraw.open')}
          danger
          onConfirm={async () => {
            await withdraw.mutateAsync(dialog.doc.id);
            notify(t('documents:withdraw.done', { name: dialog.doc.title ?? '' }));
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

/** Without network: the stored pack's documents, each opening its stored copy (the PIN first when locked). */
export function OfflineDocuments({ meetingId, pack, locked }: { meetingId: Id; pack: StoredPack | null | undefined; locked: boolean }) {
  const { t } = useI18n();
  if (!pack && locked) return <UnlockPanel />;
  if (!pack) {
    return (
      <div className="alert alert-warn" role="alert" data-testid="docs-offline-none">
        {t('documents:offline.noPack')}
      </div>
    );
  }
  return (
    <>
      <div className="alert alert-info offline-note" role="status" data-testid="docs-offline">
        <p>{t('documents:offline.showing')}</p>
        <p>
          {t('documents:pack.fingerprintLabel')} <strong data-testid="pack-fingerprint">{pack.fingerprint}</strong>
          {', '}
          {t('documents:pack.downloadedAt')} <span data-testid="pack-downloaded-at">{formatDateTime(pack.downloadedAt)}</span>
        </p>
      </div>
      <DocumentGroups meetingId={meetingId} groups={groupByItem(packEntries(pack))} />
    </>
  );
}

function DocumentGroups({ meetingId, groups, actions }: { meetingId: Id; groups: ReturnType<typeof groupByItem>; actions?: (e: DocEntry) => ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="doc-groups" data-testid="doc-list">
      {groups.map((g) => (
        <section key={g.itemId ?? 'meeting'} className="doc-group" data-testid="doc-group" data-item-id={g.itemId ?? ''}>
          <h3 className="doc-group-title">
            {g.itemId == null ? (
              t('documents:list.meetingWide')
            ) : (
              <>
                {g.number && <span className="agenda-number">{g.number}.</span>} {g.title ?? t('documents:list.item')}
              </>
            )}
          </h3>
          <ul className="doc-rows">
            {g.entries.map((e) => (
              <DocumentRow key={e.id} meetingId={meetingId} entry={e} actions={actions?.(e)} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** "PDF", "DOCX"… for a document without a thumbnail. */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toUpperCase().slice(0, 5) : 'PDF';
}

function DocumentRow({ meetingId, entry: e, actions }: { meetingId: Id; entry: DocEntry; actions?: ReactNode }) {
  const { t } = useI18n();
  const thumb = e.doc?.thumbnailUrl;
  const meta = [
    e.fileName,
    e.pages != null ? t('documents:list.pages', { count: e.pages }) : null,
    e.size != null ? formatBytes(e.size) : null,
    e.version != null ? t('documents:versions.version', { version: e.version }) : null,
  ].filter(Boolean);
  return (
    <li className={`doc-row${e.doc?.unread ? ' is-unread' : ''}`} data-testid={`doc-row-${e.id}`} data-doc-id={e.id} data-unread={!!e.doc?.unread} data-confidential={e.confidential}>
      <div className="doc-thumb" aria-hidden="true">
        {thumb ? (
          <img src={thumb} alt="" loading="lazy" decoding="async" />
        ) : (
          <span className="doc-thumb-none">{e.confidential ? t('documents:badge.confidential') : extensionOf(e.fileName)}</span>
        )}
      </div>
      <div className="doc-main">
        <h4 className="doc-title">{e.title}</h4>
        <p className="doc-meta">{meta.join(' · ')}</p>
        <DocBadges entry={e} />
        {actions}
      </div>
      <div className="doc-side">
        <Link className="btn btn-primary btn-large doc-read" to={readerUrl(meetingId, e.id)} data-testid={`doc-open-${e.id}`} aria-label={t('documents:list.readName', { name: e.title })}>
          {t('documents:list.read')}
        </Link>
      </div>
    </li>
  );
}
