import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { errorText } from '../components/errors';
import { FormError, TextField } from '../components/Field';
import { useAsync } from '../components/hooks';
import { useNotify } from '../components/Notice';
import { fold, formatDateTime, formatNumber, vnTime } from '../format';
import { type MsgKey, useI18n } from '../i18n';
import type { Attendance, AttendanceLogEntry, Id, MeetingEndpoint, Participant, Quorum } from '../types';
import type { MeetingTabProps } from './MeetingPage';
import { AttendanceBadge, meetingApi } from './shared';

const REFRESH_MS = 5000;

/** Re-runs `reload` every `ms` while the page is visible. */
function usePoll(reload: () => void, ms: number) {
  useEffect(() => {
    const id = setInterval(() => {
      if (typeof document === 'undefined' || !document.hidden) reload();
    }, ms);
    return () => clearInterval(id);
  }, [reload, ms]);
}

const MARKS: { value: Attendance; label: MsgKey; cls: string }[] = [
  { value: 'PRESENT_IN_ROOM', label: 'mark.inRoom', cls: 'mark-in' },
  { value: 'PRESENT_ONLINE', label: 'mark.online', cls: 'mark-online' },
  { value: 'EXCUSED', label: 'mark.excused', cls: 'mark-excused' },
  { value: 'ABSENT', label: 'mark.absent', cls: 'mark-absent' },
];

/** "Điểm danh": quorum panel, who is missing, marking attendance, room head counts (refreshes every 5 s). */
export function AttendanceTab({ meeting }: MeetingTabProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const manage = meeting.canManage;
  const [tick, setTick] = useState(0);
  const [filter, setFilter] = useState('');
  const [excusing, setExcusing] = useState<Participant | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const key = `${String(meeting.id)}|${tick}`;
  const quorum = useAsync<Quorum>(key, (signal) => api.get<Quorum>(meetingApi(meeting.id, '/quorum'), undefined, signal));
  const people = useAsync<Participant[]>(key, (signal) => api.get<Participant[]>(meetingApi(meeting.id, '/participants'), undefined, signal));
  const rooms = useAsync<MeetingEndpoint[]>(key, (signal) => api.get<MeetingEndpoint[]>(meetingApi(meeting.id, '/endpoints'), undefined, signal));
  const [reloadFn] = useState(() => () => setTick((n) => n + 1));
  usePoll(reloadFn, REFRESH_MS);

  async function mark(p: Participant, attendance: Attendance, reason?: string) {
    setBusy(`${String(p.id)}|${attendance}`);
    setError(null);
    try {
      const body: { attendance: Attendance; endpointId?: Id; reason?: string } = { attendance };
      if (attendance === 'PRESENT_IN_ROOM' && p.endpointId != null) body.endpointId = p.endpointId;
      if (reason) body.reason = reason;
      await api.put(meetingApi(meeting.id, `/participants/${encodeURIComponent(String(p.id))}/attendance`), body);
      notify(t('mark.done', { name: p.fullName, state: t(`attendance.${attendance}`) }));
      reloadFn();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(null);
    }
  }

  const q = quorum.data;
  const list = people.data ?? [];
  const shown = filter.trim() ? list.filter((p) => fold(`${p.fullName} ${p.unitName ?? ''}`).includes(fold(filter))) : list;
  const byId = new Map(list.map((p) => [String(p.id), p]));

  return (
    <div className="attendance-tab">
      <FormError message={quorum.error ? errorText(quorum.error, t) : null} />
      {q && (
        <section
          className={`quorum-panel ${q.reached ? 'is-reached' : 'is-short'}`}
          data-testid="quorum"
          data-reached={q.reached ? 'true' : 'false'}
          aria-live="polite"
          aria-labelledby="quorum-title"
        >
          <h2 id="quorum-title" className="visually-hidden">
            {t('quorum.title')}
          </h2>
          <p className="quorum-verdict" data-testid="quorum-reached" data-reached={q.reached ? 'true' : 'false'} data-value={q.reached ? 'true' : 'false'}>
            <span aria-hidden="true">{q.reached ? '✓ ' : '! '}</span>
            {q.reached ? t('quorum.reached') : t('quorum.notReached')}
          </p>
          <dl className="quorum-numbers">
            <div>
              <dt>{t('quorum.present')}</dt>
              <dd data-testid="quorum-present">{formatNumber(q.present)}</dd>
            </div>
            <div>
              <dt>{t('quorum.required')}</dt>
              <dd data-testid="quorum-required">{formatNumber(q.required)}</dd>
            </div>
            <div>
              <dt>{t('quorum.voting')}</dt>
              <dd data-testid="quorum-voting">{formatNumber(q.votingMembers)}</dd>
            </div>
          </dl>
          <p className="quorum-rule">
            {t('quorum.ruleIs', { rule: ruleText(q.rule, t) })} · {t('attendance.PRESENT_IN_ROOM')}: {q.presentInRoom} · {t('attendance.PRESENT_ONLINE')}:{' '}
            {q.presentOnline} · {t('attendance.EXCUSED')}: {q.excused} · {t('attendance.ABSENT')}: {q.absent}
          </p>
          <p className="muted small">{t('attendance.autoRefresh')}</p>
        </section>
      )}

      <FormError message={error} />

      {q && q.missing.length > 0 && (
        <section className="panel" aria-labelledby="missing-title" data-testid="quorum-missing">
          <h2 id="missing-title">{t('attendance.missing', { n: q.missing.length })}</h2>
          <ul className="missing-list">
            {q.missing.map((x) => {
              const p = byId.get(String(x.participantId));
              return (
                <li key={String(x.participantId)} data-testid="missing-row" data-participant-id={String(x.participantId)}>
                  <span className="cell-title">{x.fullName}</span> <AttendanceBadge attendance={x.attendance} />
                  {manage && p && (
                    <span className="btn-row">
                      <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => mark(p, 'PRESENT_IN_ROOM')}>
                        {t('mark.inRoom')}
                      </button>
                      <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => mark(p, 'PRESENT_ONLINE')}>
                        {t('mark.online')}
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="roll-title">
        <h2 id="roll-title">{t('attendance.roll')}</h2>
        {list.length > 10 && (
          <div className="toolbar">
            <label className="field field-search">
              <span className="label-text">{t('participants.filter')}</span>
              <input type="search" name="attendanceFilter" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('common.searchPlaceholder')} />
            </label>
          </div>
        )}
        <FormError message={people.error ? errorText(people.error, t) : null} />
        <div className="table-wrap">
          <table className="rtable" data-testid="attendance-table">
            <thead>
              <tr>
                <th scope="col">{t('participants.person')}</th>
                <th scope="col">{t('participants.role')}</th>
                <th scope="col">{t('attendance.state')}</th>
                {manage && <th scope="col">{t('attendance.mark')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={String(p.id)} data-testid="attendance-row" data-participant-id={String(p.id)} data-person-id={String(p.personId)} data-attendance={p.attendance}>
                  <td data-label={t('participants.person')}>
                    <span className="cell-title">{p.fullName}</span>
                    <span className="cell-sub text">
                      {[p.unitName, p.endpointName].filter(Boolean).join(' · ')}
                      {p.voting ? ` · ${t('participants.votingRight')}` : ''}
                    </span>
                  </td>
                  <td data-label={t('participants.role')}>{t(`prole.${p.role}`)}</td>
                  <td data-label={t('attendance.state')}>
                    <AttendanceBadge attendance={p.attendance} />
                    {p.attendanceAt && <span className="cell-sub">{vnTime(p.attendanceAt)}</span>}
                    {p.attendanceReason && <span className="cell-sub">“{p.attendanceReason}”</span>}
                  </td>
                  {manage && (
                    <td data-label={t('attendance.mark')} className="cell-actions">
                      <div className="mark-buttons" role="group" aria-label={t('attendance.markFor', { name: p.fullName })}>
                        {MARKS.map((mk) => (
                          <button
                            key={mk.value}
                            type="button"
                            className={`btn btn-small btn-mark ${mk.cls}${p.attendance === mk.value ? ' is-on' : ''}`}
                            aria-pressed={p.attendance === mk.value}
                            data-testid={`mark-${mk.value}`}
                            disabled={busy !== null}
                            onClick={() => (mk.value === 'EXCUSED' ? setExcusing(p) : mark(p, mk.value))}
                          >
                            {t(mk.label)}
                          </button>
                        ))}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <RoomCounts meetingId={meeting.id} rooms={rooms.data ?? []} manage={manage} onSaved={reloadFn} />

      <section className="panel">
        <button type="button" className="btn" data-testid="attendance-log-toggle" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
          {t('attendance.log')}
        </button>
        {showLog && <AttendanceLog meetingId={meeting.id} tick={tick} />}
      </section>

      {excusing && (
        <ExcuseDialog
          p={excusing}
          onClose={() => setExcusing(null)}
          onSave={async (reason) => {
            await mark(excusing, 'EXCUSED', reason);
            setExcusing(null);
          }}
        />
      )}
    </div>
  );
}

function ruleText(rule: string, t: (k: MsgKey) => string): string {
  const r = rule?.toLowerCase() ?? '';
  if (r.includes('more than 1/2')) return t('quorum.HALF');
  if (r.includes('2/3')) return t('quorum.TWO_THIRDS');
  return rule;
}

function RoomCounts({ meetingId, rooms, manage, onSaved }: { meetingId: Id; rooms: MeetingEndpoint[]; manage: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  if (rooms.length === 0) return null;
  const total = rooms.reduce((s, r) => s + (r.headCount ?? 0), 0);

  async function save(r: MeetingEndpoint) {
    const raw = drafts[String(r.endpointId)] ?? '';
    const count = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(count) || count < 0) {
      setError(t('attendance.badCount'));
      return;
    }
    setError(null);
    try {
      await api.put(meetingApi(meetingId, `/endpoints/${encodeURIComponent(String(r.endpointId))}/head-count`), { count });
      setDrafts((d) => {
        const next = { ...d };
        delete next[String(r.endpointId)];
        return next;
      });
      notify(t('attendance.countSaved', { name: r.name, n: count }));
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
    }
  }

  return (
    <section aria-labelledby="rooms-count-title" data-testid="room-counts">
      <h2 id="rooms-count-title">
        {t('attendance.roomCounts')} <span className="muted">({t('attendance.totalPeople', { n: formatNumber(total) })})</span>
      </h2>
      <FormError message={error} />
      <div className="table-wrap">
        <table className="rtable">
          <thead>
            <tr>
              <th scope="col">{t('nav.endpoints')}</th>
              <th scope="col">{t('attendance.headCount')}</th>
              {manage && <th scope="col">{t('attendance.update')}</th>}
            </tr>
          </thead>
          <tbody>
            {rooms.map((r) => (
              <tr key={String(r.id)} data-testid="room-count-row" data-endpoint-id={String(r.endpointId)}>
                <td data-label={t('nav.endpoints')}>
                  <span className="cell-title">{r.name}</span>
                  <span className="cell-sub text">{r.unitName}</span>
                </td>
                <td data-label={t('attendance.headCount')}>
                  <strong data-testid="room-head-count">{r.headCount ?? '–'}</strong>
                  {r.headCountAt && <span className="cell-sub">{formatDateTime(r.headCountAt)}</span>}
                </td>
                {manage && (
                  <td data-label={t('attendance.update')} className="cell-actions">
                    <form
                      className="inline-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void save(r);
                      }}
                    >
                      <input
                        type="number"
                        name="headCount"
                        min={0}
                        inputMode="numeric"
                        aria-label={t('attendance.headCountFor', { name: r.name })}
                        value={drafts[String(r.endpointId)] ?? ''}
                        placeholder={r.headCount != null ? String(r.headCount) : ''}
                        onChange={(e) => setDrafts((d) => ({ ...d, [String(r.endpointId)]: e.target.value }))}
                      />
                      <button type="submit" className="btn btn-small" data-testid="headcount-save">
                        {t('common.save')}
                      </button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AttendanceLog({ meetingId, tick }: { meetingId: Id; tick: number }) {
  const { t } = useI18n();
  const { data, error } = useAsync<AttendanceLogEntry[]>(`${String(meetingId)}|log|${tick}`, (signal) =>
    api.get<AttendanceLogEntry[]>(meetingApi(meetingId, '/attendance-log'), undefined, signal),
  );
  return (
    <div data-testid="attendance-log">
      <FormError message={error ? errorText(error, t) : null} />
      {data && data.length === 0 && <p className="muted">{t('attendance.logEmpty')}</p>}
      <ol className="history-list">
        {[...(data ?? [])].reverse().map((e, i) => (
          <li key={i} className="history-item">
            <strong>{e.fullName}</strong> <AttendanceBadge attendance={e.attendance} />{' '}
            <span className="muted">
              {formatDateTime(e.at)}
              {e.by && ` · ${e.by}`}
              {e.endpointName && ` · ${e.endpointName}`}
            </span>
            {e.reason && <p>“{e.reason}”</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function ExcuseDialog({ p, onClose, onSave }: { p: Participant; onClose: () => void; onSave: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState(p.attendanceReason ?? '');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('mark.reasonRequired'));
      return;
    }
    setBusy(true);
    await onSave(reason.trim());
    setBusy(false);
  }
  return (
    <Dialog title={t('mark.excusedTitle', { name: p.fullName })} onClose={onClose} testId="excuse-dialog">
      <form onSubmit={onSubmit} noValidate>
        <TextField label={t('mark.reason')} name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} error={error} autoFocus maxLength={500} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="excuse-save" disabled={busy}>
            {t('mark.excused')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
