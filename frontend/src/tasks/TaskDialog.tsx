import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Id, Task } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { ACCEPT } from '../documents/api/upload';
import { formatDateTime, formatDay } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { downloadTaskFile, taskDetailQuery, useAttachTaskFile, useTaskStep, type TaskStep } from './api/tasks';
import { saveBlob } from '../lib/files';
import { DueBadge, PriorityBadge, ProgressBar, TaskStateBadge, responsibleOf } from './TaskBits';
import { clampProgress, fileSize } from './taskLogic';

/**
 * One task: what is asked, by when, its history (progress reports, files, answers), and what the
 * signed-in person may do with it now (`can`, decided by the server): the responsible side reports
 * progress with a note and files and says it is done; whoever gave it accepts or returns it with a
 * note, or cancels it.
 */
export function TaskDialog({ taskId, initial, onClose }: { taskId: Id; initial?: Task; onClose: () => void }) {
  const { t } = useI18n();
  const { data, error } = useQuery(taskDetailQuery(taskId));
  const notify = useNotify();
  const task = data?.task ?? initial;
  const updates = data?.updates ?? [];

  return (
    <Dialog title={task?.title ?? t('minutes:tasks.title')} onClose={onClose} testId="task-dialog" wide>
      <FormError message={error ? errorText(error, t) : null} />
      {task && (
        <div className="task-detail" data-task-id={task.id} data-state={task.state}>
          <p className="task-badges">
            <DueBadge task={task} /> <TaskStateBadge state={task.state} /> <PriorityBadge priority={task.priority} />
          </p>
          {task.detail && <p className="pre-line">{task.detail}</p>}
          <dl className="props">
            {responsibleOf(task) && (
              <>
                <dt>{t('minutes:tasks.responsibleLabel')}</dt>
                <dd>{responsibleOf(task)}</dd>
              </>
            )}
            {task.deadline && (
              <>
                <dt>{t('minutes:tasks.deadline')}</dt>
                <dd>{formatDay(task.deadline)}</dd>
              </>
            )}
            {task.issuedBy && (
              <>
                <dt>{t('minutes:tasks.issuedByLabel')}</dt>
                <dd>{task.issuedBy}</dd>
              </>
            )}
            {task.meetingTitle && task.meetingId != null && (
              <>
                <dt>{t('nav.meetings')}</dt>
                <dd>
                  <Link to={`/meetings/${task.meetingId}?tab=tasks`}>{task.meetingTitle}</Link>
                </dd>
              </>
            )}
          </dl>
          {task.state !== 'CANCELLED' && <ProgressBar value={task.progress} />}

          {task.can?.report && <ReportPanel task={task} />}
          {(task.can?.accept || task.can?.giveBack || task.can?.cancel) && <IssuerPanel task={task} />}

          <section className="task-history" aria-labelledby="task-history-title">
            <h3 id="task-history-title">{t('minutes:tasks.history')}</h3>
            {data && updates.length === 0 && <p className="muted">{t('minutes:tasks.noHistory')}</p>}
            <ol className="history-list" data-testid="task-history">
              {updates.map((u, i) => (
                <li key={u.id ?? i} className="history-item" data-testid="task-update" data-kind={u.kind}>
                  <strong>{u.kind ? t(`minutes:tasks.update.${u.kind}`) : ''}</strong>
                  {u.progress != null && <span> · {t('minutes:tasks.progress', { n: u.progress })}</span>}{' '}
                  <span className="muted">{t('minutes:tasks.updateBy', { name: u.person ?? '', at: formatDateTime(u.at) })}</span>
                  {u.note && <p className="pre-line">{u.note}</p>}
                  {u.fileName && (
                    <p className="small">
                      {t('minutes:tasks.file', { name: u.fileName, size: fileSize(u.fileSize) })}{' '}
                      {u.id != null && task.id != null && (
                        <button
                          type="button"
                          className="btn btn-link"
                          data-testid="task-file-download"
                          onClick={() => {
                            const name = u.fileName ?? 'tep';
                            void downloadTaskFile(task.id!, u.id!, name).then(
                              ({ blob, filename }) => saveBlob(blob, filename),
                              (e: unknown) => notify(errorText(e, t), 'error'),
                            );
                          }}
                        >
                          {t('minutes:tasks.download')}
                        </button>
                      )}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
      {!task && !error && <p className="muted">{t('app.loading')}</p>}
    </Dialog>
  );
}

/** The responsible side: progress (slider and number) with a note, a file, "done". */
function ReportPanel({ task }: { task: Task }) {
  const { t } = useI18n();
  const notify = useNotify();
  const id = useId();
  const [progress, setProgress] = useState(task.progress ?? 0);
  const [note, setNote] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const step = useApiForm(useTaskStep(), { fields: ['progress', 'note'] });
  const attach = useApiForm(useAttachTaskFile());
  const doneMutation = useTaskStep();
  const busy = step.busy || attach.busy;

  function send(e: FormEvent) {
    e.preventDefault();
    step.submit(
      { taskId: task.id, step: 'progress', progress: clampProgress(progress), note: note.trim() || undefined },
      {
        onSuccess: () => {
          setNote('');
          notify(t('minutes:tasks.report.sent'));
        },
      },
    );
  }

  const [confirmDone, setConfirmDone] = useState(false);

  function upload(file: File | undefined) {
    if (!file) return;
    setPercent(0);
    attach.submit(
      { taskId: task.id, file, onProgress: (loaded, total) => setPercent(total > 0 ? Math.round((loaded / total) * 100) : 0) },
      {
        onSuccess: () => {
          setPercent(null);
          notify(t('minutes:tasks.report.attached'));
        },
      },
    );
  }

  return (
    <section className="panel task-report" aria-labelledby={`${id}-title`} data-testid="task-report">
      <h3 id={`${id}-title`}>{t('minutes:tasks.report.title')}</h3>
      <form onSubmit={send} noValidate>
        <FormProblem form={step} />
        <div className="field">
          <label htmlFor={`${id}-progress`}>{t('minutes:tasks.report.progress')}</label>
          <div className="progress-input">
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              value={progress}
              aria-label={t('minutes:tasks.report.progress')}
              onChange={(e) => setProgress(clampProgress(Number(e.target.value)))}
              data-testid="task-progress-slider"
            />
            <input
              id={`${id}-progress`}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={progress}
              onChange={(e) => setProgress(clampProgress(Number(e.target.value)))}
              data-testid="task-progress-input"
            />
            <span aria-hidden="true">%</span>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('minutes:tasks.report.note')}</label>
          <textarea id={`${id}-note`} rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="task-note" />
          {step.fieldErrors.note && <p className="field-error">{step.fieldErrors.note}</p>}
        </div>
        <div className="btn-row wrap">
          <button type="submit" className="btn btn-primary btn-large" data-testid="task-progress-send" disabled={busy}>
            {t('minutes:tasks.report.send')}
          </button>
          <button type="button" className="btn btn-large" data-testid="task-attach" disabled={busy} onClick={() => fileInput.current?.click()}>
            {percent !== null ? t('minutes:tasks.report.uploading', { percent }) : t('minutes:tasks.report.attach')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="task-file"
            onChange={(e) => {
              upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <button type="button" className="btn btn-large btn-primary" data-testid="task-report-done" disabled={busy} onClick={() => setConfirmDone(true)}>
            {t('minutes:tasks.report.done')}
          </button>
        </div>
        <FormProblem form={attach} />
      </form>
      {confirmDone && (
        <ConfirmDialog
          title={t('minutes:tasks.report.done')}
          message={t('minutes:tasks.report.doneConfirm')}
          confirmLabel={t('minutes:tasks.report.done')}
          onClose={() => setConfirmDone(false)}
          onConfirm={async () => {
            await doneMutation.mutateAsync({ taskId: task.id, step: 'report', note: note.trim() || undefined });
            setConfirmDone(false);
            setNote('');
            notify(t('minutes:tasks.report.doneSent'));
          }}
        />
      )}
    </section>
  );
}

/** Whoever gave the task: accept or return a reported task (with a note), or cancel it. */
function IssuerPanel({ task }: { task: Task }) {
  const { t } = useI18n();
  const notify = useNotify();
  const id = useId();
  const [note, setNote] = useState('');
  const form = useApiForm(useTaskStep(), { fields: ['note'] });
  const can = task.can ?? {};

  function run(step: TaskStep, done: string) {
    // returning or cancelling says why
    if ((step === 'return' || step === 'cancel') && note.trim() === '') {
      form.invalid({ note: t('minutes:tasks.issuer.needNote') });
      return;
    }
    form.submit(
      { taskId: task.id, step, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setNote('');
          notify(done);
        },
      },
    );
  }

  return (
    <section className="panel task-issuer" aria-labelledby={`${id}-title`} data-testid="task-issuer">
      <h3 id={`${id}-title`}>{t('minutes:tasks.issuer.title')}</h3>
      <FormProblem form={form} />
      <div className={`field${form.fieldErrors.note ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-note`}>{t('minutes:tasks.issuer.note')}</label>
        <textarea id={`${id}-note`} rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="task-issuer-note" />
        {form.fieldErrors.note && (
          <p className="field-error" data-testid="field-error" data-field="note">
            {form.fieldErrors.note}
          </p>
        )}
      </div>
      <div className="btn-row wrap">
        {can.accept && (
          <button type="button" className="btn btn-primary btn-large" data-testid="task-accept" disabled={form.busy} onClick={() => run('accept', t('minutes:tasks.issuer.accepted'))}>
            {t('minutes:tasks.issuer.accept')}
          </button>
        )}
        {can.giveBack && (
          <button type="button" className="btn btn-large" data-testid="task-return" disabled={form.busy} onClick={() => run('return', t('minutes:tasks.issuer.returned'))}>
            {t('minutes:tasks.issuer.return')}
          </button>
        )}
        {can.cancel && (
          <button type="button" className="btn btn-large btn-danger-outline" data-testid="task-cancel" disabled={form.busy} onClick={() => run('cancel', t('minutes:tasks.issuer.cancelled'))}>
            {t('minutes:tasks.issuer.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
