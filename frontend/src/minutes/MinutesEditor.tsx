import { Suspense, lazy, useCallback, useState, type FormEvent } from 'react';
import type { Id, Minutes } from '../api/types';
import { TextField } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useSaveMinutes } from './api/minutes';
import { LIMITS, checkMinutes, minutesInput, recipientsText, type MinutesFields } from './steps';

// TipTap and ProseMirror: a chunk of their own, loaded when the editor is shown
const RichTextEditor = lazy(() => import('./RichTextEditor'));

const FIELDS = ['number', 'place', 'date', 'title', 'subtitle', 'body', 'recipients', 'note'] as const;

function fieldsOf(m: Minutes): MinutesFields {
  return {
    number: m.number ?? '',
    place: m.place ?? '',
    date: m.date ?? '',
    title: m.title ?? '',
    subtitle: m.subtitle ?? '',
    body: m.body ?? '',
    recipients: recipientsText(m.recipients),
    note: '',
  };
}

/**
 * The draft's text, edited and saved as a new version. The form starts from the minutes it is
 * mounted with and keeps the version it is based on; when someone else saves meanwhile, it offers
 * the newest version (`onReload`: the owner mounts it again from it), and a save based on an old
 * version is refused by the server ("stale") with the same offer.
 */
export function MinutesEditor({ meetingId, latest, onReload }: { meetingId: Id; latest: Minutes; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [f, setF] = useState<MinutesFields>(() => fieldsOf(latest));
  const [base, setBase] = useState(latest.version ?? 0);
  const [dirty, setDirty] = useState(false);
  const form = useApiForm(useSaveMinutes(meetingId), { fields: FIELDS, reload: onReload });
  const errors = form.fieldErrors;

  const set = (key: keyof MinutesFields) => (value: string) => {
    setF((old) => ({ ...old, [key]: value }));
    setDirty(true);
  };
  /** A required one-line field of the heading, bounded as the server bounds it. */
  const line = (key: 'number' | 'place' | 'title' | 'subtitle') => (
    <TextField
      label={t(`minutes:field.${key}`)}
      name={key}
      required
      maxLength={LIMITS[key]}
      value={f[key]}
      onChange={(e) => set(key)(e.target.value)}
      error={errors[key]}
    />
  );
  const onBody = useCallback((html: string) => {
    setF((old) => ({ ...old, body: html }));
    setDirty(true);
  }, []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems = checkMinutes(f);
    if (Object.keys(problems).length) {
      form.invalid(Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, t(`minutes:check.${p}`)])));
      return;
    }
    form.submit(minutesInput(f, base), {
      onSuccess: (saved) => {
        setBase(saved.version ?? base);
        setDirty(false);
        setF((old) => ({ ...old, note: '' }));
        notify(t('minutes:editor.saved', { n: saved.revision ?? '' }));
      },
    });
  }

  const newer = (latest.version ?? 0) !== base;

  return (
    <section className="panel minutes-editor" aria-labelledby="minutes-editor-title" data-testid="minutes-editor" data-base-version={base}>
      <h2 id="minutes-editor-title">{t('minutes:editor.title')}</h2>
      {newer && !form.busy && (
        <div className="alert alert-info alert-stale" role="status" data-testid="minutes-newer">
          <span>{t('minutes:editor.newer')}</span>
          <button type="button" className="btn btn-small" data-testid="minutes-load-newer" onClick={() => void onReload()}>
            {t('minutes:editor.loadNewer')}
          </button>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          {line('number')}
          {line('place')}
          <TextField label={t('minutes:field.date')} name="date" type="date" required value={f.date} onChange={(e) => set('date')(e.target.value)} error={errors.date} />
        </div>
        {line('title')}
        {line('subtitle')}
        <div className={`field${errors.body ? ' has-error' : ''}`}>
          <span className="field-label" id="minutes-body-label">
            {t('minutes:field.body')}
          </span>
          <p id="minutes-body-hint" className="hint">
            {t('minutes:editor.gapHint')}
          </p>
          <Suspense fallback={<p className="muted rte-loading">{t('minutes:editor.loading')}</p>}>
            <RichTextEditor
              id="minutes-body"
              initial={f.body}
              onChange={onBody}
              labelledBy="minutes-body-label"
              describedBy="minutes-body-hint"
              disabled={form.busy}
              testId="minutes-body"
            />
          </Suspense>
          {errors.body && (
            <p className="field-error" data-testid="field-error" data-field="body">
              {errors.body}
            </p>
          )}
        </div>
        <div className={`field${errors.recipients ? ' has-error' : ''}`}>
          <label htmlFor="minutes-recipients">{t('minutes:field.recipients')}</label>
          <textarea
            id="minutes-recipients"
            name="recipients"
            rows={4}
            value={f.recipients}
            onChange={(e) => set('recipients')(e.target.value)}
            aria-describedby="minutes-recipients-hint"
            aria-invalid={errors.recipients ? true : undefined}
            data-testid="minutes-recipients"
          />
          <p id="minutes-recipients-hint" className="hint">
            {t('minutes:field.recipientsHint')}
          </p>
          {errors.recipients && (
            <p className="field-error" data-testid="field-error" data-field="recipients">
              {errors.recipients}
            </p>
          )}
        </div>
        <TextField
          label={t('minutes:field.note')}
          name="note"
          optional
          maxLength={LIMITS.note}
          hint={t('minutes:field.noteHint')}
          value={f.note}
          onChange={(e) => setF((old) => ({ ...old, note: e.target.value }))}
          error={errors.note}
        />
        {/* next to the button that was pressed (the form is long) */}
        <FormProblem form={form} />
        <div className="form-actions form-actions-start minutes-save-row">
          <button type="submit" className="btn btn-primary btn-large" data-testid="minutes-save" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('minutes:editor.save')}
          </button>
          {dirty && (
            <span className="badge badge-warn" data-testid="minutes-unsaved">
              {t('minutes:editor.unsaved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
