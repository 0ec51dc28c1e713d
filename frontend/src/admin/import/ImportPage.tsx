import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, downloadBlob } from '../../api';
import { errorText, isAbort } from '../../components/errors';
import { FormError } from '../../components/Field';
import { useNotify } from '../../components/Notice';
import { useTitle } from '../../components/useTitle';
import { dateStamp, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { IMPORT_KINDS, type ImportKind, type ImportResult, type ImportRowError } from '../../types';
import { saveBlob, uploadCsv, type UploadHandle } from './upload';

/** CSV columns of each kind (docs/API.md). */
const COLUMNS: Record<ImportKind, string> = {
  units: 'code,name,level,parent',
  endpoints: 'code,name,unit,room,device_account,active',
  people: 'username,full_name,position,unit,email,phone,roles,active',
};

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing' }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'rejected'; rows: ImportRowError[]; detail: string | null }
  | { kind: 'failed'; message: string };

export function ImportPage() {
  const { t } = useI18n();
  useTitle(t('import.title'));
  const kindId = useId();
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>('units');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [percent, setPercent] = useState(0);
  const [started, setStarted] = useState(false);
  const handle = useRef<UploadHandle | null>(null);

  // Leaving the page cancels a running upload.
  useEffect(() => () => handle.current?.abort(), []);

  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  function reset() {
    setPhase({ kind: 'idle' });
    setStarted(false);
    setPercent(0);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!file) {
      setFileError(t('import.chooseFile'));
      return;
    }
    setFileError(null);
    setStarted(true);
    setPercent(0);
    setPhase({ kind: 'uploading', percent: 0 });
    const h = uploadCsv(kind, file, {
      onProgress: (loaded, total) => {
        const p = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 100;
        setPercent(p);
        setPhase((prev) => (prev.kind === 'uploading' ? { kind: 'uploading', percent: p } : prev));
      },
      onUploaded: () => setPhase((prev) => (prev.kind === 'uploading' ? { kind: 'processing' } : prev)),
    });
    handle.current = h;
    try {
      const result = await h.promise;
      setPercent(100);
      setPhase({ kind: 'done', result });
    } catch (err) {
      if (isAbort(err)) return;
      if (err instanceof ApiError && err.status === 422) {
        setPhase({ kind: 'rejected', rows: err.rows, detail: err.problem.detail ?? null });
      } else {
        setPhase({ kind: 'failed', message: errorText(err, t) });
      }
    } finally {
      if (handle.current === h) handle.current = null;
    }
  }

  return (
    <div className="page import-page">
      <header className="page-head">
        <h1>{t('import.title')}</h1>
      </header>

      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('import.importHeading')}</h2>
        <form onSubmit={onSubmit} noValidate>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={kindId}>{t('import.kind')}</label>
              <select
                id={kindId}
                name="kind"
                data-testid="import-kind"
                value={kind}
                disabled={busy}
                onChange={(e) => {
                  setKind(e.target.value as ImportKind);
                  reset();
                }}
              >
                {IMPORT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`import.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field${fileError ? ' has-error' : ''}`}>
              <label htmlFor={fileId}>{t('import.file')}</label>
              <input
                id={fileId}
                name="file"
                type="file"
                accept=".csv,text/csv"
                data-testid="import-file"
                disabled={busy}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? `${fileId}-error` : undefined}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(null);
                  reset();
                }}
              />
              {fileError && (
                <p id={`${fileId}-error`} className="field-error" data-testid="field-error">
                  {fileError}
                </p>
              )}
            </div>
          </div>
          <div className="csv-help">
            <p>{t('import.columns')}</p>
            <pre className="csv-columns" data-testid="import-columns">
              {COLUMNS[kind]}
            </pre>
            {kind === 'people' && <p className="hint">{t('import.peopleRoles')}</p>}
            <p className="hint">{t('import.rules')}</p>
          </div>
          <div className="form-actions form-actions-start">
            <button type="submit" className="btn btn-primary" data-testid="import-submit" disabled={busy}>
              {t('import.submit')}
            </button>
          </div>
        </form>

        {started && (
          <div className="progress-block" data-testid="import-progress">
            <div
              className="progress"
              role="progressbar"
              aria-label={t('import.progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent}%`}
            >
              <div className="progress-bar" style={{ width: `${percent}%` }} />
            </div>
            <p className="progress-text" aria-live="polite">
              {phase.kind === 'uploading' && t('import.uploading', { percent })}
              {phase.kind === 'processing' && t('import.processing')}
            </p>
          </div>
        )}

        {phase.kind === 'done' && (
          <div className="alert alert-ok" role="status" data-testid="import-result">
            <strong>{t('import.resultTitle')}</strong>
            <p>
              {t('import.result', {
                rows: formatNumber(phase.result.rows),
                created: formatNumber(phase.result.created),
                updated: formatNumber(phase.result.updated),
              })}
            </p>
            <dl className="stats">
              <div>
                <dt>{t('import.rows')}</dt>
                <dd data-testid="import-rows">{phase.result.rows}</dd>
              </div>
              <div>
                <dt>{t('import.created')}</dt>
                <dd data-testid="import-created">{phase.result.created}</dd>
              </div>
              <div>
                <dt>{t('import.updated')}</dt>
                <dd data-testid="import-updated">{phase.result.updated}</dd>
              </div>
            </dl>
          </div>
        )}

        {phase.kind === 'rejected' && (
          <div className="import-rejected">
            <div className="alert alert-error" role="alert" data-testid="import-rejected">
              <strong>{t('import.errorsTitle')}</strong>
              <p>{phase.rows.length > 0 ? t('import.errorsExplain', { count: phase.rows.length }) : phase.detail}</p>
            </div>
            <table className="rtable" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {phase.rows.map((r, i) => (
                  <tr key={`${r.line}-${r.column ?? ''}-${i}`} data-testid="import-error-row">
                    <td data-label={t('import.line')}>{r.line}</td>
                    <td data-label={t('import.column')}>{r.column && <code>{r.column}</code>}</td>
                    <td data-label={t('import.reason')}>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {phase.kind === 'failed' && <FormError message={phase.message} testId="import-failed" />}
      </section>

      <ExportPanel />
    </div>
  );
}

function ExportPanel() {
  const { t } = useI18n();
  const notify = useNotify();
  const [busyKind, setBusyKind] = useState<ImportKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportKind(kind: ImportKind) {
    setBusyKind(kind);
    setError(null);
    try {
      const { blob, filename } = await downloadBlob(`/api/export/${kind}`, `hopso-${kind}-${dateStamp()}.csv`);
      saveBlob(blob, filename);
      notify(t('import.exported', { file: filename }));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusyKind(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('import.exportHeading')}</h2>
      <p className="hint">{t('import.exportExplain')}</p>
      <FormError message={error} testId="export-error" />
      <div className="btn-row wrap">
        {IMPORT_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="btn"
            data-testid={`export-${k}`}
            disabled={busyKind !== null}
            onClick={() => void exportKind(k)}
          >
            {busyKind === k ? t('import.exporting') : t(`import.export.${k}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
