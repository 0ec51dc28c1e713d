import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Capabilities, Clash, InvitationResponse } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { FormError, TextField } from '../components/Field';
import { useNotify } from '../components/Notice';
import { formatDateTime, formatDay, formatSpan, todayVN, vnDate, vnInstant, vnTime } from '../format';
import { type MsgKey, useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useCancelMeeting, useCheckIn, usePostpone, useRespond, useTransition, type Transition } from './api/meetingActions';
import type { MeetingTabProps } from './MeetingPage';
import { SessionPanel } from '../live/SessionPanel';
import { VideoPanel } from '../live/VideoPanel';
import { quorumText } from './quorum';
import { AttendanceBadge, MeetingStatusBadge, ResponseBadge, capsOf, meetingUrl } from './shared';

const ACTION_LABEL: Record<Transition, MsgKey> = {
  schedule: 'meetings:action.schedule',
  start: 'meetings:action.start',
  end: 'meetings:action.end',
  archive: 'meetings:action.archive',
};
const ACTION_DONE: Record<Transition, MsgKey> = {
  schedule: 'meetings:action.scheduled',
  start: 'meetings:action.started',
  end: 'meetings:action.ended',
  archive: 'meetings:action.archived',
};
const ACTION_TESTID: Record<Transition, string> = {
  schedule: 'action-schedule',
  start: 'action-start',
  end: 'action-end',
  archive: 'action-archive',
};

/** Which capability allows each transition. */
const ACTION_FLAG: Record<Transition, keyof Capabilities> = {
  schedule: 'canSchedule',
  start: 'canStart',
  end: 'canEnd',
  archive: 'canArchive',
};
/** What the confirmation of a transition says will happen (schedule needs none: its hint says it). */
const ACTION_CONFIRM: Record<Exclude<Transition, 'schedule'>, MsgKey> = {
  start: 'meetings:confirm.start',
  end: 'meetings:confirm.end',
  archive: 'meetings:confirm.archive',
};
const ORDER: Transition[] = ['schedule', 'start', 'end', 'archive'];

/** An instant still ahead (the server's `checkInOpensAt`), or null. */
function ahead(at: string | undefined): string | null {
  return at && Date.parse(at) > Date.now() ? at : null;
}

/** "08:00" on the same day in Vietnam, else "08:00 23/11/2026". */
function formatWhen(at: string): string {
  const day = vnDate(at);
  return day === todayVN() ? vnTime(at) : `${vnTime(at)} ${formatDay(day)}`;
}

/**
 * The "Thông tin" tab: check-in, answer, actions, clash warnings, details, change history. Every
 * button is there only when the meeting's `capabilities` allow it: the server decides from the
 * state, the person's role and the time.
 */
export function InfoTab({ meeting: m, meetingId, savedWarnings }: MeetingTabProps & { savedWarnings?: Clash[] }) {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const caps = capsOf(m);
  const [dialog, setDialog] = useState<'postpone' | 'cancel' | Exclude<Transition, 'schedule'> | null>(null);
  const transitionMutation = useTransition(meetingId);
  const transition = useApiForm(transitionMutation);
  const busy = transition.busy ? (transition.variables ?? null) : null;

  const actions = ORDER.filter((a) => caps[ACTION_FLAG[a]]);
  const changes = { edit: !!caps.canEdit, postpone: !!caps.canPostpone, cancel: !!caps.canCancel };
  // the start button is not there yet: say from when it will be
  const startFrom = caps.canRun && !caps.canStart && !caps.canEnd ? ahead(caps.checkInOpensAt) : null;

  function run(action: Transition) {
    if (action !== 'schedule') {
      transition.reset();
      setDialog(action);
      return;
    }
    transition.submit(action, { onSuccess: () => notify(t(ACTION_DONE[action])) });
  }

  const warnings = m.warnings?.length ? m.warnings : (savedWarnings ?? []);
  // while the session runs, a participant's tablet shows it: after the check-in button until they
  // have checked in, then first (moved by CSS order, so that it is not mounted again and a choice
  // being made survives the check-in)
  const live = m.status === 'IN_PROGRESS';
  const present = m.myAttendance === 'PRESENT_IN_ROOM' || m.myAttendance === 'PRESENT_ONLINE';

  return (
    <div className="info-tab">
      <CheckInPanel meeting={m} meetingId={meetingId} />
      {live && (
        <div className={`session-slot${present ? ' is-first' : ''}`}>
          <SessionPanel meeting={m} meetingId={meetingId} />
        </div>
      )}
      {caps.canJoinVideo && <VideoPanel meetingId={meetingId} />}
      <ResponsePanel meeting={m} meetingId={meetingId} />

      {(actions.length > 0 || changes.edit || changes.postpone || changes.cancel || startFrom || caps.canPublishMinutes) && (
        <section className="panel actions-panel" aria-labelledby="actions-title">
          <h2 id="actions-title" className="visually-hidden">
            {t('common.actions')}
          </h2>
          <FormError message={transition.error} testId="action-error" />
          <div className="btn-row wrap">
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                className={`btn btn-large ${a === 'end' ? 'btn-danger' : 'btn-primary'}`}
                data-testid={ACTION_TESTID[a]}
                disabled={busy !== null}
                onClick={() => run(a)}
              >
                {busy === a ? t('common.working') : t(ACTION_LABEL[a])}
              </button>
            ))}
            {/* the minutes are drafted, signed and published on their own tab (the meeting follows) */}
            {caps.canPublishMinutes && (
              <Link to={`${meetingUrl(meetingId)}?tab=minutes`} className="btn btn-large btn-primary" data-testid="action-minutes">
                {t('meetings:action.publishMinutes')}
              </Link>
            )}
            {changes.edit && (
              <Link to={`${meetingUrl(meetingId)}/edit`} className="btn btn-large" data-testid="action-edit">
                {t('common.edit')}
              </Link>
            )}
            {changes.postpone && (
              <button type="button" className="btn btn-large" data-testid="action-postpone" onClick={() => setDialog('postpone')}>
                {t('meetings:action.postpone')}
              </button>
            )}
            {changes.cancel && (
              <button type="button" className="btn btn-large btn-danger-outline" data-testid="action-cancel" onClick={() => setDialog('cancel')}>
                {t('meetings:action.cancel')}
              </button>
            )}
          </div>
          {startFrom && (
            <p className="hint" data-testid="start-from">
              {t('meetings:action.startFrom', { time: formatWhen(startFrom) })}
            </p>
          )}
          {actions.includes('schedule') && <p className="hint">{t('meetings:action.scheduleHint')}</p>}
        </section>
      )}

      {m.status === 'CANCELLED' && (
        <p className="alert alert-error" data-testid="cancel-reason">
          {t('meetings:meeting.cancelled')}
          {m.cancelReason && `: ${m.cancelReason}`}
        </p>
      )}

      {warnings.length > 0 && <ClashList clashes={warnings} />}

      <section className="panel" aria-labelledby="details-title">
        <h2 id="details-title">{t('meetings:meeting.details')}</h2>
        <dl className="props" data-testid="meeting-details">
          <dt>{t('common.status')}</dt>
          <dd>
            <MeetingStatusBadge status={m.status} />
          </dd>
          <dt>{t('meetings:meeting.time')}</dt>
          <dd>{m.startsAt && formatSpan(m.startsAt, m.endsAt, lang)}</dd>
          <dt>{t('meetings:meeting.kind')}</dt>
          <dd>{m.kind && t(`meetings:kind.${m.kind}`)}</dd>
          {m.place && (
            <>
              <dt>{t('meetings:meeting.place')}</dt>
              <dd>{m.place}</dd>
            </>
          )}
          {m.hostEndpointName && (
            <>
              <dt>{t('meetings:meeting.hostEndpoint')}</dt>
              <dd>{m.hostEndpointName}</dd>
            </>
          )}
          <dt>{t('meetings:meeting.hostUnit')}</dt>
          <dd>{m.hostUnitName}</dd>
          <dt>{t('meetings:meeting.chair')}</dt>
          <dd>{m.chairName}</dd>
          {m.secretaryName && (
            <>
              <dt>{t('meetings:meeting.secretary')}</dt>
              <dd>{m.secretaryName}</dd>
            </>
          )}
          <dt>{t('meetings:meeting.confidentiality')}</dt>
          <dd>{m.confidentiality && t(`meetings:conf.${m.confidentiality}`)}</dd>
          <dt>{t('meetings:meeting.quorum')}</dt>
          <dd>{quorumText(m.quorum, t)}</dd>
          {m.myParticipantId != null && m.myResponse && m.myResponse !== 'PENDING' && (
            <>
              <dt>{t('meetings:meeting.myResponse')}</dt>
              <dd>
                <ResponseBadge response={m.myResponse} />
              </dd>
            </>
          )}
          <dt>{t('meetings:meeting.participants')}</dt>
          <dd>
            {t('count.people', { count: m.participantCount ?? 0 })} · {t('count.endpoints', { count: m.endpointCount ?? 0 })}
          </dd>
          <dt>{t('meetings:meeting.agenda')}</dt>
          <dd>
            {(m.agendaVersion ?? 0) > 0
              ? t('meetings:agenda.versionAt', { v: m.agendaVersion, at: formatDateTime(m.agendaPublishedAt) })
              : t('meetings:agenda.notPublished')}
          </dd>
          {m.notes && (
            <>
              <dt>{t('meetings:meeting.notes')}</dt>
              <dd className="pre-line">{m.notes}</dd>
            </>
          )}
        </dl>
      </section>

      {m.history && m.history.length > 0 && (
        <section className="panel" aria-labelledby="history-title" data-testid="change-history">
          <h2 id="history-title">{t('meetings:meeting.history')}</h2>
          <ol className="history-list">
            {m.history.map((c, i) => (
              <li key={i} className={`history-item history-${c.kind?.toLowerCase() ?? 'change'}`} data-testid="change-row" data-kind={c.kind}>
                <strong>{c.kind === 'POSTPONED' ? t('meetings:history.postponed') : t('meetings:history.cancelled')}</strong>{' '}
                <span className="muted">
                  {formatDateTime(c.at)}
                  {c.by && ` · ${c.by}`}
                </span>
                {c.kind === 'POSTPONED' && c.oldStartsAt && c.newStartsAt && (
                  <p>
                    {t('meetings:history.fromTo', {
                      from: formatSpan(c.oldStartsAt, c.oldEndsAt, lang),
                      to: formatSpan(c.newStartsAt, c.newEndsAt, lang),
                    })}
                  </p>
                )}
                {c.reason && <p>{t('meetings:history.reason', { reason: c.reason })}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {dialog === 'postpone' && (
        <PostponeDialog
          meeting={m}
          meetingId={meetingId}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notify(t('meetings:action.postponed'));
          }}
        />
      )}
      {(dialog === 'start' || dialog === 'end' || dialog === 'archive') && (
        <ConfirmDialog
          title={t(ACTION_LABEL[dialog])}
          message={t(ACTION_CONFIRM[dialog], { title: m.title ?? '' })}
          confirmLabel={t(ACTION_LABEL[dialog])}
          danger={dialog === 'end'}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const action = dialog;
            await transitionMutation.mutateAsync(action);
            setDialog(null);
            notify(t(ACTION_DONE[action]));
          }}
        />
      )}
      {dialog === 'cancel' && (
        <CancelDialog
          meeting={m}
          meetingId={meetingId}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notify(t('meetings:action.cancelled'));
          }}
        />
      )}
    </div>
  );
}

export function ClashList({ clashes }: { clashes: Clash[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="alert alert-warn" data-testid="clash-warnings" aria-labelledby="clash-title">
      <h2 id="clash-title" className="alert-title">
        {t('meetings:clash.title', { count: clashes.length })}
      </h2>
      <ul className="clash-list">
        {clashes.map((c, i) => (
          <li key={i} data-testid="clash-row" data-kind={c.kind} data-hidden={c.meetingId == null ? 'true' : undefined}>
            {c.meetingId != null ? (
              <>
                {t(c.kind === 'PERSON' ? 'meetings:clash.person' : 'meetings:clash.endpoint', { name: c.name ?? '' })}{' '}
                <Link to={meetingUrl(c.meetingId)}>{c.meetingTitle}</Link>
              </>
            ) : (
              // a meeting the signed-in person may not see: only that the person or room is busy
              t(c.kind === 'PERSON' ? 'meetings:clash.personBusy' : 'meetings:clash.endpointBusy', { name: c.name ?? '' })
            )}{' '}
            {c.startsAt && <span className="muted">({formatSpan(c.startsAt, c.endsAt, lang)})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The big check-in button, while the server lets the participant check in (`canCheckIn`: from
 * shortly before the start until the end). Before that, when it says from when (`checkInOpensAt`),
 * the panel says so instead; the meeting page reloads the meeting at that moment.
 */
function CheckInPanel({ meeting: m, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const checkIn = useCheckIn(meetingId);
  const form = useApiForm(checkIn);
  const caps = capsOf(m);
  if (m.myParticipantId == null) return null;
  if (!caps.canCheckIn) {
    const opensAt = ahead(caps.checkInOpensAt);
    if (!opensAt) return null;
    return (
      <section className="panel checkin-panel is-waiting" data-testid="check-in-opens" data-opens-at={opensAt}>
        <p className="checkin-wait">{t('meetings:checkin.opensAt', { time: formatWhen(opensAt) })}</p>
      </section>
    );
  }
  const present = checkIn.isSuccess || m.myAttendance === 'PRESENT_IN_ROOM' || m.myAttendance === 'PRESENT_ONLINE';

  return (
    <section className={`panel checkin-panel${present ? ' is-done' : ''}`} aria-live="polite">
      <FormError message={form.error} />
      {present ? (
        <>
          <button type="button" className="btn btn-checkin is-done" data-testid="check-in" data-checked-in="true" disabled aria-disabled="true">
            <span aria-hidden="true">✓</span> {t('meetings:checkin.doneLabel')}
          </button>
          {m.myAttendance && m.myAttendance !== 'UNKNOWN' && (
            <p className="checkin-sub">
              <AttendanceBadge attendance={m.myAttendance} />
            </p>
          )}
        </>
      ) : (
        <>
          <button
            type="button"
            className="btn btn-primary btn-checkin"
            data-testid="check-in"
            data-checked-in="false"
            disabled={form.busy}
            onClick={() => form.submit(undefined, { onSuccess: () => notify(t('meetings:checkin.done')) })}
          >
            {form.busy ? t('common.working') : t('meetings:checkin.button')}
          </button>
          <p className="checkin-sub">{t('meetings:checkin.hint', { time: vnTime(m.startsAt) })}</p>
        </>
      )}
    </section>
  );
}

const RSVP: { value: Exclude<InvitationResponse, 'PENDING'>; label: MsgKey; cls: string }[] = [
  { value: 'ACCEPTED', label: 'meetings:rsvp.accept', cls: 'rsvp-yes' },
  { value: 'TENTATIVE', label: 'meetings:rsvp.tentative', cls: 'rsvp-maybe' },
  { value: 'DECLINED', label: 'meetings:rsvp.decline', cls: 'rsvp-no' },
];

/** "Tham dự / Chưa chắc / Vắng": the participant's answer to the invitation. */
function ResponsePanel({ meeting: m, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const respond = useRespond(meetingId);
  const form = useApiForm(respond);
  const [note, setNote] = useState('');
  // the server says when an answer is taken (a scheduled meeting, by one of its participants)
  if (!capsOf(m).canReply) return null;
  // the answer just given shows at once; the refreshed meeting then says the same
  const shown: InvitationResponse = (respond.isSuccess ? respond.variables?.response : undefined) ?? m.myResponse ?? 'PENDING';

  function answer(value: Exclude<InvitationResponse, 'PENDING'>) {
    form.submit(note.trim() ? { response: value, note: note.trim() } : { response: value }, {
      onSuccess: () => notify(t('meetings:rsvp.saved', { answer: t(`meetings:response.${value}`) })),
    });
  }

  return (
    <section className="panel rsvp-panel" aria-labelledby="rsvp-title" data-testid="rsvp">
      <h2 id="rsvp-title">
        {t('meetings:rsvp.title')} <ResponseBadge response={shown} />
      </h2>
      <FormError message={form.error} />
      <div className="rsvp-buttons" role="group" aria-labelledby="rsvp-title">
        {RSVP.map((r) => (
          <button
            key={r.value}
            type="button"
            className={`btn btn-rsvp ${r.cls}${shown === r.value ? ' is-on' : ''}`}
            aria-pressed={shown === r.value}
            data-testid={`rsvp-${r.value}`}
            disabled={form.busy}
            onClick={() => answer(r.value)}
          >
            {t(r.label)}
          </button>
        ))}
      </div>
      <details className="rsvp-note">
        <summary>{t('meetings:rsvp.addNote')}</summary>
        <TextField label={t('meetings:rsvp.note')} name="responseNote" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </details>
    </section>
  );
}

/** A dialog that changes the meeting (postpone, cancel): closed by `onClose`, `onDone` once saved. */
type ChangeDialogProps = MeetingTabProps & { onClose: () => void; onDone: () => void };

function PostponeDialog({ meeting: m, meetingId, onClose, onDone }: ChangeDialogProps) {
  const { t } = useI18n();
  const [startDate, setStartDate] = useState(m.startsAt ? vnDate(m.startsAt) : '');
  const [startTime, setStartTime] = useState(vnTime(m.startsAt));
  const [endDate, setEndDate] = useState(m.endsAt ? vnDate(m.endsAt) : '');
  const [endTime, setEndTime] = useState(vnTime(m.endsAt));
  const [reason, setReason] = useState('');
  const form = useApiForm(usePostpone(meetingId), { fields: ['startsAt', 'endsAt', 'reason'] });
  const fields = form.fieldErrors;
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const startsAt = vnInstant(startDate, startTime);
    const endsAt = vnInstant(endDate, endTime);
    if (!startsAt || !endsAt || endsAt <= startsAt) {
      form.invalid({ endsAt: !startsAt || !endsAt ? t('meetings:meetingForm.badTime') : t('meetings:meetingForm.endBeforeStart') });
      return;
    }
    form.submit({ startsAt, endsAt, reason: reason.trim() || undefined }, { onSuccess: onDone });
  }

  return (
    <Dialog title={t('meetings:postpone.title')} onClose={onClose} testId="postpone-dialog">
      <form onSubmit={onSubmit} noValidate>
        <p className="muted">{t('meetings:postpone.explain')}</p>
        <FormError message={form.error} />
        <div className="time-grid">
          <TextField
            label={t('meetings:meetingForm.startDate')}
            name="startDate"
            type="date"
            required
            value={startDate}
            onChange={(e) => {
              if (endDate === startDate) setEndDate(e.target.value);
              setStartDate(e.target.value);
            }}
            error={fields.startsAt}
          />
          <TextField label={t('meetings:meetingForm.startTime')} name="startTime" type="time" required value={startTime} onChange={(e) => setStartTime(e.target.value)} />
          <TextField label={t('meetings:meetingForm.endDate')} name="endDate" type="date" required value={endDate} onChange={(e) => setEndDate(e.target.value)} error={fields.endsAt} />
          <TextField label={t('meetings:meetingForm.endTime')} name="endTime" type="time" required value={endTime} onChange={(e) => setEndTime(e.target.value)} />
        </div>
        <TextField label={t('meetings:postpone.reason')} name="reason" optional value={reason} onChange={(e) => setReason(e.target.value)} error={fields.reason} maxLength={1000} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.close')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="postpone-save" disabled={busy}>
            {busy ? t('common.saving') : t('meetings:action.postpone')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function CancelDialog({ meeting: m, meetingId, onClose, onDone }: ChangeDialogProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useApiForm(useCancelMeeting(meetingId), { fields: ['reason'] });
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      form.invalid({ reason: t('meetings:cancel.reasonRequired') });
      return;
    }
    form.submit(reason.trim(), { onSuccess: onDone });
  }

  return (
    <Dialog title={t('meetings:cancel.title')} onClose={onClose} testId="cancel-dialog">
      <form onSubmit={onSubmit} noValidate>
        <p>{t('meetings:cancel.explain', { title: m.title ?? '' })}</p>
        <FormError message={form.error} />
        <TextField
          label={t('meetings:cancel.reason')}
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={form.fieldErrors.reason}
          maxLength={1000}
          autoFocus
        />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.close')}
          </button>
          <button type="submit" className="btn btn-danger" data-testid="cancel-confirm" disabled={busy}>
            {busy ? t('common.working') : t('meetings:action.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
