import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { errorText, fieldErrorsOf } from '../components/errors';
import { FormError, TextField } from '../components/Field';
import { useNotify } from '../components/Notice';
import { formatDateTime, formatSpan, todayVN, vnDate, vnInstant, vnTime } from '../format';
import { type MsgKey, useI18n } from '../i18n';
import type { Clash, InvitationResponse, MeetingDetail, QuorumRule } from '../types';
import type { MeetingTabProps } from './MeetingPage';
import { AttendanceBadge, MeetingStatusBadge, ResponseBadge, meetingApi, meetingUrl } from './shared';

export function quorumText(q: QuorumRule | null | undefined, t: (k: MsgKey, p?: Record<string, string | number>) => string): string {
  if (!q) return '';
  return t(q.strict ? 'quorum.more' : 'quorum.atLeast', { n: q.numerator, d: q.denominator });
}

type Action = 'schedule' | 'start' | 'end' | 'publish-minutes' | 'archive';

const ACTION_LABEL: Record<Action, MsgKey> = {
  schedule: 'action.schedule',
  start: 'action.start',
  end: 'action.end',
  'publish-minutes': 'action.publishMinutes',
  archive: 'action.archive',
};
const ACTION_DONE: Record<Action, MsgKey> = {
  schedule: 'action.scheduled',
  start: 'action.started',
  end: 'action.ended',
  'publish-minutes': 'action.minutesPublished',
  archive: 'action.archived',
};
const ACTION_TESTID: Record<Action, string> = {
  schedule: 'action-schedule',
  start: 'action-start',
  end: 'action-end',
  'publish-minutes': 'action-publish-minutes',
  archive: 'action-archive',
};

/** The "Thông tin" tab: check-in, answer, actions, clash warnings, details, change history. */
export function InfoTab({ meeting: m, onChange, reload, savedWarnings }: MeetingTabProps & { savedWarnings?: Clash[] }) {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'postpone' | 'cancel' | null>(null);

  const actions: Action[] = [];
  if (m.canManage && m.status === 'DRAFT') actions.push('schedule');
  if (m.canRun && m.status === 'SCHEDULED') actions.push('start');
  if (m.canRun && m.status === 'IN_PROGRESS') actions.push('end');
  if (m.canManage && m.status === 'ENDED') actions.push('publish-minutes');
  if (m.canManage && m.status === 'MINUTES_PUBLISHED') actions.push('archive');
  const changeable = m.canManage && (m.status === 'DRAFT' || m.status === 'SCHEDULED');

  async function run(action: Action) {
    setBusy(action);
    setError(null);
    try {
      const next = await api.post<MeetingDetail>(meetingApi(m.id, `/${action}`));
      notify(t(ACTION_DONE[action]));
      if (next && typeof next === 'object' && 'status' in next) onChange(next);
      else reload();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(null);
    }
  }

  // clashes matter to the people who run the meeting; delegates are not bothered with them
  const warnings = m.canManage || m.canRun ? (m.warnings?.length ? m.warnings : (savedWarnings ?? [])) : [];
  const startAllowedAt = new Date(new Date(m.startsAt).getTime() - 2 * 3600_000);

  return (
    <div className="info-tab">
      <CheckInPanel meeting={m} reload={reload} />
      <ResponsePanel meeting={m} reload={reload} />

      {(actions.length > 0 || changeable) && (
        <section className="panel actions-panel" aria-labelledby="actions-title">
          <h2 id="actions-title" className="visually-hidden">
            {t('common.actions')}
          </h2>
          <FormError message={error} testId="action-error" />
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
            {changeable && (
              <>
                <Link to={`${meetingUrl(m.id)}/edit`} className="btn btn-large" data-testid="action-edit">
                  {t('common.edit')}
                </Link>
                <button type="button" className="btn btn-large" data-testid="action-postpone" onClick={() => setDialog('postpone')}>
                  {t('action.postpone')}
                </button>
                <button type="button" className="btn btn-large btn-danger-outline" data-testid="action-cancel" onClick={() => setDialog('cancel')}>
                  {t('action.cancel')}
                </button>
              </>
            )}
          </div>
          {actions.includes('start') && Date.now() < startAllowedAt.getTime() && (
            <p className="hint">{t('action.startFrom', { time: formatDateTime(startAllowedAt) })}</p>
          )}
          {actions.includes('schedule') && <p className="hint">{t('action.scheduleHint')}</p>}
        </section>
      )}

      {m.status === 'CANCELLED' && (
        <p className="alert alert-error" data-testid="cancel-reason">
          {t('meeting.cancelled')}
          {m.cancelReason && `: ${m.cancelReason}`}
        </p>
      )}

      {warnings.length > 0 && <ClashList clashes={warnings} />}

      <section className="panel" aria-labelledby="details-title">
        <h2 id="details-title">{t('meeting.details')}</h2>
        <dl className="props" data-testid="meeting-details">
          <dt>{t('common.status')}</dt>
          <dd>
            <MeetingStatusBadge status={m.status} />
          </dd>
          <dt>{t('meeting.time')}</dt>
          <dd>{formatSpan(m.startsAt, m.endsAt, lang)}</dd>
          <dt>{t('meeting.kind')}</dt>
          <dd>{t(`kind.${m.kind}`)}</dd>
          {m.place && (
            <>
              <dt>{t('meeting.place')}</dt>
              <dd>{m.place}</dd>
            </>
          )}
          {m.hostEndpointName && (
            <>
              <dt>{t('meeting.hostEndpoint')}</dt>
              <dd>{m.hostEndpointName}</dd>
            </>
          )}
          <dt>{t('meeting.hostUnit')}</dt>
          <dd>{m.hostUnitName}</dd>
          <dt>{t('meeting.chair')}</dt>
          <dd>{m.chairName}</dd>
          {m.secretaryName && (
            <>
              <dt>{t('meeting.secretary')}</dt>
              <dd>{m.secretaryName}</dd>
            </>
          )}
          <dt>{t('meeting.confidentiality')}</dt>
          <dd>{t(`conf.${m.confidentiality}`)}</dd>
          <dt>{t('meeting.quorum')}</dt>
          <dd>{quorumText(m.quorum, t)}</dd>
          <dt>{t('meeting.participants')}</dt>
          <dd>
            {t('meeting.participantCount', { n: m.participantCount })} · {t('meeting.endpointCount', { n: m.endpointCount })}
          </dd>
          <dt>{t('meeting.agenda')}</dt>
          <dd>
            {m.agendaVersion > 0
              ? t('agenda.versionAt', { v: m.agendaVersion, at: formatDateTime(m.agendaPublishedAt) })
              : t('agenda.notPublished')}
          </dd>
          {m.notes && (
            <>
              <dt>{t('meeting.notes')}</dt>
              <dd className="pre-line">{m.notes}</dd>
            </>
          )}
        </dl>
      </section>

      {m.history?.length > 0 && (
        <section className="panel" aria-labelledby="history-title" data-testid="change-history">
          <h2 id="history-title">{t('meeting.history')}</h2>
          <ol className="history-list">
            {m.history.map((c, i) => (
              <li key={i} className={`history-item history-${c.kind.toLowerCase()}`} data-testid="change-row" data-kind={c.kind}>
                <strong>{c.kind === 'POSTPONED' ? t('history.postponed') : t('history.cancelled')}</strong>{' '}
                <span className="muted">
                  {formatDateTime(c.at)}
                  {c.by && ` · ${c.by}`}
                </span>
                {c.kind === 'POSTPONED' && c.oldStartsAt && c.newStartsAt && (
                  <p>
                    {t('history.fromTo', {
                      from: formatSpan(c.oldStartsAt, c.oldEndsAt, lang),
                      to: formatSpan(c.newStartsAt, c.newEndsAt, lang),
                    })}
                  </p>
                )}
                {c.reason && <p>{t('history.reason', { reason: c.reason })}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {dialog === 'postpone' && (
        <PostponeDialog
          meeting={m}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            setDialog(null);
            onChange(next);
            notify(t('action.postponed'));
          }}
        />
      )}
      {dialog === 'cancel' && (
        <CancelDialog
          meeting={m}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            setDialog(null);
            onChange(next);
            notify(t('action.cancelled'));
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
        {t('clash.title', { n: clashes.length })}
      </h2>
      <ul className="clash-list">
        {clashes.map((c, i) => (
          <li key={i} data-testid="clash-row" data-kind={c.kind}>
            {t(c.kind === 'PERSON' ? 'clash.person' : 'clash.endpoint', { name: c.name })}{' '}
            <Link to={meetingUrl(c.meetingId)}>{c.meetingTitle}</Link>{' '}
            <span className="muted">({formatSpan(c.startsAt, c.endsAt, lang)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The big check-in button for a participant on the day of the meeting. */
function CheckInPanel({ meeting: m, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (m.myParticipantId == null) return null;
  const live = m.status === 'IN_PROGRESS' || (m.status === 'SCHEDULED' && vnDate(m.startsAt) === todayVN());
  if (!live) return null;
  const present = done || m.myAttendance === 'PRESENT_IN_ROOM' || m.myAttendance === 'PRESENT_ONLINE';

  async function checkIn() {
    setBusy(true);
    setError(null);
    try {
      await api.post(meetingApi(m.id, '/check-in'), {});
      setDone(true);
      notify(t('checkin.done'));
      reload();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`panel checkin-panel${present ? ' is-done' : ''}`} aria-live="polite">
      <FormError message={error} />
      {present ? (
        <>
          <button type="button" className="btn btn-checkin is-done" data-testid="check-in" data-checked-in="true" disabled aria-disabled="true">
            <span aria-hidden="true">✓</span> {t('checkin.doneLabel')}
          </button>
          {m.myAttendance && m.myAttendance !== 'UNKNOWN' && (
            <p className="checkin-sub">
              <AttendanceBadge attendance={m.myAttendance} />
            </p>
          )}
        </>
      ) : (
        <>
          <button type="button" className="btn btn-primary btn-checkin" data-testid="check-in" data-checked-in="false" disabled={busy} onClick={checkIn}>
            {busy ? t('common.working') : t('checkin.button')}
          </button>
          <p className="checkin-sub">{t('checkin.hint', { time: vnTime(m.startsAt) })}</p>
        </>
      )}
    </section>
  );
}

const RSVP: { value: Exclude<InvitationResponse, 'PENDING'>; label: MsgKey; cls: string }[] = [
  { value: 'ACCEPTED', label: 'rsvp.accept', cls: 'rsvp-yes' },
  { value: 'TENTATIVE', label: 'rsvp.tentative', cls: 'rsvp-maybe' },
  { value: 'DECLINED', label: 'rsvp.decline', cls: 'rsvp-no' },
];

/** "Tham dự / Chưa chắc / Vắng": the participant's answer to the invitation. */
function ResponsePanel({ meeting: m, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [current, setCurrent] = useState<InvitationResponse | null>(m.myResponse);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (m.myParticipantId == null) return null;
  if (m.status !== 'SCHEDULED' && m.status !== 'DRAFT') return null;
  const shown = current ?? m.myResponse ?? 'PENDING';

  async function answer(value: Exclude<InvitationResponse, 'PENDING'>) {
    setBusy(true);
    setError(null);
    try {
      await api.post(meetingApi(m.id, '/response'), note.trim() ? { response: value, note: note.trim() } : { response: value });
      setCurrent(value);
      notify(t('rsvp.saved', { answer: t(`response.${value}`) }));
      reload();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel rsvp-panel" aria-labelledby="rsvp-title" data-testid="rsvp">
      <h2 id="rsvp-title">
        {t('rsvp.title')} <ResponseBadge response={shown} />
      </h2>
      <FormError message={error} />
      <div className="rsvp-buttons" role="group" aria-labelledby="rsvp-title">
        {RSVP.map((r) => (
          <button
            key={r.value}
            type="button"
            className={`btn btn-rsvp ${r.cls}${shown === r.value ? ' is-on' : ''}`}
            aria-pressed={shown === r.value}
            data-testid={`rsvp-${r.value}`}
            disabled={busy}
            onClick={() => answer(r.value)}
          >
            {t(r.label)}
          </button>
        ))}
      </div>
      <details className="rsvp-note">
        <summary>{t('rsvp.addNote')}</summary>
        <TextField label={t('rsvp.note')} name="responseNote" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </details>
    </section>
  );
}

function PostponeDialog({ meeting: m, onClose, onDone }: { meeting: MeetingDetail; onClose: () => void; onDone: (m: MeetingDetail) => void }) {
  const { t } = useI18n();
  const [startDate, setStartDate] = useState(vnDate(m.startsAt));
  const [startTime, setStartTime] = useState(vnTime(m.startsAt));
  const [endDate, setEndDate] = useState(vnDate(m.endsAt));
  const [endTime, setEndTime] = useState(vnTime(m.endsAt));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const startsAt = vnInstant(startDate, startTime);
    const endsAt = vnInstant(endDate, endTime);
    if (!startsAt || !endsAt || endsAt <= startsAt) {
      setFields({ endsAt: !startsAt || !endsAt ? t('meetingForm.badTime') : t('meetingForm.endBeforeStart') });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const next = await api.post<MeetingDetail>(meetingApi(m.id, '/postpone'), { startsAt, endsAt, reason: reason.trim() || null });
      onDone(next);
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, ['startsAt', 'endsAt', 'reason']));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('postpone.title')} onClose={onClose} testId="postpone-dialog">
      <form onSubmit={onSubmit} noValidate>
        <p className="muted">{t('postpone.explain')}</p>
        <FormError message={error} />
        <div className="time-grid">
          <TextField label={t('meetingForm.startDate')} name="startDate" type="date" required value={startDate} onChange={(e) => {
            if (endDate === startDate) setEndDate(e.target.value);
            setStartDate(e.target.value);
          }} error={fields.startsAt} />
          <TextField label={t('meetingForm.startTime')} name="startTime" type="time" required value={startTime} onChange={(e) => setStartTime(e.target.value)} />
          <TextField label={t('meetingForm.endDate')} name="endDate" type="date" required value={endDate} onChange={(e) => setEndDate(e.target.value)} error={fields.endsAt} />
          <TextField label={t('meetingForm.endTime')} name="endTime" type="time" required value={endTime} onChange={(e) => setEndTime(e.target.value)} />
        </div>
        <TextField label={t('postpone.reason')} name="reason" optional value={reason} onChange={(e) => setReason(e.target.value)} error={fields.reason} maxLength={1000} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.close')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="postpone-save" disabled={busy}>
            {busy ? t('common.saving') : t('action.postpone')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function CancelDialog({ meeting: m, onClose, onDone }: { meeting: MeetingDetail; onClose: () => void; onDone: (m: MeetingDetail) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setFieldError(t('cancel.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      const next = await api.post<MeetingDetail>(meetingApi(m.id, '/cancel'), { reason: reason.trim() });
      onDone(next);
    } catch (err) {
      setFieldError(fieldErrorsOf(err).reason);
      setError(errorText(err, t, ['reason']));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('cancel.title')} onClose={onClose} testId="cancel-dialog">
      <form onSubmit={onSubmit} noValidate>
        <p>{t('cancel.explain', { title: m.title })}</p>
        <FormError message={error} />
        <TextField label={t('cancel.reason')} name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError} maxLength={1000} autoFocus />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.close')}
          </button>
          <button type="submit" className="btn btn-danger" data-testid="cancel-confirm" disabled={busy}>
            {busy ? t('common.working') : t('action.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
