import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ATTENDANCES, type Attendance, type AttendanceUpdate, type Id, type MeetingEndpoint, type Missing, type Participant, type Quorum } from '../api/types';
import { Dialog } from '../components/Dialog';
import { FormError, TextField } from '../components/Field';
import { FilterSelect } from '../components/FilterSelect';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { Pager } from '../components/Pager';
import { SearchBox } from '../components/SearchBox';
import { Segmented } from '../components/Segmented';
import { formatDateTime, vnTime } from '../format';
import { errorText } from '../lib/errors';
import { type MsgKey, type TFunction, useI18n } from '../lib/i18n';
import { useApiForm, type ApiForm } from '../lib/useApiForm';
import { endpointsQuery } from '../admin/endpoints/api/getEndpoints';
import { useLiveFallback } from '../live/hooks';
import { attendanceLogQuery, quorumQuery } from './api/attendance';
import { participantsQuery, useMarkAttendance } from './api/participants';
import { meetingEndpointsQuery, useSaveHeadCount } from './api/rooms';
import type { MeetingTabProps } from './MeetingPage';
import { QuorumPanel, formatCount } from './QuorumPanel';
import { AttendanceBadge, capsOf } from './shared';
import { usePagedList } from './usePagedList';

/** Who is still missing: this many are listed at first, the rest on demand. */
const MISSING_SHOWN = 6;

/** A mark: the participant and the new state (the server seats "in the room" in their own room). */
type Mark = { pid: Id | undefined; body: AttendanceUpdate };

const MARKS: { value: Attendance; label: MsgKey; cls: string }[] = [
  { value: 'PRESENT_IN_ROOM', label: 'meetings:mark.inRoom', cls: 'mark-in' },
  { value: 'PRESENT_ONLINE', label: 'meetings:mark.online', cls: 'mark-online' },
  { value: 'EXCUSED', label: 'meetings:mark.excused', cls: 'mark-excused' },
  { value: 'ABSENT', label: 'meetings:mark.absent', cls: 'mark-absent' },
];

type Sub = 'people' | 'rooms';

/**
 * "Điểm danh": the quorum, who is missing, the roll call (marking attendance) and the rooms' head
 * counts, each list paged by the server. What is shown follows the meeting's capabilities
 * (`canViewQuorum`, `canMarkAttendance`, `canReportHeadCount`, `canViewAttendanceLog`).
 */
export function AttendanceTab({ meeting, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const caps = capsOf(meeting);
  const [sub, setSub] = useState<Sub>(caps.canViewQuorum || caps.canMarkAttendance ? 'people' : 'rooms');
  const [excusing, setExcusing] = useState<{ pid: Id | undefined; name: string; reason?: string } | null>(null);
  const [showLog, setShowLog] = useState(false);
  // the meeting's live channel (opened by the meeting page) refreshes the quorum, the roll, the
  // rooms and the log when attendance changes; they are asked for again only while it is down
  const live = useLiveFallback(meetingId);
  const quorum = useQuery({ ...quorumQuery(meetingId), ...live, enabled: !!caps.canViewQuorum });
  const markAttendance = useMarkAttendance(meetingId);
  const form = useApiForm(markAttendance);
  const canMark = !!caps.canMarkAttendance;

  function mark(pid: Id | undefined, name: string, attendance: Exclude<Attendance, 'EXCUSED'>) {
    form.submit({ pid, body: { attendance } }, { onSuccess: () => notify(markedText(t, name, attendance)) });
  }

  const q = quorum.data;
  const hasRooms = (meeting.endpointCount ?? 0) > 0;

  return (
    <div className="attendance-tab">
      <FormError message={quorum.error ? errorText(quorum.error, t) : null} />
      {q && <QuorumDetails q={q} />}

      <FormError message={excusing ? null : form.error} />

      {q && (q.missing?.length ?? 0) > 0 && (
        <MissingList missing={q.missing ?? []} canMark={canMark} busy={form.busy} onMark={(x, a) => mark(x.participantId, x.fullName ?? '', a)} />
      )}

      {hasRooms && (
        <Segmented
          className="subtabs"
          label={t('meetings:meeting.tabAttendance')}
          value={sub}
          onChange={setSub}
          options={[
            { value: 'people', label: t('meetings:attendance.roll'), testId: 'att-sub-people' },
            { value: 'rooms', label: t('meetings:attendance.roomCounts'), testId: 'att-sub-rooms' },
          ]}
        />
      )}

      {(sub === 'people' || !hasRooms) && (
        <Roll meetingId={meetingId} canMark={canMark} form={form} onMark={(p, a) => mark(p.id, p.fullName ?? '', a)} onExcuse={(p) => setExcusing({ pid: p.id, name: p.fullName ?? '', reason: p.attendanceReason })} />
      )}
      {sub === 'rooms' && hasRooms && (
        <RoomCounts meetingId={meetingId} canReport={!!caps.canReportHeadCount} onlyOwnRoom={!caps.canManage} />
      )}

      {caps.canViewAttendanceLog && (
        <section className="panel">
          <button type="button" className="btn" data-testid="attendance-log-toggle" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
            {t('meetings:attendance.log')}
          </button>
          {showLog && <AttendanceLog meetingId={meetingId} />}
        </section>
      )}

      {excusing && (
        <ExcuseDialog
          name={excusing.name}
          initialReason={excusing.reason}
          form={form}
          onClose={() => {
            form.reset();
            setExcusing(null);
          }}
          onSave={(reason) =>
            form.submit(
              { pid: excusing.pid, body: { attendance: 'EXCUSED', reason } },
              {
                onSuccess: () => {
                  notify(markedText(t, excusing.name, 'EXCUSED'));
                  setExcusing(null);
                },
              },
            )
          }
        />
      )}
    </div>
  );
}

/** The quorum with the rule and the counts per attendance state. */
function QuorumDetails({ q }: { q: Quorum }) {
  const { t } = useI18n();
  return (
    <QuorumPanel q={{ ...q, voting: q.votingMembers }} titled>
      <p className="quorum-rule">
        {/* the rule is the server's text, in the language of the request */}
        {q.rule && <span data-testid="quorum-rule">{t('meetings:quorum.ruleIs', { rule: q.rule })} · </span>}
        {t('meetings:attendance.PRESENT_IN_ROOM')}: {formatCount(q.presentInRoom)} · {t('meetings:attendance.PRESENT_ONLINE')}: {formatCount(q.presentOnline)} ·{' '}
        {t('meetings:attendance.EXCUSED')}: {formatCount(q.excused)} · {t('meetings:attendance.ABSENT')}: {formatCount(q.absent)}
      </p>
      <p className="muted small">{t('meetings:attendance.liveUpdates')}</p>
    </QuorumPanel>
  );
}

/** The voting members not present yet: the first few, the rest in a scrolling list on demand. */
function MissingList({
  missing,
  canMark,
  busy,
  onMark,
}: {
  missing: Missing[];
  canMark: boolean;
  busy: boolean;
  onMark: (x: Missing, attendance: 'PRESENT_IN_ROOM' | 'PRESENT_ONLINE') => void;
}) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? missing : missing.slice(0, MISSING_SHOWN);
  const rest = missing.length - shown.length;
  return (
    <section className="panel" aria-labelledby="missing-title" data-testid="quorum-missing">
      <h2 id="missing-title">{t('meetings:attendance.missing', { count: missing.length })}</h2>
      <ul className={`missing-list${all ? ' is-all' : ''}`}>
        {shown.map((x) => (
          <li key={String(x.participantId)} data-testid="missing-row" data-participant-id={String(x.participantId)}>
            <span className="cell-title">{x.fullName}</span> <AttendanceBadge attendance={x.attendance} />
            {canMark && (
              <span className="btn-row">
                <button type="button" className="btn btn-small" disabled={busy} onClick={() => onMark(x, 'PRESENT_IN_ROOM')}>
                  {t('meetings:mark.inRoom')}
                </button>
                <button type="button" className="btn btn-small" disabled={busy} onClick={() => onMark(x, 'PRESENT_ONLINE')}>
                  {t('meetings:mark.online')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {(rest > 0 || all) && missing.length > MISSING_SHOWN && (
        <button type="button" className="btn btn-small" data-testid="missing-toggle" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? t('meetings:attendance.missingFewer') : t('meetings:attendance.missingMore', { count: rest })}
        </button>
      )}
    </section>
  );
}

/** The roll call: one page of the participants with their state and, for managers, the marks. */
function Roll({
  meetingId,
  canMark,
  form,
  onMark,
  onExcuse,
}: {
  meetingId: Id;
  canMark: boolean;
  form: ApiForm<Participant, Mark>;
  onMark: (p: Participant, attendance: Exclude<Attendance, 'EXCUSED'>) => void;
  onExcuse: (p: Participant) => void;
}) {
  const { t } = useI18n();
  const list = usePagedList({ q: '', attendance: '' });
  const live = useLiveFallback(meetingId);
  const people = useQuery({ ...participantsQuery(meetingId, list.params), ...live });
  const rows = people.data?.items ?? [];
  const total = people.data?.total ?? 0;
  return (
    <section aria-labelledby="roll-title">
      <h2 id="roll-title" className="visually-hidden">
        {t('meetings:attendance.roll')}
      </h2>
      <div className="toolbar">
        <SearchBox label={t('meetings:participants.search')} value={list.filters.q} onSearch={(v) => list.setFilter('q', v)} />
        <FilterSelect
          label={t('meetings:attendance.state')}
          name="attendanceFilter"
          testId="attendance-filter"
          value={list.filters.attendance}
          onChange={(v) => list.setFilter('attendance', v)}
          options={ATTENDANCES.map((a) => ({ value: a, label: t(`meetings:attendance.${a}`) }))}
        />
      </div>
      <FormError message={people.error ? errorText(people.error, t) : null} />
      <div className="table-wrap">
        <table className="rtable dense actions-below" data-testid="attendance-table">
          <thead>
            <tr>
              <th scope="col">{t('meetings:participants.person')}</th>
              <th scope="col">{t('meetings:participants.role')}</th>
              <th scope="col">{t('meetings:attendance.state')}</th>
              {canMark && <th scope="col">{t('meetings:attendance.mark')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={String(p.id)} data-testid="attendance-row" data-participant-id={String(p.id)} data-person-id={String(p.personId)} data-attendance={p.attendance}>
                <td className="cell-main" data-label={t('meetings:participants.person')}>
                  <span className="cell-title">{p.fullName}</span>
                  <span className="cell-sub text">
                    <span className="only-narrow">{p.role && `${t(`meetings:prole.${p.role}`)} · `}</span>
                    {[p.unitName, p.endpointName].filter(Boolean).join(' · ')}
                    {p.voting ? ` · ${t('meetings:participants.votingRight')}` : ''}
                  </span>
                </td>
                <td className="hide-narrow" data-label={t('meetings:participants.role')}>
                  <span className="small">{p.role && t(`meetings:prole.${p.role}`)}</span>
                </td>
                <td data-label={t('meetings:attendance.state')}>
                  <AttendanceBadge attendance={p.attendance} />
                  {p.attendanceAt && <span className="small muted"> {vnTime(p.attendanceAt)}</span>}
                  {p.attendanceReason && <span className="cell-sub">“{p.attendanceReason}”</span>}
                </td>
                {canMark && (
                  <td className="cell-actions">
                    <div className="mark-buttons" role="group" aria-label={t('meetings:attendance.markFor', { name: p.fullName ?? '' })}>
                      {MARKS.map((mk) => (
                        <button
                          key={mk.value}
                          type="button"
                          className={`btn btn-small btn-mark ${mk.cls}${p.attendance === mk.value ? ' is-on' : ''}`}
                          aria-pressed={p.attendance === mk.value}
                          data-testid={`mark-${mk.value}`}
                          disabled={form.busy}
                          onClick={() => (mk.value === 'EXCUSED' ? onExcuse(p) : onMark(p, mk.value))}
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
        {people.data && rows.length === 0 && (
          <p className="empty" data-testid="empty">
            {list.filters.q || list.filters.attendance ? t('common.noResults') : t('meetings:participants.empty')}
          </p>
        )}
      </div>
      {total > list.size && <Pager page={list.page} size={list.size} total={total} onPage={list.setPage} onSize={list.setSize} />}
    </section>
  );
}

function markedText(t: TFunction, name: string, attendance: Attendance): string {
  return t('meetings:mark.done', { name, state: t(`meetings:attendance.${attendance}`) });
}

/**
 * One page of the rooms with their head counts; managers and the rooms themselves report them
 * (`canReportHeadCount`). A room's device account may report only its own room: GET /api/endpoints
 * answers a device account with that room alone, so the list opens on it and only its row has the
 * input.
 */
function RoomCounts({ meetingId, canReport, onlyOwnRoom }: { meetingId: Id; canReport: boolean; onlyOwnRoom: boolean }) {
  const mine = canReport && onlyOwnRoom;
  const own = useQuery({ ...endpointsQuery({ size: 1 }), enabled: mine });
  if (mine && !own.data) return null;
  const ownRoom = own.data?.items?.[0];
  return (
    <RoomCountList
      meetingId={meetingId}
      initialQ={mine ? (ownRoom?.code ?? '') : ''}
      canReportRow={(r) => canReport && (!mine || (ownRoom?.id != null && r.endpointId === ownRoom.id))}
    />
  );
}

function RoomCountList({ meetingId, initialQ, canReportRow }: { meetingId: Id; initialQ: string; canReportRow: (r: MeetingEndpoint) => boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const list = usePagedList({ q: initialQ });
  const live = useLiveFallback(meetingId);
  const rooms = useQuery({ ...meetingEndpointsQuery(meetingId, list.params), ...live });
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const form = useApiForm(useSaveHeadCount(meetingId));
  const rows = rooms.data?.items ?? [];
  const total = rooms.data?.total ?? 0;
  const canReport = rows.some(canReportRow);

  function save(r: MeetingEndpoint) {
    const key = String(r.endpointId);
    const raw = drafts[key] ?? '';
    const count = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(count) || count < 0) {
      form.invalid({}, t('meetings:attendance.badCount'));
      return;
    }
    form.submit(
      { endpointId: r.endpointId, count },
      {
        onSuccess: () => {
          setDrafts((d) => {
            const next = { ...d };
            delete next[key];
            return next;
          });
          notify(t('meetings:attendance.countSaved', { name: r.name ?? '', count }));
        },
      },
    );
  }

  return (
    <section aria-labelledby="rooms-count-title" data-testid="room-counts">
      <h2 id="rooms-count-title" className="visually-hidden">
        {t('meetings:attendance.roomCounts')}
      </h2>
      <div className="toolbar">
        <SearchBox label={t('meetings:participants.roomFilter')} value={list.filters.q} onSearch={(v) => list.setFilter('q', v)} />
      </div>
      <FormError message={rooms.error ? errorText(rooms.error, t) : null} />
      <FormProblem form={form} />
      <div className="table-wrap">
        <table className="rtable dense">
          <thead>
            <tr>
              <th scope="col">{t('nav.endpoints')}</th>
              <th scope="col">{t('meetings:attendance.headCount')}</th>
              {canReport && <th scope="col">{t('meetings:attendance.update')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.id)} data-testid="room-count-row" data-endpoint-id={String(r.endpointId)}>
                <td className="cell-main" data-label={t('nav.endpoints')}>
                  <span className="cell-title">{r.name}</span>
                  <span className="cell-sub text">{r.unitName}</span>
                </td>
                <td data-label={t('meetings:attendance.headCount')}>
                  {/* the narrow layout shows no column headings: name the number */}
                  <span className="only-narrow">{t('meetings:attendance.headCount')}: </span>
                  <strong data-testid="room-head-count">{formatCount(r.headCount)}</strong>
                  {r.headCountAt && <span className="small muted"> {formatDateTime(r.headCountAt)}</span>}
                </td>
                {canReport && (
                  <td className="cell-actions">
                    {canReportRow(r) && (
                      <form
                        className="inline-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          save(r);
                        }}
                      >
                        <input
                          type="number"
                          name="headCount"
                          min={0}
                          inputMode="numeric"
                          aria-label={t('meetings:attendance.headCountFor', { name: r.name ?? '' })}
                          value={drafts[String(r.endpointId)] ?? ''}
                          placeholder={r.headCount != null ? String(r.headCount) : ''}
                          onChange={(e) => setDrafts((d) => ({ ...d, [String(r.endpointId)]: e.target.value }))}
                        />
                        <button type="submit" className="btn btn-small" data-testid="headcount-save" disabled={form.busy}>
                          {t('common.save')}
                        </button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {rooms.data && rows.length === 0 && (
          <p className="empty" data-testid="empty">
            {list.filters.q ? t('common.noResults') : t('meetings:participants.noRooms')}
          </p>
        )}
      </div>
      {total > list.size && <Pager page={list.page} size={list.size} total={total} onPage={list.setPage} onSize={list.setSize} />}
    </section>
  );
}

function AttendanceLog({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const live = useLiveFallback(meetingId);
  const { data, error } = useQuery({ ...attendanceLogQuery(meetingId), ...live });
  return (
    <div data-testid="attendance-log">
      <FormError message={error ? errorText(error, t) : null} />
      {data && data.length === 0 && <p className="muted">{t('meetings:attendance.logEmpty')}</p>}
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

function ExcuseDialog({
  name,
  initialReason,
  form,
  onClose,
  onSave,
}: {
  name: string;
  initialReason?: string;
  /** the tab's attendance write (the dialog shows its busy state and errors) */
  form: ApiForm<Participant, Mark>;
  onClose: () => void;
  onSave: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState(initialReason ?? '');
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      form.invalid({ reason: t('meetings:mark.reasonRequired') });
      return;
    }
    onSave(reason.trim());
  }
  return (
    <Dialog title={t('meetings:mark.excusedTitle', { name })} onClose={onClose} testId="excuse-dialog">
      <form onSubmit={onSubmit} noValidate>
        <FormProblem form={form} />
        <TextField
          label={t('meetings:mark.reason')}
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={form.fieldErrors.reason}
          autoFocus
          maxLength={500}
        />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={form.busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="excuse-save" disabled={form.busy}>
            {t('meetings:mark.excused')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
