import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { DocumentAudience, Id } from '../api/types';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { ACCEPT, acceptedName, isOfficeName, useUploadDocument } from './api/upload';
import { AudienceChoice, ConfidentialCheck, ItemSelect } from './DocumentFields';
import { ReadersPicker, type Reader } from './ReadersPicker';
import { type ItemChoice, formatBytes } from './shared';

type JobState = 'waiting' | 'uploading' | 'processing' | 'done' | 'failed';

interface Job {
  key: number;
  file: File;
  /** the choices made before the file was added */
  itemId?: Id;
  audience: DocumentAudience;
  confidential: boolean;
  readers: Reader[];
  state: JobState;
  percent: number;
  error?: string;
  abort?: () => void;
}

/**
 * "Thêm tài liệu" for the meeting's managers: first where the files belong (agenda item), who reads
 * them and whether they are confidential; then files dropped on the area or picked (several at
 * once). Each file uploads in turn with its own progress bar, and a refused one says why (the
 * server's problem text, e.g. an unsupported or too large file).
 */
export function UploadPanel({
  meetingId,
  items,
  officeConversion,
  maxBytes,
}: {
  meetingId: Id;
  items: ItemChoice[];
  officeConversion: boolean;
  maxBytes: number | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const upload = useUploadDocument(meetingId);
  const [itemId, setItemId] = useState<string>('');
  const [audience, setAudience] = useState<DocumentAudience>('PARTICIPANTS');
  const [confidential, setConfidential] = useState(false);
  const [readers, setReaders] = useState<Reader[]>([]);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [over, setOver] = useState(false);
  const nextKey = useRef(1);
  const running = useRef(false);
  /** the jobs as the upload loop sees them (the state renders them) */
  const jobsRef = useRef<Job[]>([]);

  const update = (fn: (list: Job[]) => Job[]) => {
    jobsRef.current = fn(jobsRef.current);
    setJobs(jobsRef.current);
  };
  const patch = (key: number, p: Partial<Job>) => update((list) => list.map((j) => (j.key === key ? { ...j, ...p } : j)));

  // Leaving the page stops what is being sent.
  useEffect(() => () => jobsRef.current.forEach((j) => j.abort?.()), []);

  async function run() {
    if (running.current) return;
    running.current = true;
    try {
      for (;;) {
        const job = jobsRef.current.find((j) => j.state === 'waiting');
        if (!job) break;
        patch(job.key, { state: 'uploading', percent: 0, error: undefined });
        try {
          await upload.mutateAsync({
            file: job.file,
            itemId: job.itemId,
            audience: job.audience,
            confidential: job.confidential,
            readerIds: job.readers.map((r) => r.id),
            onProgress: (loaded, total) => patch(job.key, { percent: total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 100 }),
            onUploaded: () => patch(job.key, { state: 'processing' }),
            started: (abort) => patch(job.key, { abort }),
          });
          patch(job.key, { state: 'done', percent: 100, abort: undefined });
        } catch (e) {
          const aborted = e instanceof DOMException && e.name === 'AbortError';
          patch(job.key, { state: 'failed', abort: undefined, error: aborted ? t('documents:upload.aborted') : errorText(e, t) });
        }
      }
    } finally {
      running.current = false;
    }
  }

  function add(files: FileList | File[] | null) {
    if (!files?.length) return;
    const added: Job[] = Array.from(files).map((file) => {
      const base: Job = {
        key: nextKey.current++,
        file,
        itemId: itemId ? Number(itemId) : undefined,
        audience,
        confidential,
        readers: audience === 'NAMED' ? readers : [],
        state: 'waiting',
        percent: 0,
      };
      if (!acceptedName(file.name)) return { ...base, state: 'failed', error: t('documents:upload.badType') };
      if (maxBytes && file.size > maxBytes) return { ...base, state: 'failed', error: t('documents:upload.tooBig', { max: formatBytes(maxBytes) }) };
      if (file.size === 0) return { ...base, state: 'failed', error: t('documents:upload.empty') };
      return base;
    });
    update((list) => [...list, ...added]);
    void run();
  }

  function retry(job: Job) {
    patch(job.key, { state: 'waiting', percent: 0, error: undefined });
    void run();
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };

  const done = jobs.filter((j) => j.state === 'done').length;
  const officeWaiting = !officeConversion && jobs.some((j) => j.state !== 'failed' && isOfficeName(j.file.name));

  return (
    <section className="panel upload-panel" aria-labelledby={`${id}-h`} data-testid="doc-upload">
      <h3 id={`${id}-h`}>{t('documents:upload.title')}</h3>
      {!officeConversion && (
        <div className={`alert ${officeWaiting ? 'alert-warn' : 'alert-info'}`} role="note" data-testid="doc-office-notice">
          {t('documents:upload.noConversion')}
        </div>
      )}
      <div className="upload-settings">
        <div className="field">
          <label htmlFor={`${id}-item`}>{t('documents:upload.item')}</label>
          <ItemSelect id={`${id}-item`} name="uploadItem" testId="doc-upload-item" items={items} value={itemId} onChange={setItemId} />
        </div>
        <AudienceChoice name="uploadAudience" testIdPrefix="doc-upload-audience" value={audience} onChange={setAudience} />
        <ConfidentialCheck name="uploadConfidential" testId="doc-upload-confidential" value={confidential} onChange={setConfidential} />
      </div>
      {audience === 'NAMED' && <ReadersPicker meetingId={meetingId} value={readers} onChange={setReaders} label={t('documents:readers.label')} name="uploadReaders" />}

      <div
        className={`dropzone${over ? ' is-over' : ''}`}
        data-testid="doc-upload-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="dropzone-text">{t('documents:upload.drop')}</p>
        <label className="btn btn-primary btn-large">
          {t('documents:upload.pick')}
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="visually-hidden"
            name="files"
            data-testid="doc-upload-input"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <p className="hint">{t('documents:upload.kinds', { max: maxBytes ? formatBytes(maxBytes) : '—' })}</p>
      </div>

      {jobs.length > 0 && (
        <>
          <p className="upload-summary" aria-live="polite" data-testid="doc-upload-summary">
            {t('documents:upload.summary', { done, count: jobs.length })}
          </p>
          <ul className="upload-jobs" data-testid="doc-upload-list">
            {jobs.map((j) => (
              <li key={j.key} className={`upload-job is-${j.state}`} data-testid="doc-upload-job" data-state={j.state} data-file-name={j.file.name}>
                <div className="upload-job-head">
                  <span className="upload-job-name">{j.file.name}</span>
                  <span className="muted">{formatBytes(j.file.size)}</span>
                </div>
                {(j.state === 'uploading' || j.state === 'processing' || j.state === 'done') && (
                  <div
                    className="progress"
                    role="progressbar"
                    aria-label={t('documents:upload.progressOf', { name: j.file.name })}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={j.percent}
                  >
                    <div className="progress-bar" style={{ width: `${j.percent}%` }} />
                  </div>
                )}
                <p className="upload-job-state">
                  {j.state === 'waiting' && t('documents:upload.waiting')}
                  {j.state === 'uploading' && t('documents:upload.uploading', { percent: j.percent })}
                  {j.state === 'processing' && t('documents:upload.processing')}
                  {j.state === 'done' && <span className="ok-text">{t('documents:upload.done')}</span>}
                  {j.state === 'failed' && (
                    <span className="error-text" role="alert" data-testid="doc-upload-error">
                      {j.error}
                    </span>
                  )}
                </p>
                <div className="btn-row">
                  {(j.state === 'uploading' || j.state === 'processing') && j.abort && (
                    <button type="button" className="btn btn-small" onClick={() => j.abort?.()}>
                      {t('common.cancel')}
                    </button>
                  )}
                  {j.state === 'failed' && acceptedName(j.file.name) && !(maxBytes && j.file.size > maxBytes) && j.file.size > 0 && (
                    <button type="button" className="btn btn-small" onClick={() => retry(j)}>
                      {t('common.retry')}
                    </button>
                  )}
                  {(j.state === 'failed' || j.state === 'done') && (
                    <button type="button" className="btn btn-small" onClick={() => update((list) => list.filter((x) => x.key !== j.key))}>
                      {t('documents:upload.dismiss')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
