import { useMutation, useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useState, type FormEvent } from 'react';
import { isApiError } from '../api/problem';
import type { Id, Minutes, MinutesCan, MinutesPage, MinutesSummary } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { formatDateTime, formatDay } from '../format';
import { errorText } from '../lib/errors';
import { saveBlob } from '../lib/files';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useLiveFallback } from '../live/hooks';
import type { MeetingTabProps } from '../meetings/MeetingPage';
import { fetchMinutesPdf, minutesQuery, useDraftMinutes, useMinutesAction, type MinutesAction } from './api/minutes';
import { HashSign } from './HashSign';
import { MinutesEditor } from './MinutesEditor';
import { MinutesVersions } from './MinutesVersions';
import { RichTextView } from './RichTextView';
import { MinutesCheck, SignatureList } from './Signatures';
import { LIMITS, minutesSteps } from './steps';

// The PDF in the app's reader (pdf.js): a chunk of its own, loaded when the PDF is opened
const PdfPanel = lazy(() => import('./PdfPanel'));

/**
 * "Biên bản": the minutes from the draft to publication. Every button is there only when the
 * page's `can` allows it (the server decides from the minutes' state, the meeting and who is
 * looking): the secretary drafts and edits, the chair approves or sends back, both sign (on the
 * server or with their own signing device), the secretary publishes; afterwards the participants
 * read the signed PDF and its check, and a correction can be written.
 */
export function MinutesTab({ meeting, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const fallback = useLiveFallback(meetingId);
  const { data: page, error, refetch } = useQuery({ ...minutesQuery(meetingId), ...fallback });

  if (error && !page) {
    if (isApiError(error) && error.status === 403) {
      return (
        <p className="alert alert-info" data-testid="minutes-forbidden">
          {t('minutes:forbidden')}
        </p>
      );
    }
    return <FormError message={errorText(error, t)} />;
  }
  if (!page) return <p className="muted">{t('minutes:loading')}</p>;
  const can = page.can ?? {};
  const m = page.minutes;
  if (!m) return <NoMinutes meetingId={meetingId} can={can} status={meeting.status} />;
  return <MinutesBody meetingId={meetingId} page={page} minutes={m} can={can} reload={() => refetch()} />;
}

/** The steps as a row of numbered stops: done ones ticked, the current one marked. */
export function MinutesStepper({ minutes }: { minutes: Minutes | undefined }) {
  const { t } = useI18n();
  const steps = minutesSteps(minutes?.state);
  return (
    <ol className="stepper" aria-label={t('minutes:steps')} data-testid="minutes-stepper">
      {steps.map((s, i) => (
        <li key={s.id} className={`step is-${s.status}`} aria-current={s.status === 'current' ? 'step' : undefined} data-step={s.id} data-status={s.status}>
          <span className="step-dot" aria-hidden="true">
            {s.status === 'done' ? '✓' : i + 1}
          </span>
          <span className="step-label">{t(`minutes:step.${s.id}`)}</span>
          <span className="visually-hidden"> ({t(`minutes:stepStatus.${s.status}`)})</span>
        </li>
      ))}
    </ol>
  );
}

function NoMinutes({ meetingId, can, status }: { meetingId: Id; can: MinutesCan; status: string | undefined }) {
  const { t } = useI18n();
  const notify = useNotify();
  const draft = useApiForm(useDraftMinutes(meetingId));
  const published = status === 'MINUTES_PUBLISHED' || status === 'ARCHIVED';
  return (
    <div className="minutes-tab" data-testid="minutes-tab">
      <section className="panel" aria-labelledby="minutes-none-title">
        <h2 id="minutes-none-title">{published ? t('minutes:tab') : t('minutes:none.title')}</h2>
        <MinutesStepper minutes={undefined} />
        <p className="minutes-state" data-testid="minutes-state" data-state="NONE">
          {published ? t('minutes:none.published') : can.draft ? t('minutes:none.canDraft') : status === 'ENDED' ? t('minutes:none.waiting') : t('minutes:none.notEnded')}
        </p>
        <FormProblem form={draft} />
        {can.draft && (
          <button
            type="button"
            className="btn btn-primary btn-large"
            data-testid="minutes-draft"
            disabled={draft.busy}
            onClick={() => draft.submit(undefined, { onSuccess: () => notify(t('minutes:drafted')) })}
          >
            {draft.busy ? t('common.working') : t('minutes:none.draft')}
          </button>
        )}
        {/* a correction being written: the readers still have the published minutes */}
        {published && <PdfButtons meetingId={meetingId} fileKey="published" />}
      </section>
    </div>
  );
}

type Dialogs = 'approve' | 'send-back' | 'sign' | 'publish' | 'correct' | null;

function MinutesBody({ meetingId, page, minutes: m, can, reload }: { meetingId: Id; page: MinutesPage; minutes: Minutes; can: MinutesCan; reload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [showHash, setShowHash] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const [editorGeneration, setEditorGeneration] = useState(0);
  const action = useMinutesAction(meetingId);
  const signatures = m.signatures ?? [];
  const state = m.state;
  const hasPdf = !!m.pdfSha256;
  const signing = state === 'APPROVED' || state === 'SIGNING';
  const role = can.signAs;

  const run = (a: MinutesAction, done: string) => async () => {
    await action.mutateAsync(a);
    setDialog(null);
    notify(done);
  };

  return (
    <div className="minutes-tab" data-testid="minutes-tab" data-minutes-id={m.id} data-state={state}>
      <section className="panel minutes-summary" aria-labelledby="minutes-summary-title" aria-live="polite">
        <h2 id="minutes-summary-title">
          {m.kind === 'CORRECTION' ? t('minutes:kind.CORRECTION') : t('minutes:kind.MINUTES')}
          {m.number && <span className="muted"> · {t('minutes:meta.number', { number: m.number })}</span>}
        </h2>
        <MinutesStepper minutes={m} />
        <p className="minutes-state-line">
          <span className={`badge ${state === 'PUBLISHED' ? 'badge-ok' : state === 'DRAFT' ? 'badge-muted' : 'badge-info'} minutes-state`} data-testid="minutes-state" data-state={state}>
            {state ? t(`minutes:state.${state}`) : m.stateText}
          </span>{' '}
          <span className="muted">{t('minutes:meta.revision', { n: m.revision ?? '' })}</span>
          {m.place && m.date && <span className="muted"> · {t('minutes:meta.dated', { place: m.place, date: formatDay(m.date) })}</span>}
        </p>
        {m.kind === 'CORRECTION' && <p className="alert alert-info">{t('minutes:corrections.correcting')}</p>}
        {m.approvedBy && <p className="small">{t('minutes:meta.approved', { name: m.approvedBy, at: formatDateTime(m.approvedAt) })}</p>}
        {m.publishedBy && <p className="small">{t('minutes:meta.published', { name: m.publishedBy, at: formatDateTime(m.publishedAt) })}</p>}
        {role && signing && <p data-testid="minutes-sign-as">{t('minutes:signAs', { role: t(`minutes:role.${role}`) })}</p>}

        <div className="btn-row wrap minutes-actions">
          {can.approve && (
            <button type="button" className="btn btn-primary btn-large" data-testid="minutes-approve" onClick={() => setDialog('approve')}>
              {t('minutes:action.approve')}
            </button>
          )}
          {can.sendBack && (
            <button type="button" className="btn btn-large" data-testid="minutes-send-back" onClick={() => setDialog('send-back')}>
              {t('minutes:action.sendBack')}
            </button>
          )}
          {can.signOnServer && (
            <button type="button" className="btn btn-primary btn-large" data-testid="minutes-sign" onClick={() => setDialog('sign')}>
              {t('minutes:action.sign')}
            </button>
          )}
          {can.signByHash && (
            <button type="button" className="btn btn-large" data-testid="minutes-sign-hash" aria-expanded={showHash || !!m.pending} onClick={() => setShowHash((v) => !v)}>
              {t('minutes:action.signByHash')}
            </button>
          )}
          {can.publish && (
            <button type="button" className="btn btn-primary btn-large" data-testid="minutes-publish" onClick={() => setDialog('publish')}>
              {t('minutes:action.publish')}
            </button>
          )}
          {can.correct && (
            <button type="button" className="btn btn-large" data-testid="minutes-correct" onClick={() => setDialog('correct')}>
              {t('minutes:action.correct')}
            </button>
          )}
          <button type="button" className="btn btn-large" data-testid="minutes-versions-toggle" aria-expanded={showVersions} onClick={() => setShowVersions((v) => !v)}>
            {t('minutes:action.versions')}
          </button>
        </div>
        {hasPdf && <PdfButtons meetingId={meetingId} fileKey={m.pdfSha256 ?? ''} />}
        {m.correctsId != null && <PdfButtons meetingId={meetingId} minutesId={m.correctsId} fileKey={`original-${m.correctsId}`} label={t('minutes:action.original')} />}
      </section>

      {(showHash || (m.pending && signing)) && <HashSign meetingId={meetingId} minutes={m} signAs={role} canSign={!!can.signByHash} />}

      {can.edit ? (
        <MinutesEditor
          key={`${m.id}-${editorGeneration}`}
          meetingId={meetingId}
          latest={m}
          onReload={async () => {
            // the newest version read, the form starts over from it
            await reload();
            setEditorGeneration((g) => g + 1);
          }}
        />
      ) : (
        <section className="panel" aria-labelledby="minutes-text-title">
          <h2 id="minutes-text-title">{t('minutes:text')}</h2>
          <p className="minutes-doc-title">
            <strong>{m.title}</strong>
            <br />
            {m.subtitle}
          </p>
          <RichTextView html={m.body} testId="minutes-body-view" />
          {(m.recipients?.length ?? 0) > 0 && (
            <div className="minutes-recipients">
              <strong>{t('minutes:field.recipients')}:</strong>
              <ul>
                {m.recipients?.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      {(hasPdf || signatures.length > 0) && (
        <section className="panel" aria-labelledby="minutes-signatures-title" data-testid="minutes-signatures">
          <h2 id="minutes-signatures-title">{t('minutes:signatures.title')}</h2>
          <SignatureList signatures={signatures} waiting={signing} />
          {signatures.length > 0 && m.pdfSha256 && <MinutesCheck meetingId={meetingId} sha256={m.pdfSha256} />}
          {m.heads && (
            <details className="minutes-heads">
              <summary>{t('minutes:heads.title')}</summary>
              <p className="small mono break">{t('minutes:heads.events', { count: m.heads.eventCount ?? 0, hash: m.heads.events ?? '' })}</p>
              {m.heads.polls && <p className="small mono break">{t('minutes:heads.polls', { hash: m.heads.polls })}</p>}
              {m.heads.audit && <p className="small mono break">{t('minutes:heads.audit', { seq: m.heads.auditSeq ?? '', hash: m.heads.audit })}</p>}
              {m.pdfSha256 && <p className="small mono break">{t('minutes:meta.sha', { sha: m.pdfSha256 })}</p>}
            </details>
          )}
        </section>
      )}

      {showVersions && <MinutesVersions meetingId={meetingId} />}

      <Corrections meetingId={meetingId} list={page.corrections ?? []} currentId={m.id} />

      {dialog === 'approve' && (
        <ConfirmDialog
          title={t('minutes:action.approve')}
          message={t('minutes:confirm.approve', { n: m.revision ?? '' })}
          confirmLabel={t('minutes:action.approve')}
          onClose={() => setDialog(null)}
          reload={reload}
          onConfirm={run({ action: 'approve', version: m.version ?? 0 }, t('minutes:done.approved'))}
        />
      )}
      {dialog === 'sign' && (
        <ConfirmDialog
          title={t('minutes:action.sign')}
          message={t('minutes:confirm.sign', { role: role ? t(`minutes:role.${role}`) : '' })}
          confirmLabel={t('minutes:action.sign')}
          onClose={() => setDialog(null)}
          onConfirm={run({ action: 'sign' }, t('minutes:done.signed'))}
        />
      )}
      {dialog === 'publish' && (
        <ConfirmDialog
          title={t('minutes:action.publish')}
          message={t('minutes:confirm.publish')}
          confirmLabel={t('minutes:action.publish')}
          onClose={() => setDialog(null)}
          onConfirm={run({ action: 'publish' }, t('minutes:done.published'))}
        />
      )}
      {dialog === 'send-back' && (
        <ReasonDialog
          title={t('minutes:reason.sendBackTitle')}
          label={t('minutes:reason.sendBackLabel')}
          confirmLabel={t('minutes:action.sendBack')}
          testId="minutes-send-back-form"
          onClose={() => setDialog(null)}
          onConfirm={(reason) => run({ action: 'send-back', reason }, t('minutes:done.sentBack'))()}
        />
      )}
      {dialog === 'correct' && (
        <ReasonDialog
          title={t('minutes:reason.correctTitle')}
          label={t('minutes:reason.correctLabel')}
          hint={t('minutes:reason.correctHint')}
          confirmLabel={t('minutes:action.correct')}
          testId="minutes-correct-form"
          onClose={() => setDialog(null)}
          onConfirm={(reason) => run({ action: 'corrections', reason }, t('minutes:done.corrected'))()}
        />
      )}
    </div>
  );
}

/** "Xem PDF" (the app's reader, below) and "Tải PDF" (the file itself) for one document. */
function PdfButtons({ meetingId, minutesId, fileKey, label }: { meetingId: Id; minutesId?: Id; fileKey: string; label?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const suffix = minutesId != null ? `-${minutesId}` : '';

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await fetchMinutesPdf(meetingId, minutesId);
      saveBlob(blob, filename);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="minutes-pdf-buttons">
      {label && <p className="minutes-pdf-label">{label}</p>}
      <div className="btn-row wrap">
        <button type="button" className="btn btn-large" data-testid={`minutes-pdf${suffix}`} aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? t('minutes:action.hidePdf') : t('minutes:action.viewPdf')}
        </button>
        <button type="button" className="btn btn-large" data-testid={`minutes-pdf-download${suffix}`} disabled={busy} onClick={() => void download()}>
          {busy ? t('common.working') : t('minutes:action.downloadPdf')}
        </button>
      </div>
      <FormError message={error ? errorText(error, t) : null} />
      {open && (
        <Suspense fallback={<p className="muted">{t('minutes:pdf.loading')}</p>}>
          <PdfPanel meetingId={meetingId} minutesId={minutesId} fileKey={fileKey} />
        </Suspense>
      )}
    </div>
  );
}

/** The corrections of the published minutes (other than the one shown above), each with its PDF once published. */
function Corrections({ meetingId, list, currentId }: { meetingId: Id; list: readonly MinutesSummary[]; currentId: Id | undefined }) {
  const { t } = useI18n();
  const others = list.filter((c) => c.id !== currentId);
  if (others.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="minutes-corrections-title" data-testid="minutes-corrections">
      <h2 id="minutes-corrections-title">{t('minutes:corrections.title')}</h2>
      <ul className="plain-list">
        {others.map((c) => (
          <li key={c.id} className="history-item" data-testid="minutes-correction">
            <strong>{t('minutes:corrections.item', { kind: t(`minutes:kind.${c.kind ?? 'CORRECTION'}`), number: c.number ?? '' })}</strong>{' '}
            <span className="badge badge-muted">{c.state ? t(`minutes:state.${c.state}`) : ''}</span>{' '}
            {c.publishedAt && <span className="muted">{t('minutes:corrections.publishedAt', { at: formatDateTime(c.publishedAt) })}</span>}
            {c.state === 'PUBLISHED' && c.id != null && <PdfButtons meetingId={meetingId} minutesId={c.id} fileKey={`correction-${c.id}`} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Asks for a reason (sending back, a correction) and runs the action with it. */
function ReasonDialog({
  title,
  label,
  hint,
  confirmLabel,
  testId,
  onConfirm,
  onClose,
}: {
  title: string;
  label: string;
  hint?: string;
  confirmLabel: string;
  testId: string;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useApiForm(useMutation({ mutationFn: onConfirm }), { fields: ['reason'] });
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim() === '') {
      form.invalid({ reason: t('minutes:check.required') });
      return;
    }
    form.submit(reason.trim());
  }

  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form onSubmit={onSubmit} noValidate>
        <FormProblem form={form} />
        <div className={`field${form.fieldErrors.reason ? ' has-error' : ''}`}>
          <label htmlFor="minutes-reason">{label}</label>
          <textarea
            id="minutes-reason"
            name="reason"
            rows={4}
            required
            maxLength={LIMITS.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={hint ? 'minutes-reason-hint' : undefined}
            data-testid="minutes-reason"
            autoFocus
          />
          {hint && (
            <p id="minutes-reason-hint" className="hint">
              {hint}
            </p>
          )}
          {form.fieldErrors.reason && (
            <p className="field-error" data-testid="field-error" data-field="reason">
              {form.fieldErrors.reason}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="minutes-reason-ok" disabled={busy}>
            {busy ? t('common.working') : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
