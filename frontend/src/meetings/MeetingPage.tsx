import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { api } from '../api';
import { errorText } from '../components/errors';
import { FormError } from '../components/Field';
import { isAbort } from '../components/errors';
import { useTitle } from '../components/useTitle';
import { formatSpan } from '../format';
import { type MsgKey, useI18n } from '../i18n';
import type { Clash, MeetingDetail } from '../types';
import { AgendaTab } from './AgendaTab';
import { AttendanceTab } from './AttendanceTab';
import { InfoTab } from './InfoTab';
import { ParticipantsTab } from './ParticipantsTab';
import { MeetingStatusBadge, ParticipantRoleBadge, meetingApi } from './shared';

type Tab = 'info' | 'agenda' | 'participants' | 'attendance';

const TABS: { id: Tab; label: MsgKey }[] = [
  { id: 'info', label: 'meeting.tabInfo' },
  { id: 'agenda', label: 'meeting.tabAgenda' },
  { id: 'participants', label: 'meeting.tabParticipants' },
  { id: 'attendance', label: 'meeting.tabAttendance' },
];

export interface MeetingTabProps {
  meeting: MeetingDetail;
  /** replace the meeting with a fresh answer (transitions answer MeetingDetail) */
  onChange: (m: MeetingDetail) => void;
  /** fetch the meeting again */
  reload: () => void;
}

/** /meetings/:id: header and the four tabs (tab kept in ?tab=). */
export function MeetingPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useTitle(meeting?.title ?? t('meetings.title'));

  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<MeetingDetail>(meetingApi(id), undefined, ctrl.signal)
      .then((m) => {
        setMeeting(m);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted && !isAbort(e)) setError(e);
      });
    return () => ctrl.abort();
  }, [id, tick]);

  const justSaved = (location.state as { warnings?: Clash[] } | null)?.warnings;

  if (error && !meeting) {
    return (
      <div className="page">
        <FormError message={errorText(error, t)} />
        <Link to="/meetings" className="btn">
          {t('meeting.backToList')}
        </Link>
      </div>
    );
  }
  if (!meeting || String(meeting.id) !== id) return <p className="muted">{t('app.loading')}</p>;

  const showAttendance = meeting.canManage || meeting.canRun;
  const tabs = TABS.filter((x) => x.id !== 'attendance' || showAttendance);
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = tabs.some((x) => x.id === requested) ? (requested as Tab) : 'info';
  const place = meeting.place || meeting.hostEndpointName;

  return (
    <div className="page meeting-page" data-testid="meeting-page" data-meeting-id={String(meeting.id)} data-status={meeting.status}>
      <header className="meeting-head">
        <p className="crumbs">
          <Link to="/meetings">{t('meetings.title')}</Link>
        </p>
        <h1 data-testid="meeting-heading">{meeting.title}</h1>
        <p className="meeting-head-meta">
          <MeetingStatusBadge status={meeting.status} /> {meeting.myRole && <ParticipantRoleBadge role={meeting.myRole} />}{' '}
          <span className="meeting-time" data-testid="meeting-time">
            {formatSpan(meeting.startsAt, meeting.endsAt, lang)}
          </span>
          {place && <span className="muted"> · {place}</span>}
        </p>
      </header>

      <div className="tabs" role="tablist" aria-label={t('meeting.tabs')}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            aria-controls={`panel-${x.id}`}
            aria-selected={tab === x.id}
            className={`tab${tab === x.id ? ' is-on' : ''}`}
            data-testid={`tab-${x.id}`}
            onClick={() =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (x.id === 'info') next.delete('tab');
                  else next.set('tab', x.id);
                  return next;
                },
                { replace: true },
              )
            }
          >
            {t(x.label)}
            {x.id === 'agenda' && meeting.canManage && meeting.agendaDirty && (
              <span className="dot" aria-label={t('agenda.dirty')} />
            )}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        <FormError message={error ? errorText(error, t) : null} />
        {tab === 'info' && <InfoTab meeting={meeting} onChange={setMeeting} reload={reload} savedWarnings={justSaved} />}
        {tab === 'agenda' && <AgendaTab meeting={meeting} onChange={setMeeting} reload={reload} />}
        {tab === 'participants' && <ParticipantsTab meeting={meeting} onChange={setMeeting} reload={reload} />}
        {tab === 'attendance' && <AttendanceTab meeting={meeting} onChange={setMeeting} reload={reload} />}
      </div>
    </div>
  );
}
