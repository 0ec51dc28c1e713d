import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { IMPORT_KINDS, type ImportKind } from '../../api/types';
import { FormError } from '../../components/Field';
import { useNotify } from '../../components/Notice';
import { useTitle } from '../../components/useTitle';
import { useI18n } from '../../lib/i18n';
import { useApiForm } from '../../lib/useApiForm';
import { useExportCsv } from './api/exportCsv';
import { useImportCsv } from './api/importCsv';
import type { UploadHandle } from './upload';

/** CSV columns of each kind (docs/API.md). */
const COLUMNS: Record<ImportKind, string> = {
  units: 'code,name,level,parent',
  endpoints: 'code,name,unit,room,device_account,active',
  people: 'username,full_name,position,unit,email,phone,roles,active',
};

export function ImportPage() {
  const { t } = useI18n();
  useTitle(t('admin:import.title'));
  const kindId = useId();
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>('units');
  const [file, setFile] = useState<File | null>(null);
  /** the body is sent and the server is working */
  const [processing, setProcessing] = useState(false);
  const [percent, setPercent] = useState(0);
  const [started, setStarted] = useState(false);
  const handle = useRef<UploadHandle | null>(null);
  const importCsv = useImportCsv();
  const form = useApiForm(importCsv);

  // Leaving the page cancels a running upload.
  useEffect(() => () => handle.current?.abort(), []);

  const busy = form.busy;
  const result = importCsv.isSuccess ? importCsv.data : null;
  const rejected = form.problem?.status === 422 ? form.problem : null;
  const fileError = form.fieldErrors.file;

  function reset() {
    form.reset();
    setStarted(false);
    setProcessing(false);
    setPercent(0);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!file) {
      form.invalid({ file: t('admin:import.chooseFile') });
      return;
    }
    setStarted(true);
    setProcessing(false);
    setPercent(0);
    form.submit(
      {
        kind,
        file,
        started: (h) => (handle.current = h),
        onProgress: (loaded, total) => setPercent(total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 100),
        onUploaded: () => setProcessing(true),
      },
      { onSuccess: () => setPercent(100) },
    );
  }

  return (
    <div className="page import-page">
      <header className="page-head">
        <h1>{t('admin:import.title')}</h1>
      </header>

      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('admin:import.importHeading')}</h2>
        <form onSubmit={onSubmit} noValidate>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={kindId}>{t('admin:import.kind')}</label>
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
                    {t(`admin:import.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field${fileError ? ' has-error' : ''}`}>
              <label htmlFor={fileId}>{t('admin:import.file')}</label>
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
            <p>{t('admin:import.columns')}</p>
            <pre className="csv-columns" data-testid="import-columns">
              {COLUMNS[kind]}
            </pre>
            {kind === 'people' && <p className="hint">{t('admin:import.peopleRoles')}</p>}
            <p className="hint">{t('admin:import.rules')}</p>
          </div>
          <div className="form-actions form-actions-start">
            <button type="submit" className="btn btn-primary" data-testid="import-submit" disabled={busy}>
              {t('admin:import.submit')}
            </button>
          </div>
        </form>

        {started && (
          <div className="progress-block" data-testid="import-progress">
            <div
              className="progress"
              role="progressbar"
              aria-label={t('admin:import.progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent}%`}
            >
              <div className="progress-bar" style={{ width: `${percent}%` }} />
            </div>
            <p className="progress-text" aria-live="polite">
              {busy && !processing && t('admin:import.uploading', { percent })}
              {busy && processing && t('admin:import.processing')}
            </p>
          </div>
        )}

        {result && (
          <div className="alert alert-ok" role="status" data-testid="import-result">
            <strong>{t('admin:import.resultTitle')}</strong>
            <p>
              {t('admin:import.result', { count: result.rows ?? 0, created: result.created ?? 0, updated: result.updated ?? 0 })}
            </p>
            <dl className="stats">
              <div>
                <dt>{t('admin:import.rows')}</dt>
                <dd data-testid="import-rows">{result.rows}</dd>
              </div>
              <div>
                <dt>{t('admin:import.created')}</dt>
                <dd data-testid="import-created">{result.created}</dd>
              </div>
              <div>
                <dt>{t('admin:import.updated')}</dt>
                <dd data-testid="import-updated">{result.updated}</dd>
              </div>
            </dl>
          </div>
        )}

        {rejected && (
          <div className="import-rejected">
            <div className="alert alert-error" role="alert" data-testid="import-rejected">
              <strong>{t('admin:import.errorsTitle')}</strong>
              <p>{rejected.rows?.length ? t('admin:import.errorsExplain', { count: rejected.rows.length }) : rejected.detail}</p>
            </div>
            <table className="rtable" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('admin:import.line')}</th>
                  <th scope="col">{t('admin:import.column')}</th>
                  <th scope="col">{t('admin:import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {(rejected.rows ?? []).map((r, i) => (
                  <tr key={`${r.line}-${r.column ?? ''}-${i}`} data-testid="import-error-row">
                    <td data-label={t('admin:import.line')}>{r.line}</td>
                    <td data-label={t('admin:import.column')}>{r.column && <code>{r.column}</code>}</td>
                    <td data-label={t('admin:import.reason')}>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {!rejected && <FormError message={form.error} testId="import-failed" />}
      </section>

      <ExportPanel />
    </div>
  );
}

function ExportPanel() {
  const { t } = useI18n();
  const notify = useNotify();
  const form = useApiForm(useExportCsv());
  const busyKind = form.busy ? form.variables : null;

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('admin:import.exportHeading')}</h2>
      <p className="hint">{t('admin:import.exportExplain')}</p>
      <FormError message={form.error} testId="export-error" />
      <div className="btn-row wrap">
        {IMPORT_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="btn"
            data-testid={`export-${k}`}
            disabled={form.busy}
            onClick={() => form.submit(k, { onSuccess: (file) => notify(t('admin:import.exported', { file })) })}
          >
            {busyKind === k ? t('admin:import.exporting') : t(`admin:import.export.${k}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
