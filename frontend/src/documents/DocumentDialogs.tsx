import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { DocumentAudience, Id, MeetingDocument } from '../api/types';
import { Dialog } from '../components/Dialog';
import { FormError, TextField } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { blankToUndefined } from '../components/text';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { queryKeys } from '../lib/queryKeys';
import { useApiForm } from '../lib/useApiForm';
import { documentDetailQuery, useUpdateDocument } from './api/documents';
import { ACCEPT, acceptedName, useReplaceDocument } from './api/upload';
import { AudienceChoice, ConfidentialCheck, ItemSelect } from './DocumentFields';
import { ReadersPicker, type Reader } from './ReadersPicker';
import { type ItemChoice, formatBytes, readerUrl } from './shared';

/**
 * "Sửa": title, agenda item, who reads it (everyone, or the people named) and whether it is
 * confidential. Sends the `version` it opened with; a 409 "stale" offers "Tải lại".
 */
export function EditDocumentDialog({ meetingId, doc: opened, items, onClose }: { meetingId: Id; doc: MeetingDocument; items: ItemChoice[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [doc, setDoc] = useState(opened);
  const reload = async () => {
    if (doc.id == null) return;
    const fresh = await queryClient.fetchQuery({ ...documentDetailQuery(doc.id), staleTime: 0 });
    if (fresh.document) setDoc(fresh.document);
  };
  return <EditForm key={doc.version} meetingId={meetingId} doc={doc} items={items} onClose={onClose} reload={reload} />;
}

function EditForm({ meetingId, doc, items, onClose, reload }: { meetingId: Id; doc: MeetingDocument; items: ItemChoice[]; onClose: () => void; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const notify = useNotify();
  const id = useId();
  const [title, setTitle] = useState(doc.title ?? '');
  const [itemId, setItemId] = useState(doc.itemId != null ? String(doc.itemId) : '');
  const [audience, setAudience] = useState<DocumentAudience>(doc.audience ?? 'PARTICIPANTS');
  const [readers, setReaders] = useState<Reader[]>((doc.readers ?? []).filter((r) => r.id != null).map((r) => ({ id: r.id as Id, name: r.name ?? '' })));
  const [confidential, setConfidential] = useState(!!doc.confidential);
  const form = useApiForm(useUpdateDocument(meetingId), { fields: ['title', 'itemId', 'readerIds'], reload });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const name = blankToUndefined(title);
    if (!name) {
      form.invalid({ title: t('common.required') });
      return;
    }
    if (audience === 'NAMED' && readers.length === 0) {
      form.invalid({ readerIds: t('documents:readers.needOne') });
      return;
    }
    form.submit(
      {
        docId: doc.id,
        body: {
          title: name,
          itemId: itemId ? Number(itemId) : undefined,
          audience,
          readerIds: audience === 'NAMED' ? readers.map((r) => r.id) : [],
          confidential,
          position: doc.position ?? 0,
          version: doc.version ?? 0,
        },
      },
      {
        onSuccess: () => {
          notify(t('common.saved'));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={t('documents:edit.title')} onClose={onClose} testId="doc-edit-dialog" wide>
      <form onSubmit={onSubmit} noValidate>
        <TextField label={t('documents:edit.name')} name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldErrors.title} required maxLength={300} />
        <div className="field">
          <label htmlFor={`${id}-item`}>{t('documents:upload.item')}</label>
          <ItemSelect id={`${id}-item`} name="itemId" items={items} value={itemId} onChange={setItemId} />
          {form.fieldErrors.itemId && <p className="field-error">{form.fieldErrors.itemId}</p>}
        </div>
        <AudienceChoice name="audience" testIdPrefix="doc-edit-audience" value={audience} onChange={setAudience} />
        {audience === 'NAMED' && (
          <ReadersPicker meetingId={meetingId} value={readers} onChange={setReaders} label={t('documents:readers.label')} name="readerIds" error={form.fieldErrors.readerIds} />
        )}
        <ConfidentialCheck name="confidential" testId="doc-edit-confidential" value={confidential} onChange={setConfidential} />
        <FormProblem form={form} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={form.busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="doc-edit-save" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Thay tệp": a new version with a note; refused (409) when someone uploaded another meanwhile. */
export function ReplaceDialog({ meetingId, doc, maxBytes, onClose }: { meetingId: Id; doc: MeetingDocument; maxBytes: number | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [processing, setProcessing] = useState(false);
  const queryClient = useQueryClient();
  const form = useApiForm(useReplaceDocument(meetingId), {
    fields: ['file', 'note'],
    reload: () => queryClient.invalidateQueries({ queryKey: queryKeys.meetings.documents(meetingId) }),
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      form.invalid({ file: t('documents:replace.chooseFile') });
      return;
    }
    if (!acceptedName(file.name)) {
      form.invalid({ file: t('documents:upload.badType') });
      return;
    }
    if (maxBytes && file.size > maxBytes) {
      form.invalid({ file: t('documents:upload.tooBig', { max: formatBytes(maxBytes) }) });
      return;
    }
    setPercent(0);
    setProcessing(false);
    form.submit(
      {
        docId: doc.id as Id,
        file,
        note: blankToUndefined(note),
        baseVersion: doc.current?.number,
        onProgress: (loaded, total) => setPercent(total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 100),
        onUploaded: () => setProcessing(true),
      },
      {
        onSuccess: (d) => {
          notify(t('documents:replace.done', { version: d.current?.number ?? '' }));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={t('documents:replace.title', { name: doc.title ?? '' })} onClose={onClose} testId="doc-replace-dialog">
      <form onSubmit={onSubmit} noValidate>
        <p className="muted">{t('documents:replace.current', { version: doc.current?.number ?? 1, file: doc.current?.fileName ?? '' })}</p>
        <div className={`field${form.fieldErrors.file ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-file`}>{t('documents:replace.file')}</label>
          <input id={`${id}-file`} type="file" name="file" accept={ACCEPT} data-testid="doc-replace-input" onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={form.busy} />
          {form.fieldErrors.file && (
            <p className="field-error" data-testid="field-error">
              {form.fieldErrors.file}
            </p>
          )}
        </div>
        <TextField label={t('documents:replace.note')} name="note" value={note} onChange={(e) => setNote(e.target.value)} optional maxLength={500} error={form.fieldErrors.note} hint={t('documents:replace.noteHint')} />
        {percent !== null && form.busy && (
          <div className="progress-block">
            <div className="progress" role="progressbar" aria-label={t('documents:replace.file')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
              <div className="progress-bar" style={{ width: `${percent}%` }} />
            </div>
            <p className="progress-text">{processing ? t('documents:upload.processing') : t('documents:upload.uploading', { percent })}</p>
          </div>
        )}
        <FormProblem form={form} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={form.busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="doc-replace-save" disabled={form.busy}>
            {t('documents:replace.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Every version of a document, newest first, each openable in the reader. */
export function VersionsDialog({ meetingId, docId, onClose }: { meetingId: Id; docId: Id; onClose: () => void }) {
  const { t } = useI18n();
  const { data, error, isPending } = useQuery(documentDetailQuery(docId));
  const versions = [...(data?.versions ?? [])].sort((a, b) => (b.number ?? 0) - (a.number ?? 0));
  const current = data?.document?.current?.number;
  return (
    <Dialog title={t('documents:versions.title', { name: data?.document?.title ?? '' })} onClose={onClose} testId="doc-versions-dialog" wide>
      {isPending && <p className="muted">{t('app.loading')}</p>}
      <FormError message={error ? errorText(error, t) : null} />
      <ol className="version-list" data-testid="doc-versions">
        {versions.map((v) => (
          <li key={v.number} className="version-row" data-testid="doc-version-row" data-version={v.number}>
            <div>
              <strong>{t('documents:versions.version', { version: v.number ?? '' })}</strong>
              {v.number === current && <span className="badge badge-ok">{t('documents:versions.current')}</span>}
              <span className="cell-sub">
                {[v.fileName, v.pages != null ? t('documents:list.pages', { count: v.pages }) : null, formatBytes(v.size)].filter(Boolean).join(' · ')}
              </span>
              <span className="cell-sub">{t('documents:versions.by', { name: v.uploadedByName ?? '—', at: formatDateTime(v.uploadedAt) })}</span>
              {v.note && <span className="version-note">{v.note}</span>}
              {(v.conversion === 'UNAVAILABLE' || v.conversion === 'FAILED') && <span className="badge badge-warn">{v.conversionText || t(`documents:conversion.${v.conversion}`)}</span>}
            </div>
            {v.hasPdf && (
              <Link className="btn" to={readerUrl(meetingId, docId, v.number === current ? undefined : v.number)} data-testid={`doc-version-open-${v.number}`}>
                {t('documents:list.read')}
              </Link>
            )}
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
